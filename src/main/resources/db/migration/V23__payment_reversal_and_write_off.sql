-- An offline payment can be reversed (a bounced cheque, a typing error): it stays in the ledger with
-- its reason and stops counting from its reversal; the bills it paid owe that money again, and the
-- biller may charge a returned-payment fee on a bill of its own.
alter table payment add column reversed_at timestamp with time zone;
alter table payment add column reversed_by varchar(254);
alter table payment add column reversal_reason varchar(300);
alter table payment add column fee_invoice_id bigint references invoice (id);

-- The returned-payment fee of the biller's fee policy; null: none.
alter table late_fee_policy add column returned_payment_fee numeric(19, 4);

-- A credit note is a correction of lines (CREDIT) or the write-off of what a bill still owes
-- (WRITE_OFF), which never leaves credit on the account.
alter table credit_note add column kind varchar(10) default 'CREDIT' not null;
alter table credit_note add constraint credit_note_kind_check check (kind in ('CREDIT', 'WRITE_OFF'));
