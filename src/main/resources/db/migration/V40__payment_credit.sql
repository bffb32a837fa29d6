-- Money a clerk records beyond what the account's bills owe stays on the account as credit, like
-- the rest of a credit note: the account's next bills take it on issue (as allocations of that
-- payment, so a reversed cheque reopens them), or it is refunded. A refund of account credit is a
-- credit_allocation; it now draws on a credit note or on a payment's unallocated rest, never both.
alter table credit_allocation alter column credit_note_id drop not null;
alter table credit_allocation add column payment_id bigint references payment (id);
alter table credit_allocation add constraint credit_allocation_source
    check ((credit_note_id is null) <> (payment_id is null));
create index credit_allocation_payment_idx on credit_allocation (payment_id);
