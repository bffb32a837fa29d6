package app.billfold.autopay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** When the autopay run fires and how it retries soft failures. */
@ConfigMapping(prefix = "billfold.autopay")
public interface AutopayConfig {

    /** Quartz cron of the run (hourly by default), or "off". Read by the scheduler. */
    String cron();

    /**
     * Invoices charged at once. Each in-flight charge holds two database connections (the claimed
     * row and the charge), so keep the pool above twice this.
     */
    @WithDefault("8")
    int concurrency();

    /**
     * Days after the first try that failed (the due date, or the day a late run caught up) on which
     * a soft failure is tried again, never twice on one day; after the last one the bill is flagged
     * for clerks and stays payable by hand.
     */
    @WithDefault("1,3,5")
    List<Integer> retryDays();

    /**
     * Days between the notice of an automatic debit and the debit (SEPA pre-notification): a bill
     * is never debited before its notice is this old, nor before its due date.
     */
    @WithDefault("3")
    int noticeDays();
}
