-- SMS: each customer chooses the channels of their notices; a phone number gets SMS only with
-- recorded consent (when and how), kept per number because STOP and START arrive per number.
alter table customer add column notify_by varchar(10) default 'EMAIL' not null;
alter table customer add constraint customer_notify_by_check check (notify_by in ('EMAIL', 'SMS', 'BOTH'));
alter table customer add column time_zone varchar(64);
-- A channel that failed for good (bounced e-mail, unreachable phone): notices use the other one
-- until the customer or a clerk changes the address.
alter table customer add column email_failed_at timestamp with time zone;
alter table customer add column email_failure varchar(200);
alter table customer add column sms_failed_at timestamp with time zone;
alter table customer add column sms_failure varchar(200);

create table sms_consent (
    phone          varchar(20) primary key,
    consented_at   timestamp with time zone,
    consent_how    varchar(200),
    opted_out_at   timestamp with time zone,
    opted_out_how  varchar(200)
);

-- Reminder steps on which an SMS goes out too (days relative to the due date).
alter table biller_settings add column reminder_sms_days varchar(100) default '0,3,10' not null;

-- Which customer a message is for (the log per customer), and what the provider last said of its
-- delivery (Twilio's status callbacks, bounces).
alter table outbox_message add column customer_id bigint references customer (id);
alter table outbox_message add column delivery varchar(40);
create index outbox_message_customer_idx on outbox_message (customer_id, id);
create index outbox_message_provider_idx on outbox_message (provider_id);
update outbox_message m set customer_id = (select min(c.id) from customer c where lower(c.email) = lower(m.recipient));
