-- A real processor (Stripe): payments made on its own page, bank debits that settle days later,
-- mandates, and its signed events, each processed once.

-- A payment opened on the processor's page has no token of ours: the payer types the method there.
alter table charge_attempt alter column token drop not null;
alter table charge_attempt drop constraint charge_attempt_status_check;
alter table charge_attempt add constraint charge_attempt_status_check
    check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN', 'CANCELLED', 'HOSTED', 'PROCESSING'));
-- The processor's page (a Checkout Session id) the payer was sent to.
alter table charge_attempt add column hosted_page varchar(255);
-- The SEPA mandate's reference, as the payer's bank statement shows it.
alter table charge_attempt add column mandate_ref varchar(100);
alter table saved_method add column mandate_ref varchar(100);
alter table payment add column mandate_ref varchar(100);
create index charge_attempt_gateway_ref_idx on charge_attempt (gateway_ref);

-- Each processor event id once: a replay finds its row and changes nothing.
create table processor_event (
    id          varchar(255) primary key,
    type        varchar(100) not null,
    received_at timestamp with time zone not null
);
