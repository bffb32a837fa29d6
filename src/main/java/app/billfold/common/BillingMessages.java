package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of recurring billing in the console, in English; French is in messages/billing_fr.properties. */
@MessageBundle(value = "billing", locale = "en")
public interface BillingMessages {

    @Message("Billing")
    String billing_title();

    @Message("Run billing now")
    String run_now();

    @Message("Dry run")
    String dry_run();

    @Message("New plan")
    String plan_new();

    @Message("Billing runs")
    String runs_title();

    @Message("No billing run yet.")
    String runs_none();

    @Message("Started")
    String run_started();

    @Message("By")
    String run_by();

    @Message("Progress")
    String run_progress();

    @Message("Invoices issued")
    String run_issued();

    @Message("Failed")
    String run_failed();

    @Message("Amount")
    String run_amount();

    @Message("Running")
    String run_status_running();

    @Message("Finished")
    String run_status_finished();

    @Message("Failed")
    String run_status_failed();

    @Message("Abandoned: its node stopped")
    String run_status_abandoned();

    @Message("Continued by")
    String run_continued_by();

    @Message("Billing run {id}")
    String run_title(Long id);

    @Message("Finished")
    String run_finished();

    @Message("Errors")
    String run_errors();

    @Message("Import usage")
    String usage_title();

    @Message(
            "A CSV file with the header account,plan,line,period_start,quantity: account number, plan name, metered line, first day of the period, units used. Nothing is imported unless every row is right; importing the same file again changes nothing.")
    String usage_explained();

    @Message("Choose a CSV file to import.")
    String usage_file_missing();

    @Message("The file is larger than 5 MB: split it.")
    String usage_file_too_big();

    @Message("The file is not in UTF-8: save it again as \"CSV UTF-8\".")
    String usage_file_not_utf8();

    @Message("Usage imported: {rows} rows.")
    String usage_imported(int rows);

    @Message("Nothing was imported: {count} rows are wrong.")
    String usage_rejected(int count);

    @Message("Line {line}: {reason}")
    String usage_problem(long line, String reason);

    @Message("CSV file")
    String usage_file();

    @Message("Import")
    String usage_import();

    @Message("Plans")
    String plans_title();

    @Message("No plan yet.")
    String plans_none();

    @Message("{name}: {frequency}, on day {day}, due {terms} days after issue, {lines} lines")
    String plan_summary(String name, String frequency, int day, int terms, int lines);

    @Message(
            "A run now would issue {#when count}{#is 1}1 invoice{#else}{count} invoices{/when} for {total} in all. Nothing has been written.")
    String dry_run_explained(int count, String total);

    @Message("These periods could not be billed yet:")
    String dry_run_problems();

    @Message("Plan")
    String plan();

    @Message("Period")
    String period();

    @Message("Name")
    String plan_name();

    @Message("Frequency")
    String frequency();

    @Message("Monthly")
    String frequency_monthly();

    @Message("Quarterly")
    String frequency_quarterly();

    @Message("Yearly")
    String frequency_yearly();

    @Message("Billing day (1–28)")
    String billing_day();

    @Message("Due this many days after issue")
    String payment_terms();

    @Message(
            "A fixed line costs its price per full period (prorated by days in the first and last one). A metered line costs its price per unit, or by tiers written like 10=1.50; 20=1.80; *=2.10.")
    String lines_hint();

    @Message("Lines of the plan")
    String plan_lines();

    @Message("Description")
    String line_description();

    @Message("Kind")
    String line_kind();

    @Message("Unit")
    String line_unit();

    @Message("Price")
    String line_price();

    @Message("Tax %")
    String line_tax();

    @Message("Tiers")
    String line_tiers();

    @Message("Fixed per period")
    String kind_fixed();

    @Message("Per unit used")
    String kind_metered();

    @Message("Create the plan")
    String plan_create();

    @Message("Plans")
    String subscriptions_title();

    @Message("Not on any plan.")
    String subscriptions_none();

    @Message("{plan}, from {from}{#if until} to {until}{/if}")
    String subscription_line(String plan, String from, String until);

    @Message("From")
    String starts_on();

    @Message("Until (optional)")
    String ends_on();

    @Message("Put on plan")
    String subscribe();

    @Message("Reason for waiving the fee")
    String waive_reason();

    @Message("Waive this late fee")
    String waive_fee();

    @Message("Late fees")
    String late_fees_title();

    @Message(
            "A late fee is charged as an invoice of its own, the day after the grace period that follows the due date, once or every month until the cap; never twice for the same month. Clerks can waive a fee that is still unpaid.")
    String late_fees_explained();

    @Message("Late fee")
    String late_fee_kind();

    @Message("None")
    String late_fee_none();

    @Message("A fixed amount")
    String late_fee_fixed();

    @Message("A percentage of the balance")
    String late_fee_percent();

    @Message("Amount or percentage")
    String late_fee_amount();

    @Message("Grace days after the due date")
    String late_fee_grace();

    @Message("Charged")
    String late_fee_repeat();

    @Message("Once per invoice")
    String late_fee_once();

    @Message("Every month until the cap")
    String late_fee_monthly();

    @Message("Cap per invoice (optional)")
    String late_fee_cap();

    @Message("Credit notes")
    String credit_notes_title();

    @Message("No credit note for this invoice.")
    String credit_notes_none();

    @Message(
            "To credit some or all of the bill, enter the quantity to take back on each line concerned and the reason. What the bill no longer owes stays on the account as credit.")
    String credit_note_hint();

    @Message("Reason")
    String credit_reason();

    @Message("Issue the credit note")
    String credit_note_issue();

    @Message("Account credit")
    String account_credit_title();

    @Message("Refund to the customer")
    String credit_refund();

    @Message("{number}: {amount}, {reason}")
    String credit_note_line(String number, String amount, String reason);

    @Message("{description} (billed: {quantity})")
    String credit_line_label(String description, String quantity);

    @Message("Credit of {amount} is left on this account: the next invoice takes it, or refund it.")
    String account_credit(String amount);

    @Message("The first line must be name,email,phone,account_number,service_address,postcode,paperless,language.")
    String error_import_header();

    @Message("The file has more than 20,000 rows: split it.")
    String error_import_too_many();

    @Message("This row does not have 8 columns.")
    String error_import_columns();

    @Message("This is not a readable CSV file.")
    String error_import_unreadable();

    @Message("The file is not in UTF-8: save it again as \"CSV UTF-8\".")
    String error_import_not_utf8();

    @Message("The file has no rows.")
    String error_import_empty();

    @Message("paperless must be yes or no.")
    String error_import_paperless();

    @Message("Every row needs its account number: a second import finds the account by it.")
    String error_import_account_number();

    @Message("This account number appears twice in the file.")
    String error_import_duplicate();

    @Message("Import customers")
    String import_title();

    @Message(
            "A CSV file with the header name,email,phone,account_number,service_address,postcode,paperless,language. You see what each row would do before anything is saved; the account number finds an account again, so the same file twice changes nothing.")
    String import_explained();

    @Message("CSV file")
    String import_file();

    @Message("Preview")
    String import_preview();

    @Message("Import these rows")
    String import_apply();

    @Message("Nothing can be imported until every row is right:")
    String import_rejected();

    @Message("Line")
    String import_line();

    @Message("What it does")
    String import_action();

    @Message("Problems")
    String import_problems();

    @Message("New customer")
    String import_action_create();

    @Message("New account for a known customer")
    String import_action_add_account();

    @Message("Update")
    String import_action_update();

    @Message("No change")
    String import_action_unchanged();

    @Message("Imported.")
    String import_done();

    @Message("Reverse a payment")
    String reverse_title();

    @Message("The payment stays in the history as reversed, with its reason; the bills it paid owe that money again.")
    String reverse_explained();

    @Message("Reason (for example: cheque returned unpaid)")
    String reverse_reason();

    @Message("Charge the returned-payment fee of {fee} on a bill of its own")
    String reverse_charge_fee(String fee);

    @Message("Reverse the payment")
    String reverse_button();

    @Message("Reverse")
    String reverse_link();

    @Message("Reversed: {reason}")
    String payment_reversed(String reason);

    @Message("Write off the balance")
    String write_off_title();

    @Message("A credit note for exactly what the bill still owes, with the reason; it leaves no credit on the account.")
    String write_off_hint();

    @Message("Reason for the write-off")
    String write_off_reason();

    @Message("Write off")
    String write_off_button();

    @Message("Returned-payment fee (blank: none)")
    String returned_fee();

    @Message("This payment was reversed already. Nothing was changed.")
    String error_payment_already_reversed();

    @Message(
            "Only cheque, cash and transfer payments can be reversed; card and bank payments are refunded. Nothing was changed.")
    String error_payment_not_reversible();

    @Message(
            "Part of this payment was refunded to the customer as account credit, so it cannot be reversed. Nothing was changed.")
    String error_payment_credit_refunded();

    @Message("The fee policy sets no returned-payment fee.")
    String error_no_returned_payment_fee();

    @Message("Only a bill that still owes something can be written off. Nothing was changed.")
    String error_write_off_status();

    @Message("A reason is needed to write off a bill (at most 280 characters). Nothing was changed.")
    String error_write_off_reason();

    @Message("This bill was written off: it takes no other credit note.")
    String error_credit_written_off();

    @Message("Done: autopay will not pay this bill; pay it yourself before its due date.")
    String notice_autopay_skipped();

    @Message("This bill has nothing left to pay.")
    String error_skip_not_payable();

    @Message("Autopay has already paid this bill, or it is being paid now.")
    String error_skip_too_late();
}
