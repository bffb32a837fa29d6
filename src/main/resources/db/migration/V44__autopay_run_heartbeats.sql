-- An autopay run started from the console keeps its node and heartbeat like a billing run, so that
-- a run whose node died is closed by another node (ABANDONED, with what it did) instead of
-- showing RUNNING for ever, and continued_by names the run that charges the rest.
alter table autopay_run add column node varchar(100);
alter table autopay_run add column heartbeat_at timestamp with time zone;
alter table autopay_run add column continued_by bigint references autopay_run (id);
create index autopay_run_running_idx on autopay_run (status, heartbeat_at);
