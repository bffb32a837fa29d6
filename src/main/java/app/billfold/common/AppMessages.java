package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word a person reads, in English (the default), but for the payment pages (PaymentMessages).
 * French is in messages/msg_fr.properties; a test fails when a key is missing there.
 * Keys looked up by name at run time (errors, notices, declines, statuses) live here.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_main();

    @Message("Menu")
    String menu();

    @Message("Overview")
    String nav_dashboard();

    @Message("My bills")
    String nav_bills();

    @Message("Customers")
    String nav_customers();

    @Message("New customer")
    String nav_new_customer();

    @Message("Biller settings")
    String nav_settings();

    @Message("Language")
    String language_label();

    @Message("English")
    String language_en();

    @Message("Français")
    String language_fr();

    @Message("Change language")
    String language_apply();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Questions about your bill? Contact {name} at {email}.")
    String footer_help(String name, String email);

    @Message("None")
    String none();

    @Message("Save")
    String save();

    @Message("Cancel")
    String cancel();

    @Message("Some fields need your attention. Nothing was saved.")
    String form_has_errors();

    @Message("Sign in")
    String signin_title();

    @Message("Sign in to see and pay your bills.")
    String signin_intro();

    @Message("That e-mail and password do not match. Please try again.")
    String signin_failed();

    @Message("E-mail")
    String field_email();

    @Message("Password")
    String field_password();

    @Message("Name")
    String field_name();

    @Message("Phone")
    String field_phone();

    @Message("Language for bills and messages")
    String field_language();

    @Message("Account number (leave empty to allocate one)")
    String field_account_number_optional();

    @Message("Service address")
    String field_service_address();

    @Message("Postcode")
    String field_postcode();

    @Message("Please fill this in.")
    String error_required();

    @Message("This is too long.")
    String error_too_long();

    @Message("Enter an e-mail address like name@example.com.")
    String error_email();

    @Message("Enter a phone number with digits only, like +33 1 23 45 67 89.")
    String error_phone();

    @Message("Enter a number, like 12.50.")
    String error_number();

    @Message("Enter a date as year-month-day, like 2026-12-31.")
    String error_date();

    @Message("Choose one of the options.")
    String error_choice();

    @Message("Use 4 to 30 letters, digits or dashes.")
    String error_account_number();

    @Message("This account number is already in use.")
    String error_account_number_taken();

    @Message("This account is closed: it cannot be billed.")
    String error_account_closed();

    @Message("Enter a quantity above zero, with at most 4 decimals.")
    String error_quantity();

    @Message("Enter a price of zero or more, with at most 4 decimals.")
    String error_unit_price();

    @Message("Enter a tax rate between 0 and 100.")
    String error_tax_rate();

    @Message("An invoice can have at most 500 lines.")
    String error_too_many_lines();

    @Message("Add at least one line.")
    String error_invoice_no_lines();

    @Message("This invoice has already been issued and can no longer be edited.")
    String error_invoice_not_draft();

    @Message("An invoice must total more than zero.")
    String error_invoice_not_positive();

    @Message("This invoice is not open for payment.")
    String error_invoice_not_payable();

    @Message("The due date cannot be before today.")
    String error_due_date_past();

    @Message("Only an open invoice can be voided.")
    String error_void_status();

    @Message("An invoice with payments cannot be voided.")
    String error_void_has_payments();

    @Message("Enter an amount above zero, in whole cents.")
    String error_amount();

    @Message("This is more than the account owes.")
    String error_amount_exceeds_owed();

    @Message("This account has no open invoices to pay.")
    String error_nothing_owed();

    @Message("This is more than the invoice's balance.")
    String error_allocation_exceeds_balance();

    @Message("The amounts per invoice add up to more than the payment.")
    String error_allocation_sum();

    @Message("This date is in the future.")
    String error_date_future();

    @Message("Enter a three-letter currency code, like EUR.")
    String error_currency();

    @Message("The currency cannot change once invoices exist.")
    String error_currency_locked();

    @Message("Enter a time zone like Europe/Paris.")
    String error_time_zone();

    @Message("Use up to 20 letters, digits, dashes or slashes.")
    String error_prefix();

    @Message("Enter a colour like #0b5394.")
    String error_colour();

    @Message("The logo must be smaller than 256 KB.")
    String error_logo_size();

    @Message("The logo must be a PNG or JPEG image.")
    String error_logo_type();

    @Message("The logo must be at most 2000 by 2000 pixels.")
    String error_logo_pixels();

    @Message("Customer created.")
    String notice_customer_created();

    @Message("Customer saved.")
    String notice_customer_updated();

    @Message("Account opened.")
    String notice_account_opened();

    @Message("Account saved.")
    String notice_account_updated();

    @Message("Draft saved.")
    String notice_draft_saved();

    @Message("Invoice issued.")
    String notice_invoice_issued();

    @Message("Invoice voided.")
    String notice_invoice_voided();

    @Message("Draft discarded.")
    String notice_draft_discarded();

    @Message("Payment recorded.")
    String notice_payment_recorded();

    @Message("Settings saved.")
    String notice_settings_saved();

    @Message("Draft")
    String status_draft();

    @Message("Open")
    String status_open();

    @Message("Partly paid")
    String status_partially_paid();

    @Message("Paid")
    String status_paid();

    @Message("Void")
    String status_void();

    @Message("Overdue")
    String status_overdue();

    @Message("Cheque")
    String method_cheque();

    @Message("Cash")
    String method_cash();

    @Message("Bank transfer")
    String method_transfer();

    @Message("Active")
    String account_status_active();

    @Message("Closed")
    String account_status_closed();

    @Message("Person")
    String kind_person();

    @Message("Company")
    String kind_company();

    @Message("Your accounts")
    String dashboard_title();

    @Message("Total due")
    String dashboard_total_due();

    @Message("Next payment due {date}.")
    String dashboard_next_due(String date);

    @Message("See bills to pay")
    String dashboard_see_open();

    @Message("Accounts")
    String dashboard_accounts();

    @Message("{count} to pay")
    String dashboard_open_bills(Integer count);

    @Message("All paid")
    String dashboard_all_paid();

    @Message("Account number")
    String account_number();

    @Message("Service address")
    String account_service_address();

    @Message("Amount due")
    String account_due();

    @Message("Next due date")
    String account_next_due();

    @Message("Status")
    String account_state();

    @Message("Customer")
    String account_customer();

    @Message("Account {number}")
    String account_title(String number);

    @Message("For {name}")
    String account_for(String name);

    @Message("Open an account")
    String account_open_title();

    @Message("Edit account")
    String account_edit_title();

    @Message("Invoices")
    String account_invoices();

    @Message("Payments")
    String account_payments();

    @Message("Back to the account")
    String back_to_account();

    @Message("Your bills")
    String bills_title();

    @Message("Show bills")
    String bills_filter();

    @Message("All")
    String bills_filter_all();

    @Message("To pay")
    String bills_filter_open();

    @Message("Paid")
    String bills_filter_paid();

    @Message("No bills here.")
    String bills_none();

    @Message("Back to your bills")
    String bills_back();

    @Message("Invoice {number}")
    String invoice_title(String number);

    @Message("Invoice number")
    String invoice_number();

    @Message("Issued")
    String invoice_issue_date();

    @Message("Due date")
    String invoice_due_date();

    @Message("Status")
    String invoice_status();

    @Message("Charges")
    String invoice_lines();

    @Message("Payments received")
    String invoice_payments();

    @Message("Download PDF")
    String invoice_download_pdf();

    @Message("Account {number}, {name}.")
    String invoice_for(String number, String name);

    @Message("New invoice")
    String invoice_new_title();

    @Message("Draft invoice")
    String invoice_draft_title();

    @Message("Draft")
    String invoice_draft_label();

    @Message("For account {number}, {name}. Empty rows are ignored.")
    String invoice_draft_for(String number, String name);

    @Message("Save draft")
    String invoice_save_draft();

    @Message("Save and add lines")
    String invoice_more_lines();

    @Message("Save and issue…")
    String invoice_issue();

    @Message("Issue this bill?")
    String invoice_confirm_title();

    @Message(
            "Check it once more: issuing gives the bill its number and sends it, and it cannot be edited afterwards (a mistake is put right with a credit note).")
    String invoice_confirm_intro();

    @Message("Sent")
    String invoice_confirm_delivery();

    @Message("by e-mail to {email} (paperless)")
    String invoice_confirm_by_email(String email);

    @Message("on paper, through the print queue")
    String invoice_confirm_by_post();

    @Message("Issue the bill for {amount}")
    String invoice_confirm_issue(String amount);

    @Message("Back to the draft")
    String invoice_confirm_back();

    @Message("Total of this bill")
    String invoice_draft_total();

    @Message("Discard draft")
    String invoice_discard();

    @Message("Void invoice")
    String invoice_void();

    @Message("Description")
    String line_description();

    @Message("Quantity")
    String line_quantity();

    @Message("Unit price")
    String line_unit_price();

    @Message("Tax rate (%)")
    String line_tax_rate();

    @Message("Net")
    String line_net();

    @Message("Tax by rate")
    String tax_breakdown();

    @Message("Rate")
    String tax_rate();

    @Message("Net")
    String tax_base();

    @Message("Tax")
    String tax_amount();

    @Message("Totals")
    String totals();

    @Message("Net total")
    String total_net();

    @Message("Tax")
    String total_tax();

    @Message("Total")
    String total_gross();

    @Message("Paid")
    String total_paid();

    @Message("Balance due")
    String total_balance();

    @Message("Customers")
    String customers_title();

    @Message("Name, e-mail, account or invoice number")
    String customers_search_label();

    @Message("Search")
    String customers_search();

    @Message("No customer matches.")
    String customers_none();

    @Message("Newest customers")
    String customers_recent();

    @Message("Customers matching “{q}”")
    String customers_results(String q);

    @Message("Accounts")
    String customer_accounts();

    @Message("Customer type")
    String customer_kind();

    @Message("New customer")
    String customer_new_title();

    @Message("Edit customer")
    String customer_edit_title();

    @Message("First account")
    String customer_first_account();

    @Message("Create customer")
    String customer_create();

    @Message("Record a payment")
    String payment_record_title();

    @Message("Cheque, cash or transfer received for account {number}, {name}.")
    String payment_for_account(String number, String name);

    @Message("Amount")
    String payment_amount();

    @Message("Received on")
    String payment_date();

    @Message("Method")
    String payment_method();

    @Message("Reference (cheque number, transfer reference)")
    String payment_reference();

    @Message("Split across invoices")
    String payment_split();

    @Message(
            "Leave these empty to settle the oldest bills first. What the bills do not take stays on the account as credit for its next bills.")
    String payment_split_hint();

    @Message("Invoice {number}, due {due}, balance {balance}")
    String payment_split_invoice(String number, String due, String balance);

    @Message("Record payment")
    String payment_record();

    @Message("No payments yet.")
    String payments_none();

    @Message("Biller settings")
    String settings_title();

    @Message("Legal identity")
    String settings_identity();

    @Message("Legal name")
    String settings_legal_name();

    @Message("Address")
    String settings_address();

    @Message("Tax id (VAT number)")
    String settings_tax_id();

    @Message("Billing")
    String settings_billing();

    @Message("Currency")
    String settings_currency();

    @Message("Bills and payments are in this currency. It cannot change once a bill has been issued.")
    String settings_currency_hint();

    @Message("Time zone")
    String settings_time_zone();

    @Message("Invoice number prefix")
    String settings_invoice_prefix();

    @Message("Customer support")
    String settings_contact();

    @Message("Support e-mail")
    String settings_support_email();

    @Message("Support phone")
    String settings_support_phone();

    @Message("Branding")
    String settings_branding();

    @Message("Brand colour")
    String settings_brand_colour();

    @Message("Logo (PNG or JPEG, under 256 KB)")
    String settings_logo();

    @Message("Current logo")
    String settings_current_logo();

    @Message("Remove the logo")
    String settings_remove_logo();

    @Message("Card")
    String method_card();

    @Message("Bank account")
    String method_bank();

    @Message("This is not one of the sandbox's test card numbers.")
    String error_sandbox_card();

    @Message("This is not one of the sandbox's test account numbers.")
    String error_sandbox_account();

    @Message("Enter the month (1 to 12) and the year in four digits.")
    String error_card_expiry();

    @Message("This card has expired.")
    String error_card_expired();

    @Message("Enter the 3 or 4 digits printed on the card.")
    String error_card_cvc();

    @Message("The payment details could not be used. Please enter them again.")
    String error_method_token();

    @Message("The payment service cannot be reached just now. Nothing was charged; please try again in a few minutes.")
    String error_gateway_unavailable();

    @Message("This card has expired: choose another method.")
    String error_method_expired();

    @Message("Choose at least one bill to pay.")
    String error_pay_choose();

    @Message("This is more than the chosen bills owe.")
    String error_pay_too_much();

    @Message("Your card was declined. Please use another method.")
    String decline_generic_decline();

    @Message("The payment was declined for insufficient funds. Nothing was charged.")
    String decline_insufficient_funds();

    @Message("The card has expired. Please use another method.")
    String decline_expired_card();

    @Message("The processor could not complete the payment. Nothing was charged; please try again.")
    String decline_processing_error();

    @Message("This bank account is closed. Please use another method.")
    String decline_account_closed();

    @Message(
            "Your bank asks you to confirm this payment yourself. Nothing was charged: pay it on the pay page, where your bank can ask you.")
    String decline_authentication_required();

    @Message(
            "Your bank returned the debit: the direct debit mandate was revoked. Autopay with this account has stopped.")
    String decline_mandate_revoked();

    @Message(
            "The processor has not answered yet. We will not charge you twice: this page shows the result once it is known.")
    String pending_text();

    @Message("Payment method saved.")
    String notice_method_saved();

    @Message("Payment method removed.")
    String notice_method_removed();

    @Message("Autopay is on.")
    String notice_autopay_on();

    @Message("Autopay is off.")
    String notice_autopay_off();

    @Message("Autopay has run.")
    String notice_autopay_ran();

    @Message("Paid another way.")
    String decline_paid_otherwise();

    @Message("Autopay was stopped.")
    String decline_autopay_stopped();

    @Message("We could not find a bill with that account number and postcode. Check both on your bill.")
    String error_guest_no_match();

    @Message("Too many tries. For your security, please wait 15 minutes before trying again.")
    String error_guest_locked();

    @Message("The two passwords differ.")
    String error_password_confirm();

    @Message("This e-mail already has a sign-in: sign in instead.")
    String error_email_taken();

    @Message("Refund a payment")
    String refund_title();

    @Message("Refund")
    String refund_link();

    @Message("Can still be refunded")
    String refund_refundable();

    @Message("Reason (kept in the audit log)")
    String refund_reason();

    @Message("Refund")
    String refund_button();

    @Message("Refund made.")
    String notice_refunded();

    @Message("Refund sent: the processor holds it as pending until the money reaches the customer.")
    String notice_refund_pending();

    @Message("Cheque, cash and transfer payments are refunded outside Billfold.")
    String error_refund_offline();

    @Message("This is more than can still be refunded.")
    String error_refund_too_much();

    @Message("The processor refused the refund. Nothing was changed.")
    String error_refund_declined();

    @Message("This invoice has nothing paid to refund.")
    String error_refund_status();

    @Message("Messages")
    String messages_title();

    @Message("Show messages")
    String messages_filter();

    @Message("No messages.")
    String messages_none();

    @Message("Written")
    String messages_when();

    @Message("To")
    String messages_to();

    @Message("Message")
    String messages_kind();

    @Message("Last error")
    String messages_error();

    @Message("Send again")
    String messages_resend();

    @Message("Waiting")
    String message_status_pending();

    @Message("Retrying")
    String message_status_retry();

    @Message("Sent")
    String message_status_sent();

    @Message("Failed")
    String message_status_dead();

    @Message("The message will be sent again.")
    String notice_message_resent();

    @Message("Only a failed message can be sent again.")
    String error_resend_status();

    @Message("Reminders")
    String settings_reminders();

    @Message("Reminder days")
    String settings_reminder_days();

    @Message("Days from the due date, comma-separated: -5 is five days before, 0 the due date, 3 three days after.")
    String settings_reminder_days_hint();

    @Message("Enter up to eight whole days between -59 and 59, separated by commas, like -5,0,3,10.")
    String error_reminder_days();

    @Message("Paperless")
    String paperless_title();

    @Message("Paperless bills come by e-mail with the PDF attached, and no paper is posted.")
    String paperless_explained();

    @Message("Send bills for account {number} by e-mail only, no paper")
    String paperless_checkbox(String number);

    @Message("Paperless is on.")
    String notice_paperless_on();

    @Message("Bills will come on paper.")
    String notice_paperless_off();

    @Message("Print queue")
    String print_title();

    @Message("No paper bill waits to be printed.")
    String print_none();

    @Message("{count} paper bills wait to be printed and posted.")
    String print_count(Integer count);

    @Message("Download them as one PDF")
    String print_download();

    @Message("Mark these bills as printed")
    String print_mark_done();

    @Message("Marked as printed.")
    String notice_printed();

    @Message("Messages to {to}.")
    String messages_for(String to);

    @Message("Show everyone's")
    String messages_everyone();

    @Message("Not needed any more")
    String message_status_skipped();

    @Message("Bill to")
    String pdf_bill_to();

    @Message("Logo of {name}")
    String pdf_logo_alt(String name);

    @Message("VAT {id}")
    String pdf_tax_id(String id);

    @Message("Account number: {number}")
    String pdf_account_number(String number);

    @Message("Invoice number: {number}")
    String pdf_invoice_number(String number);

    @Message("Issue date: {date}")
    String pdf_issue_date(String date);

    @Message("Due date: {date}")
    String pdf_due_date(String date);

    @Message(
            "How to pay: sign in at {url}/portal, or pay as a guest at {url}/guest with your account number {number} and the postcode on this bill.")
    String pdf_how_to_pay(String url, String number);

    @Message("A plan with this name exists already.")
    String error_plan_name_taken();

    @Message("Give the plan at least one line.")
    String error_plan_no_lines();

    @Message("Write tiers as limit=price separated by semicolons, rising, the last one *=price, like 10=1.50; *=2.10.")
    String error_plan_tiers();

    @Message("Enter a whole number in the allowed range.")
    String error_plan_number();

    @Message("Only an issued invoice can be credited.")
    String error_credit_status();

    @Message("Enter a quantity above zero and no more than what is left to credit on this line.")
    String error_credit_quantity();

    @Message("Choose at least one line to credit.")
    String error_credit_no_lines();

    @Message("This is more than the account's credit.")
    String error_credit_refund_too_much();

    @Message("No card or bank payment of this account can take this refund.")
    String error_credit_no_payment();
}
