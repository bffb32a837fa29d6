package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of notification preferences and the message log, in English; French is in messages/notify_fr.properties. */
@MessageBundle(value = "notify", locale = "en")
public interface NotifyMessages {

    @Message("Notifications")
    String nav_preferences();

    @Message("Notifications")
    String preferences_title();

    @Message(
            "E-mails to {email} could not be delivered, so we send your notices by SMS where we can. Ask us to correct your address.")
    String email_failed_notice(String email);

    @Message("SMS to {phone} could not be delivered, so we send your notices by e-mail. Check the number below.")
    String sms_failed_notice(String phone);

    @Message("Send me bills and reminders by")
    String notify_by_legend();

    @Message("E-mail ({email})")
    String notify_by_email(String email);

    @Message("SMS")
    String notify_by_sms();

    @Message("E-mail and SMS")
    String notify_by_both();

    @Message("Mobile phone number")
    String phone_label();

    @Message("Needed for SMS. Add the country code for a number from abroad, like +44 7700 900123.")
    String phone_hint();

    @Message("{phone} agreed to receive SMS on {when}. Reply STOP to any SMS to end them.")
    String consent_given(String phone, String when);

    @Message("{phone} stopped SMS on {when}. Tick the box to get them again.")
    String consent_stopped(String phone, String when);

    @Message(
            "I agree to receive bill notices and reminders from {biller} by SMS at this number. I can reply STOP at any time to end them.")
    String consent_checkbox(String biller);

    @Message("Time zone")
    String time_zone_label();

    @Message("The same as ours ({zone})")
    String time_zone_biller(String zone);

    @Message("We send no SMS between 9 pm and 8 am in this time zone.")
    String time_zone_hint();

    @Message("Choose e-mail, SMS, or both.")
    String pref_error_notify_by();

    @Message("Enter a mobile phone number, like +33 6 12 34 56 78.")
    String pref_error_phone();

    @Message("Enter the mobile number to send SMS to, or choose e-mail.")
    String pref_error_sms_phone();

    @Message("Tick the box to agree to receive SMS at this number, or choose e-mail.")
    String pref_error_sms_consent();

    @Message("Choose a time zone from the list.")
    String pref_error_time_zone();

    @Message("SMS reminder days")
    String settings_reminder_sms_days();

    @Message(
            "Days on which customers who chose SMS get an SMS reminder, written the same way. Leave empty for no SMS reminders.")
    String settings_reminder_sms_days_hint();

    @Message("Channel")
    String messages_channel();

    @Message("E-mail")
    String channel_email();

    @Message("SMS")
    String channel_sms();

    @Message("All channels")
    String messages_all_channels();

    @Message("All statuses")
    String messages_all_statuses();

    @Message("From")
    String messages_from();

    @Message("Until")
    String messages_until();

    @Message("Filter")
    String messages_filter_apply();

    @Message("Delivery")
    String messages_delivery();

    @Message("Notices by")
    String contact_notify_by();

    @Message("SMS consent")
    String contact_sms_consent();

    @Message("None recorded: no SMS")
    String contact_consent_none();

    @Message("Given on {when} ({how})")
    String contact_consent_given(String when, String how);

    @Message("Stopped on {when} ({how})")
    String contact_consent_stopped(String when, String how);

    @Message(
            "E-mail to this customer failed for good on {when} ({why}): notices go by SMS, or to the print queue, until the address is corrected.")
    String contact_email_failed(String when, String why);

    @Message(
            "SMS to this customer failed for good on {when} ({why}): notices go by e-mail until the number is corrected.")
    String contact_sms_failed(String when, String why);

    @Message("We will send a code by SMS to this number: typing it back here confirms the number and your agreement.")
    String consent_code_hint();

    @Message("Confirm your mobile number")
    String phone_code_title();

    @Message("We sent a code by SMS to {phone}. Type it here to confirm the number; until then, notices go by e-mail.")
    String phone_code_intro(String phone);

    @Message("Code from the SMS (6 digits)")
    String phone_code_label();

    @Message("Confirm the number")
    String phone_code_submit();

    @Message("Send a new code")
    String phone_code_resend();

    @Message("That code is not the one we sent. Check the SMS and type it again.")
    String pref_error_code_wrong();

    @Message("That code has expired, was used already or was mistyped too often: ask for a new one.")
    String pref_error_code_expired();

    @Message("We sent three codes in the last hour: please wait a while before asking for another.")
    String pref_error_code_limit();

    @Message("We sent a code by SMS to your number: type it below to confirm it.")
    String notice_phone_code_sent();

    @Message("Your number is confirmed: SMS notices are on.")
    String notice_phone_confirmed();

    @Message("#{id}")
    String message_number(Long id);

    @Message("(sent again for #{id})")
    String message_fallback_of(Long id);

    @Message("then by e-mail")
    String message_then_email();

    @Message("then by SMS")
    String message_then_sms();

    @Message("then the bill on paper (print queue)")
    String message_then_print();

    @Message("Paper account")
    String print_reason_paper();

    @Message("Not delivered on any channel (message #{message})")
    String print_reason_undelivered(Long message);

    @Message("Print")
    String print_choose();

    @Message("Why on paper")
    String print_why();

    @Message("Rule for paper")
    String print_rule_title();

    @Message("Print bills that were paid or voided while they waited")
    String print_rule_paid();

    @Message("Bills paid or voided while they waited are printed all the same.")
    String print_rule_paid_on();

    @Message("Bills paid or voided while they waited are left out.")
    String print_rule_paid_off();

    @Message("Paperless, but no channel reaches the customer")
    String print_reason_unreachable();
}
