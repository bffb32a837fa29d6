-- The dispatcher claims a message (status SENDING, by this node, at this time) and commits before
-- it calls SMTP or Twilio, then records the outcome in a short transaction of its own: no database
-- transaction or row lock waits on a provider. A message left SENDING by a node that died is taken
-- again once next_attempt_at (the claim's lease) has passed: an e-mail with the same Message-ID
-- (kept in provider_id from the first claim), an SMS after asking Twilio whether it went.
alter table outbox_message add column claimed_at timestamp with time zone;
alter table outbox_message add column claimed_by varchar(100);
