-- The hourly reminder scan skips, per bill in its window, a bill with a bank debit under way
-- (charge_attempt_invoice by invoice): without this index each bill read every attempt ever made.
create index charge_attempt_invoice_invoice_idx on charge_attempt_invoice (invoice_id);
