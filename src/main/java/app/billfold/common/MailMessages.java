package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of e-mails, in English. French is in messages/mail_fr.properties. */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("{biller}: your bill {number}")
    String invoice_issued_subject(String biller, String number);

    @Message("{biller}: payment received, thank you")
    String receipt_subject(String biller);

    @Message("{biller}: autopay is on for account {account}")
    String autopay_subject(String biller, String account);

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Your bill {number} for {amount} is ready. It is due on {due}.")
    String invoice_issued_body(String number, String amount, String due);

    @Message("See and pay your bill")
    String invoice_issued_link();

    @Message("The bill is attached as a PDF.")
    String invoice_issued_attached();

    @Message("We received your payment of {amount} with {method} for account {account}. Thank you.")
    String receipt_body(String amount, String method, String account);

    @Message("Your receipt")
    String receipt_link();

    @Message(
            "Autopay is on for account {account}: each bill will be charged to {method} on its due date, for the balance due, and you will get a notice before each charge.")
    String autopay_body(String account, String method);

    @Message("Manage autopay or create a sign-in")
    String autopay_manage();

    @Message("{biller}: bill {number} is due on {due}")
    String reminder_before_subject(String biller, String number, String due);

    @Message("{biller}: bill {number} is due today")
    String reminder_due_subject(String biller, String number);

    @Message("{biller}: bill {number} is overdue")
    String reminder_after_subject(String biller, String number);

    @Message("{biller}: we will charge {amount} on {due}")
    String autopay_notice_subject(String biller, String amount, String due);

    @Message("Your bill {number} for {amount} is due on {due}.")
    String reminder_before_body(String number, String amount, String due);

    @Message("Your bill {number} for {amount} is due today.")
    String reminder_due_body(String number, String amount);

    @Message(
            "Your bill {number} was due on {due} and {amount} is still to pay. If you have paid meanwhile, thank you and please ignore this message.")
    String reminder_after_body(String number, String amount, String due);

    @Message("Autopay: we will charge {amount} to {method} on {due} for bill {number}. Nothing to do on your side.")
    String autopay_notice_body(String amount, String due, String number, String method);

    @Message("Pay this one myself (autopay leaves this bill alone)")
    String autopay_skip_link();

    @Message("Pay now")
    String reminder_pay_link();

    @Message("Questions? Contact {biller} at {email}.")
    String footer(String biller, String email);

    @Message("{biller}: autopay could not pay bill {number}")
    String autopay_failed_subject(String biller, String number);

    @Message(
            "We could not charge {amount} for bill {number} to your saved payment method. {reason} Please pay the bill yourself, or add another method.")
    String autopay_failed_body(String amount, String number, String reason);

    @Message("{biller}: autopay is off for account {account}")
    String autopay_stopped_subject(String biller, String account);

    @Message(
            "Autopay was stopped for account {account}. Reason: {reason}. Your bills are no longer charged automatically: please pay them yourself, or turn autopay on again.")
    String autopay_stopped_body(String account, String reason);

    @Message("Manage autopay")
    String autopay_stopped_manage();

    @Message("{biller}: autopay is off for account {account}")
    String autopay_method_removed_subject(String biller, String account);

    @Message(
            "You removed {method}, the payment method autopay used for account {account}, and chose to stop autopay. Your bills are no longer charged automatically: please pay them yourself, or turn autopay on again with another method.")
    String autopay_method_removed_body(String method, String account);

    @Message("{biller}: create your sign-in")
    String signin_invitation_subject(String biller);

    @Message(
            "{biller} invites you to create your sign-in to see and pay your bills online, choose autopay and paperless bills. Choose your password with the link below; it works once, within three days.")
    String signin_invitation_body(String biller);

    @Message("Create my sign-in")
    String signin_invitation_link();

    @Message("If you did not expect this e-mail, you can ignore it: nothing happens without the link.")
    String signin_ignore();

    @Message("{biller}: choose a new password")
    String password_reset_subject(String biller);

    @Message(
            "Someone, probably you, asked to choose a new password for your sign-in. Use the link below; it works once, within an hour. Your password stays as it is until you do.")
    String password_reset_body();

    @Message("Choose a new password")
    String password_reset_link();

    @Message("{biller}: your console sign-in")
    String staff_invitation_subject(String biller);

    @Message(
            "You have been given a sign-in to the {biller} billing console with this e-mail address. Choose your password with the link below; it works once, within three days.")
    String staff_invitation_body(String biller);

    @Message("Choose my password")
    String staff_invitation_link();

    @Message("{biller}: confirm your new e-mail address")
    String email_change_subject(String biller);

    @Message(
            "You asked to sign in to {biller} with this e-mail address, and to receive your bills and notices here. Confirm it with the link below; it works once, within a day. Until then nothing changes.")
    String email_change_body(String biller);

    @Message("Confirm this address")
    String email_change_link();

    @Message("{biller}: your sign-in e-mail address was changed")
    String email_changed_subject(String biller);

    @Message(
            "Your sign-in to {biller} now uses the address {newEmail}; your bills and notices go there too. This address is no longer used.")
    String email_changed_body(String biller, String newEmail);

    @Message("If you did not make this change, contact us at once: {supportEmail}.")
    String email_changed_not_you(String supportEmail);
}
