-- Bank debits settle days later. The sandbox learns the same: a charge on some test bank accounts
-- is processing until settles_at, then succeeds or fails with the bank's return reason.
alter table sandbox_charge add column settles_at timestamp with time zone;
create index charge_attempt_processing_idx on charge_attempt (status, completed_at);
-- When the reconciler last asked the processor about a debit still processing: each is asked now
-- and then, not every minute for the days it takes.
alter table charge_attempt add column checked_at timestamp with time zone;
