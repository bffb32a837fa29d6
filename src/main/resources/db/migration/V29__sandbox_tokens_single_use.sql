-- A one-time sandbox token is spent by its first charge, as a processor's would be: it cannot be
-- charged again or saved afterwards by anyone. A token saved for a customer stays theirs alone.
alter table sandbox_token add column used_at timestamp with time zone;
