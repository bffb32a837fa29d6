-- The same export (kind and parameters) asked for twice while it is being made leads to the one
-- under way: the service looks first, and this index holds it also for two requests at the same
-- moment (the second insert fails and follows the first). PostgreSQL only: H2 has no partial index.
create unique index export_job_one_under_way_idx on export_job (kind, coalesce(params, ''))
    where status in ('QUEUED', 'RUNNING');
