-- Expression indexes for the case-insensitive look-ups (customer by e-mail in the import, the
-- message log by recipient). PostgreSQL only: the dev profile's H2 has no expression indexes,
-- so this folder is left out of its Flyway locations.
create index customer_email_lower_idx on customer (lower(email));
create index outbox_message_recipient_lower_idx on outbox_message (lower(recipient));
