package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the clerk console's home and of acting for a customer, in English; French is in
 * messages/console_fr.properties.
 */
@MessageBundle(value = "console", locale = "en")
public interface ConsoleMessages {

    @Message("Autopay and paperless")
    String service_title();

    @Message("Autopay is on: each bill is charged to {method} on its due date (since {since}).")
    String autopay_on(String method, String since);

    @Message("Autopay is off: the customer pays each bill.")
    String autopay_off();

    @Message("Paperless: bills go by e-mail only.")
    String paperless_on();

    @Message("Paper: bills are printed and posted.")
    String paperless_off();

    @Message("Stop autopay")
    String autopay_stop();

    @Message("Start autopay")
    String autopay_start();

    @Message("Charge to")
    String autopay_method();

    @Message("The customer has no saved card or bank account: autopay needs one, and only the customer can add it.")
    String autopay_no_method();

    @Message("Reason (sent to the customer)")
    String reason_told();

    @Message("Reason (kept in the audit trail)")
    String reason_kept();

    @Message("Switch to paperless")
    String paperless_switch_on();

    @Message("Switch to paper bills")
    String paperless_switch_off();

    @Message("Last bill")
    String resend_title();

    @Message("Last bill: {number}, issued on {date}.")
    String resend_last(String number, String date);

    @Message("Send the last bill again")
    String resend_button();

    @Message("No bill issued yet.")
    String resend_none();

    @Message("Notes")
    String notes_title();

    @Message("No notes yet.")
    String notes_none();

    @Message("New note")
    String note_body();

    @Message("Add the note")
    String note_add();

    @Message("{at}, by {author}")
    String note_by(String at, String author);

    @Message("About account {account}")
    String note_about(String account);

    @Message("About")
    String note_account();

    @Message("The customer as a whole")
    String note_customer();

    @Message("Contact preferences")
    String contact_title();

    @Message("Send a code by SMS to this number, to record the customer's consent when they read it back")
    String consent_send_code();

    @Message("Code read by the customer")
    String consent_code_title();

    @Message("Code from the SMS (6 digits)")
    String consent_code_label();

    @Message("Record the consent")
    String consent_code_submit();

    @Message("Record that the customer withdrew SMS consent")
    String consent_withdraw();

    @Message("Sign-in")
    String signin_title();

    @Message("The customer signs in as {email}.")
    String signin_has(String email);

    @Message("The customer has no sign-in yet.")
    String signin_none();

    @Message("Send a sign-in invitation to {email}")
    String signin_invite(String email);

    @Message("Autopay stopped; the customer is told why.")
    String notice_autopay_stopped_for();

    @Message("Autopay started; the customer gets a confirmation.")
    String notice_autopay_started_for();

    @Message("Paperless setting saved.")
    String notice_paperless_switched();

    @Message("The last bill was sent again.")
    String notice_bill_resent();

    @Message("Note added.")
    String notice_note_added();

    @Message("Contact preferences saved.")
    String notice_preferences_saved();

    @Message("A code went to the number by SMS: type it below when the customer reads it to you.")
    String notice_consent_code_sent();

    @Message("SMS consent recorded.")
    String notice_consent_recorded();

    @Message("SMS consent withdrawn: no more SMS go to this number.")
    String notice_consent_withdrawn();

    @Message("Invitation sent to the e-mail address on file.")
    String notice_invitation_sent();

    @Message("Invitation sent: they choose their password with the link in the e-mail.")
    String notice_staff_invited();

    @Message("Autopay is already off on this account.")
    String console_error_autopay_off();

    @Message("This account has no issued bill to send.")
    String console_error_no_bill();

    @Message("No channel reaches this customer: check the e-mail address and the phone number.")
    String console_error_unreachable();

    @Message("This customer cannot be invited: it takes an e-mail address on file, no sign-in yet, and local sign-in.")
    String console_error_cannot_invite();

    @Message("The customer has no phone number.")
    String console_error_no_phone();

    @Message("Create your sign-in")
    String invitation_title();

    @Message("Choose a password to sign in as {email}.")
    String invitation_intro(String email);

    @Message("Create my sign-in")
    String invitation_submit();

    @Message("This link no longer works")
    String invitation_dead_title();

    @Message(
            "The link has expired, was already used, or the address changed. Ask us for a new invitation, or sign in if you already have a sign-in.")
    String invitation_dead();

    @Message("Autopay")
    String autopay_label();

    @Message("Bill delivery")
    String paperless_label();

    @Message("SMS consent")
    String consent_label();

    @Message("Today")
    String home_title();

    @Message("What needs you on {day}.")
    String home_today(String day);

    @Message("bills due today, {amount} to collect")
    String home_due_today(String amount);

    @Message("bills overdue, {amount} owed")
    String home_overdue(String amount);

    @Message("failed autopays to follow up")
    String home_failed_autopays();

    @Message("messages that could not be delivered")
    String home_dead_messages();

    @Message("paper bills waiting to be printed")
    String home_paper_waiting();

    @Message("Last billing run: {at}, {state}, {issued} bills issued")
    String home_last_run(String at, String state, int issued);

    @Message("No billing run yet")
    String home_no_run();

    @Message("Today")
    String nav_home();

    @Message("Bills due today")
    String unpaid_due_today_title();

    @Message("Overdue bills")
    String unpaid_overdue_title();

    @Message("{count} bills, {amount} still owed.")
    String unpaid_summary(long count, String amount);

    @Message("Autopay run {id}")
    String autopay_run_title(long id);

    @Message("{done} of {due} due bills tried")
    String autopay_run_tried(int done, int due);

    @Message("Charged")
    String autopay_run_charged();

    @Message("Declined, tried again later")
    String autopay_run_retrying();

    @Message("Given up (for clerks)")
    String autopay_run_given_up();

    @Message("Nothing left to charge")
    String autopay_run_closed();

    @Message("Runs started here")
    String autopay_runs_title();

    @Message("{at} by {by}: {state}, {charged} charged, {givenUp} given up")
    String autopay_run_line(String at, String by, String state, int charged, int givenUp);

    @Message(
            "A name, an e-mail, a phone number, an address or postcode, an account or invoice number or any part of one. An exact number or e-mail opens its page.")
    String search_hint();

    @Message("Accounts matching “{q}”")
    String search_accounts(String q);

    @Message("Invoices matching “{q}”")
    String search_invoices(String q);

    @Message("Bill")
    String kind_invoice_issued();

    @Message("Payment receipt")
    String kind_payment_receipt();

    @Message("Autopay confirmation")
    String kind_autopay_confirmation();

    @Message("Reminder before the due date")
    String kind_reminder_before();

    @Message("Reminder on the due date")
    String kind_reminder_due();

    @Message("Reminder of an overdue bill")
    String kind_reminder_after();

    @Message("Notice before an autopay charge")
    String kind_autopay_notice();

    @Message("Autopay could not pay")
    String kind_autopay_failed();

    @Message("Autopay stopped")
    String kind_autopay_stopped();

    @Message("Autopay stopped: its method was removed")
    String kind_autopay_method_removed();

    @Message("Sign-in invitation")
    String kind_signin_invitation();

    @Message("Code to confirm a phone number")
    String kind_phone_code();

    @Message("Password reset link")
    String kind_password_reset();

    @Message("Staff invitation")
    String kind_staff_invitation();

    @Message("Link to confirm a new e-mail address")
    String kind_email_change();

    @Message("Notice that the e-mail address changed")
    String kind_email_changed();

    @Message("Held for the quiet hours (no SMS from 21:00 to 08:00 where the customer lives): goes at {until}.")
    String message_held(String until);

    @Message("Sending")
    String message_status_sending();

    @Message("Message {id}")
    String message_title(long id);

    @Message("Subject")
    String message_subject();

    @Message("What it says")
    String message_text();

    @Message("The content of this message is not shown (a code, or a kind no longer sent).")
    String message_hidden();

    @Message("Open")
    String message_open();

    @Message("Customer")
    String message_customer();

    @Message("Sent")
    String message_sent();

    @Message("(only this)")
    String audit_only_this();

    @Message("Export {id}")
    String export_title(Long id);

    @Message("What")
    String export_what();

    @Message("Paper bills to print")
    String export_kind_print();

    @Message("E-invoices of a period (zip)")
    String export_kind_einvoices();

    @Message("Aging report (CSV)")
    String export_kind_aging();

    @Message("Waiting to start")
    String export_status_queued();

    @Message("Being made")
    String export_status_running();

    @Message("Ready to download")
    String export_status_ready();

    @Message("Failed")
    String export_status_failed();

    @Message("{done} of {total}")
    String export_progress(Integer done, Integer total);

    @Message("Download {name}")
    String export_download(String name);

    @Message(
            "Bills come as PDFs of at most {size} bills each (a zip when there is more than one), the size the printer takes.")
    String export_print_split(Integer size);

    @Message(
            "The export could not be made. Ask for it again; if it fails again, tell your administrator what it says below.")
    String export_failed();

    @Message("Exports")
    String export_list_title();

    @Message(
            "Long exports are made in the background: their page follows them and offers the file when it is ready. Files are kept for a week.")
    String export_list_hint();

    @Message("No export yet.")
    String export_none();

    @Message("Print all {count} in batches")
    String print_all(Integer count);
}
