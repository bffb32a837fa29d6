-- No bill notice lost: a message sent again on another channel names the one it replaces, and a
-- bill waiting on paper says why (PAPER: a paper account; UNDELIVERED: no channel reached the
-- customer) and which message could not be delivered; a message that failed says where its notice
-- went next (EMAIL, SMS or PRINT), so the message log shows the whole chain.
alter table outbox_message add column fallback_of bigint;
alter table outbox_message add column followed_by varchar(10);
alter table print_item add column reason varchar(20) default 'PAPER' not null;
alter table print_item add column message_id bigint;
-- The biller's rule for paper: false (the default) leaves bills paid or voided since they were
-- queued out of the printing.
alter table biller_settings add column print_paid_bills boolean default false not null;

-- A notice before every automatic debit: when it went, the day the debit may happen (at least the
-- notice period after it, never before the due date), and whether the customer chose to pay this
-- bill themselves.
create table autopay_notice (
    invoice_id bigint primary key references invoice (id),
    account_id bigint not null references account (id),
    sent_at    timestamp with time zone not null,
    debit_on   date not null,
    skipped_at timestamp with time zone,
    skipped_by varchar(254)
);
create index autopay_notice_account_idx on autopay_notice (account_id);
