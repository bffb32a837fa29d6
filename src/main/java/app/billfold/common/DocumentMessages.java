package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words Billfold writes onto bills and credit notes from Java (fee lines, shares by days,
 * usage bands), in English; French is in messages/doc_fr.properties. Each is taken in the
 * customer's language when the document is made, since an issued document never changes.
 */
@MessageBundle(value = "doc", locale = "en")
public interface DocumentMessages {

    @Message("Returned payment fee (payment of {amount} received on {date})")
    String returned_payment_fee(String amount, String date);

    @Message("Write-off: {line}")
    String write_off_line(String line);

    @Message("Late fee for invoice {number}")
    String late_fee(String number);

    @Message("Late fee for invoice {number} (month {month})")
    String late_fee_month(String number, String month);

    @Message("({from} – {to})")
    String period(String from, String to);

    @Message("({covered}/{days} days, {from} – {to})")
    String period_share(String covered, String days, String from, String to);

    @Message("({from}–{to}{unit})")
    String tier_band(String from, String to, String unit);

    @Message("(over {from}{unit})")
    String tier_over(String from, String unit);

    @Message(
            "How to pay: on the biller's customer portal, signed in or as a guest with your account number {number} and the postcode on this bill.")
    String pdf_how_to_pay_no_address(String number);
}
