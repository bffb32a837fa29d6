package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the payment pages (pay, guest pay, autopay, saved methods), in English.
 * French is in messages/pay_fr.properties. A second bundle because one with every key
 * outgrows what Qute generates for a single bundle.
 */
@MessageBundle(value = "pay", locale = "en")
public interface PaymentMessages {

    @Message("Pay")
    String nav_pay();

    @Message("Payment settings")
    String nav_payment_settings();

    @Message("Sandbox payment page")
    String sandbox_title();

    @Message(
            "Test processor: use a documented test number. Your details go to the processor only; the biller receives a token.")
    String sandbox_intro();

    @Message("Card number")
    String sandbox_card_number();

    @Message("Bank account number")
    String sandbox_account_number();

    @Message("Expiry date")
    String sandbox_expiry();

    @Message("Month (MM)")
    String sandbox_month();

    @Message("Year (YYYY)")
    String sandbox_year();

    @Message("Security code (CVC)")
    String sandbox_cvc();

    @Message("Continue")
    String sandbox_continue();

    @Message("Pay to")
    String sandbox_payee();

    @Message("Amount")
    String sandbox_amount();

    @Message("Cancel and go back")
    String sandbox_cancel();

    @Message("Pay your bills")
    String pay_title();

    @Message("Accounts")
    String pay_accounts();

    @Message("Bills to pay")
    String pay_bills();

    @Message("Amount")
    String pay_amount();

    @Message("Leave empty to pay the chosen bills in full, or enter a smaller amount.")
    String pay_amount_hint();

    @Message("Pay with")
    String pay_with();

    @Message("expires {month}/{year}")
    String method_expires(Integer month, Integer year);

    @Message("Expired")
    String method_expired();

    @Message("A new card")
    String pay_new_card();

    @Message("A new bank account")
    String pay_new_bank();

    @Message("Save this method for next time")
    String pay_save_method();

    @Message("Pay my bills automatically on the due date with this card")
    String autopay_checkbox();

    @Message(
            "Each bill is charged on its due date, for the balance due, with a notice before each charge. You can stop it in one click.")
    String autopay_explained();

    @Message("Pay")
    String pay_button();

    @Message("Pay {amount}")
    String pay_button_amount(String amount);

    @Message("Total to pay:")
    String pay_total();

    @Message(
            "Card and bank details are typed on the payment processor's page; we keep only a token, the brand and the last four digits.")
    String pay_safety();

    @Message("Payment receipt")
    String receipt_title();

    @Message("Thank you: {amount} received.")
    String receipt_thanks(String amount);

    @Message("Reference")
    String receipt_reference();

    @Message("Bills paid")
    String receipt_allocations();

    @Message("Still to pay on account {number}: {amount}.")
    String receipt_still_owed(String number, String amount);

    @Message("Nothing more to pay on account {number}.")
    String receipt_nothing_owed(String number);

    @Message("E-mail me a copy")
    String receipt_email_copy();

    @Message("A copy goes to {email}.")
    String receipt_email_copy_to(String email);

    @Message("E-mail a copy of this receipt")
    String guest_receipt_copy_title();

    @Message("Send the copy")
    String guest_receipt_copy_button();

    @Message("Next time, sign in to see your bills and receipts in one place.")
    String guest_next_sign_in();

    @Message("Create a sign-in to see your bills and receipts in one place, with the account number and a recent bill.")
    String guest_next_register();

    @Message("Create a sign-in")
    String guest_register_link();

    @Message("Confirming your payment")
    String pending_title();

    @Message("Check again")
    String pending_refresh();

    @Message("Autopay for account {number}")
    String autopay_title(String number);

    @Message(
            "Autopay is on: each bill is charged on its due date, for the balance due, with a notice before each charge.")
    String autopay_on();

    @Message("Stop autopay")
    String autopay_stop();

    @Message("Save a card or bank account to pay automatically.")
    String autopay_needs_method();

    @Message("Payment settings")
    String settings_portal_title();

    @Message("Saved payment methods")
    String methods_title();

    @Message("No saved payment method yet.")
    String methods_none();

    @Message("Expiry")
    String method_expiry();

    @Message("Payment pending")
    String payment_pending();

    @Message("Test mode: payments here are simulated; no real money moves.")
    String test_mode_banner();

    @Message("SEPA mandate reference:")
    String method_mandate_ref();

    @Message("SEPA mandate reference")
    String receipt_mandate_ref();

    @Message("Refund")
    String receipt_refund();

    @Message("Refund of {amount} pending: it reaches the account in a few days")
    String refund_state_pending(String amount);

    @Message("Refunded {amount}")
    String refund_state_succeeded(String amount);

    @Message("Refund of {amount} failed: nothing was given back")
    String refund_state_failed(String amount);

    @Message("Disputes")
    String disputes_title();

    @Message(
            "Payers who disputed a payment with their bank. The money was taken back and the bills reopened; answer on the processor's dashboard before the deadline. A dispute won pays the bills again.")
    String disputes_intro();

    @Message("No disputes.")
    String disputes_none();

    @Message("Opened")
    String dispute_opened();

    @Message("Payment")
    String dispute_payment();

    @Message("Reason")
    String dispute_reason();

    @Message("Evidence due by")
    String dispute_due_by();

    @Message("Outcome")
    String dispute_outcome();

    @Message("open ({status})")
    String dispute_status_open(String status);

    @Message("won on {date}: the bills were paid again")
    String dispute_status_won(String date);

    @Message("lost on {date}: the bills stay open")
    String dispute_status_lost(String date);

    @Message("open disputes to answer")
    String home_open_disputes();

    @Message("Actions")
    String methods_actions();

    @Message("Default")
    String method_default();

    @Message("Make default")
    String method_make_default();

    @Message("Remove")
    String method_remove();

    @Message("Add a card")
    String method_add_card();

    @Message("Add a bank account")
    String method_add_bank();

    @Message(
            "This account already pays its bills automatically, as its customer chose. Nothing was charged or changed: pay without autopay, or sign in to change autopay.")
    String error_guest_autopay_on();

    @Message("This account already pays its bills automatically; a payment here leaves that as it is.")
    String guest_autopay_already_on();

    @Message("{brand} \u2022\u2022\u2022\u2022 {last4}")
    String method_named(String brand, String last4);

    @Message("{brand} \u2022\u2022\u2022\u2022 {last4}, expires {month}/{year}")
    String method_named_expires(String brand, String last4, String month, Integer year);

    @Message("card")
    String method_word_card();

    @Message("bank account")
    String method_word_bank();

    @Message("Remove a payment method")
    String method_remove_title();

    @Message("Remove {method}?")
    String method_remove_question(String method);

    @Message("Autopay pays the bills of these accounts with it:")
    String method_remove_autopay_uses();

    @Message("Pay them automatically with")
    String method_remove_autopay_with();

    @Message("Remove it and use this method for autopay")
    String method_remove_and_switch();

    @Message("You have no other saved method that autopay could use.")
    String method_remove_no_other();

    @Message(
            "Or remove it and stop autopay: your bills will no longer be paid automatically, and we will send you a notice saying so.")
    String method_remove_stop_explained();

    @Message("Remove it and stop autopay")
    String method_remove_and_stop();

    @Message("Keep it")
    String method_remove_keep();

    @Message("Autopay uses this method: choose another method for autopay, or stop autopay. Nothing was changed.")
    String error_method_autopay_choose();

    @Message("Payment method removed. Autopay now pays with the method you chose; a confirmation is on its way.")
    String notice_method_removed_autopay_moved();

    @Message(
            "Payment method removed. Autopay is now off: your bills are no longer paid automatically. We sent you a notice saying so.")
    String notice_method_removed_autopay_stopped();

    @Message("Pay this bill")
    String pay_this_bill();

    @Message("Pay account {number}")
    String pay_account(String number);

    @Message("Autopay")
    String autopay_column();

    @Message("On")
    String autopay_state_on();

    @Message(
            "This account is closed: it gets no more bills, so it cannot keep money as credit. Enter at most what its bills owe.")
    String error_credit_account_closed();

    @Message("This account has no open bills: the whole payment becomes account credit, taken off its next bills.")
    String payment_all_credit();

    @Message("Credit {amount}: it comes off your next bill.")
    String dashboard_credit(String amount);

    @Message("Overdue: {amount} (due {date}). Please pay it now.")
    String dashboard_overdue_amount(String amount, String date);

    @Message("Paperless bills go to the address on file for this account. Type that address, or sign in to change it.")
    String error_guest_paperless_email();

    @Message("A copy of the receipt is on its way by e-mail.")
    String notice_receipt_sent();

    @Message("Copies of this receipt were sent already; please check your mailbox.")
    String notice_receipt_copies_used();

    @Message("On: next charge {amount} on {date}")
    String autopay_next_charge(String amount, String date);

    @Message("Off")
    String autopay_state_off();

    @Message("Autopay")
    String nav_autopay();

    @Message("Autopay follow-up")
    String autopay_queue_title();

    @Message("Run autopay now")
    String autopay_run_now();

    @Message("Failed autopays")
    String autopay_failed_title();

    @Message("No failed autopay to follow up.")
    String autopay_failed_none();

    @Message("Reason")
    String autopay_reason();

    @Message("Tries")
    String autopay_tries();

    @Message("Cards expiring before their next bill")
    String autopay_expiring_title();

    @Message("No card expires before its next bill.")
    String autopay_expiring_none();

    @Message("Pay without signing in")
    String guest_title();

    @Message("Enter the account number and the postcode printed on your bill.")
    String guest_intro();

    @Message("Continue")
    String guest_continue();

    @Message("Sign in instead")
    String guest_sign_in_instead();

    @Message("Your e-mail (needed for autopay or paperless; for paperless, the address on file)")
    String guest_email();

    @Message(
            "Paperless bills come by e-mail with the PDF attached, to the address on file for this account: type that address below.")
    String guest_paperless_explained();

    @Message("Paperless is on for this account: bills come by e-mail.")
    String pay_paperless_already();

    @Message("Paperless is on: your bills come by e-mail, with no paper posted.")
    String receipt_paperless_on();

    @Message("Autopay is on. We are sending you a confirmation with a link to manage it and to create a sign-in.")
    String guest_autopay_confirmation_sent();

    @Message("Pay without signing in")
    String nav_guest();

    @Message("Your autopay")
    String guest_manage_title();

    @Message("Create a sign-in")
    String guest_register_title();

    @Message("See your bills and payments any time, signing in with {email}.")
    String guest_register_intro(String email);

    @Message("Create my sign-in")
    String guest_register_button();

    @Message("New password")
    String field_new_password();

    @Message("The same password again")
    String field_confirm_password();

    @Message("Payments")
    String history_title();

    @Message("Charged to {method}.")
    String autopay_with(String method);

    @Message("Autopay for this bill")
    String autopay_bill_title();

    @Message("Autopay will pay this bill on {date}.")
    String autopay_bill_on(String date);

    @Message("Autopay will pay this bill on its due date, after a notice.")
    String autopay_bill_due();

    @Message("You chose to pay this bill yourself: autopay leaves it alone. Autopay goes on for your next bills.")
    String autopay_bill_skipped();

    @Message("Pay this one myself")
    String autopay_pay_myself();

    @Message("Bill {number}, {amount} to pay.")
    String autopay_bill_summary(String number, String amount);

    @Message("Autopay has nothing left to do for this bill.")
    String autopay_bill_nothing();
}
