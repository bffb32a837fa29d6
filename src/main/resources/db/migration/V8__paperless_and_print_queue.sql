-- Paperless: one checkbox per account. Bills of paper accounts wait in the print queue instead of
-- going out by e-mail.
alter table account add column paperless boolean default false not null;

create table print_item (
    invoice_id bigint primary key references invoice (id),
    queued_at  timestamp with time zone not null,
    printed_at timestamp with time zone,
    printed_by varchar(254)
);
create index print_item_unprinted_idx on print_item (printed_at);
