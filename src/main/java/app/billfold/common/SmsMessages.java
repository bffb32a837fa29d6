package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of SMS, in English; French is in messages/sms_fr.properties. Each starts with the
 * biller's name and must fit one SMS (160 GSM characters) with a realistic name, amount and link.
 */
@MessageBundle(value = "sms", locale = "en")
public interface SmsMessages {

    @Message("{biller}: bill {number} for {amount} is ready, due {due}. {link}")
    String invoice_issued(String biller, String number, String amount, String due, String link);

    @Message("{biller}: payment of {amount} received for account {account}. Thank you.")
    String payment_receipt(String biller, String amount, String account);

    @Message("{biller}: bill {number} for {amount} is due on {due}. Pay: {link}")
    String reminder_before(String biller, String number, String amount, String due, String link);

    @Message("{biller}: bill {number} for {amount} is due today. Pay: {link}")
    String reminder_due(String biller, String number, String amount, String link);

    @Message("{biller}: bill {number} for {amount}, due {due}, is unpaid. Pay: {link}")
    String reminder_after(String biller, String number, String amount, String due, String link);

    @Message("{biller}: we will charge {amount} to {method} on {due} for bill {number}.")
    String autopay_notice(String biller, String amount, String method, String due, String number);

    @Message("{biller}: we could not charge {amount} for bill {number}. Please pay: {link}")
    String autopay_failed(String biller, String amount, String number, String link);

    @Message("{biller}: you will get no more SMS from us. Reply START to get them again.")
    String stop_reply(String biller);

    @Message("{biller}: SMS notices are on again. Reply STOP to end them, HELP for help.")
    String start_reply(String biller);

    @Message("{biller}: bill notices by SMS. Help: {contact}. Reply STOP to end them.")
    String help_reply(String biller, String contact);

    @Message("{biller}: your code to confirm this number for SMS notices is {code}. It is valid for 10 minutes.")
    String phone_code(String biller, String code);

    @Message("{biller}: autopay is off for account {account}. Reason: {reason}. Please pay your bills yourself.")
    String autopay_stopped(String biller, String account, String reason);

    @Message("{biller}: autopay is off for account {account}, as you removed {method}. Please pay your bills yourself.")
    String autopay_method_removed(String biller, String account, String method);
}
