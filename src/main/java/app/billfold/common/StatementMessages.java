package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of account statements (page and PDF), in English; French is in messages/stmt_fr.properties. */
@MessageBundle(value = "stmt", locale = "en")
public interface StatementMessages {

    @Message("Statement of account {account}")
    String statement_title(String account);

    @Message("Statement of account {account}")
    String statement_link(String account);

    @Message("Statements")
    String statement_links();

    @Message("{name}, {address}")
    String statement_for(String name, String address);

    @Message("From {from} to {to}")
    String statement_period(String from, String to);

    @Message("From")
    String statement_from();

    @Message("To")
    String statement_to();

    @Message("Show this period")
    String statement_show();

    @Message("Download this statement (PDF)")
    String statement_pdf();

    @Message("Balance on {day}")
    String statement_opening(String day);

    @Message("Balance on {day}")
    String statement_closing(String day);

    @Message("Date")
    String statement_date();

    @Message("What")
    String statement_what();

    @Message("Reference")
    String statement_reference();

    @Message("Charges")
    String statement_charges();

    @Message("Payments and credits")
    String statement_credits();

    @Message("Balance")
    String statement_balance();

    @Message("Nothing changed on this account in this period.")
    String statement_none();

    @Message("A balance below zero is credit in your favour.")
    String statement_sign();

    @Message("Bill")
    String statement_kind_bill();

    @Message("Credit note")
    String statement_kind_credit_note();

    @Message("Written off")
    String statement_kind_write_off();

    @Message("Payment")
    String statement_kind_payment();

    @Message("Refund")
    String statement_kind_refund();

    @Message("Credit paid back to you")
    String statement_kind_credit_refunded();

    @Message("Payment reversed")
    String statement_kind_payment_reversed();

    @Message("Bill cancelled")
    String statement_kind_bill_voided();

    @Message("The end of the period comes before its start.")
    String statement_error_order();

    @Message("A statement covers at most ten years.")
    String statement_error_span();
}
