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
     * Invoices charged at once when a run starts, before it has timed a try; from then on the run
     * keeps the processor's rate cap times a try's time in flight (see {@code ChargeConcurrency}).
     */
    @WithDefault("8")
    int concurrency();

    /**
     * The most invoices charged at once, however slow the processor; half the database pool bounds
     * it too (a try holds at most two connections at once).
     */
    @WithDefault("32")
    int maxConcurrency();

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
