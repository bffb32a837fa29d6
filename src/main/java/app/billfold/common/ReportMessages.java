package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the reports and the audit trail, in English; French is in messages/report_fr.properties. */
@MessageBundle(value = "report", locale = "en")
public interface ReportMessages {

    @Message("Aging")
    String aging_title();

    @Message("As of")
    String as_of();

    @Message("Show")
    String show();

    @Message("Download CSV")
    String download_csv();

    @Message("What was owed at the end of {date}, in {currency}, by how many days past its due date.")
    String aging_explained(String date, String currency);

    @Message(
            "Account credit is what credit notes and payments beyond what was owed left on the account, not yet taken by a bill or refunded by that day; net is what the bills owe less that credit.")
    String aging_credit_explained();

    @Message("Account credit")
    String account_credit();

    @Message("Net")
    String net_owed();

    @Message("Nothing was owed on that day.")
    String aging_none();

    @Message("Customer")
    String customer();

    @Message("Not yet due")
    String bucket_current();

    @Message("1–30 days")
    String bucket_1_30();

    @Message("31–60 days")
    String bucket_31_60();

    @Message("61–90 days")
    String bucket_61_90();

    @Message("Over 90 days")
    String bucket_90();

    @Message("Total")
    String total();

    @Message("Adoption")
    String adoption_title();

    @Message(
            "Month by month: the share of active accounts on paperless, on autopay and with a saved payment method at the month's end, and the share of payments made online.")
    String adoption_explained();

    @Message("Adoption over the last twelve months, in percent")
    String adoption_chart();

    @Message("The same figures, month by month")
    String adoption_table();

    @Message("Each line's colour and dash are shown beside its name; the table below gives every figure.")
    String adoption_table_hint();

    @Message("Month")
    String month();

    @Message("Active accounts")
    String active_accounts();

    @Message("Paperless")
    String paperless_share();

    @Message("Autopay")
    String autopay_share();

    @Message("Saved method")
    String method_share();

    @Message("Paid online")
    String online_share();

    @Message("Online payments")
    String payments_online();

    @Message("Offline payments")
    String payments_offline();

    @Message("{share} % ({count})")
    String percent(int share, long count);

    @Message("{share} %")
    String percent_only(int share);

    @Message("Audit trail")
    String audit_title();

    @Message("Filter the audit trail")
    String audit_filter();

    @Message("Who")
    String audit_actor();

    @Message("Action")
    String audit_action();

    @Message("Subject")
    String audit_subject();

    @Message("An account or invoice number, a customer's name or e-mail (or account:42, customer:7, invoice:15).")
    String audit_subject_hint();

    @Message("Detail")
    String audit_detail();

    @Message("Before")
    String audit_before();

    @Message("After")
    String audit_after();

    @Message("No entries.")
    String audit_none();

    @Message("Pages")
    String pager_label();

    @Message("Previous page")
    String pager_previous();

    @Message("Next page")
    String pager_next();

    @Message("Page {number}")
    String pager_page(int number);
}
