package app.billfold.autopay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How many days before an automatic debit its notice must have gone out (SEPA's pre-notification
 * rule asks for at least a few days; 3 by default). A bean of its own so that a test can set it.
 */
@ApplicationScoped
public class NoticePeriod {

    @Inject
    AutopayConfig config;

    public int days() {
        return Math.max(config.noticeDays(), 0);
    }
}
