-- The outbox dispatcher's bookkeeping: tries, when to try next, the provider's id, the last error.
alter table outbox_message add column attempts integer default 0 not null;
alter table outbox_message add column next_attempt_at timestamp with time zone;
alter table outbox_message add column provider_id varchar(200);
alter table outbox_message add column last_error varchar(500);
update outbox_message set next_attempt_at = created_at;
create index outbox_message_due_idx on outbox_message (status, next_attempt_at);
