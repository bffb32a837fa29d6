-- The processor's fingerprint of a card or bank account, the same for every token of it: the same
-- card typed again updates the saved method instead of becoming its twin. The sandbox keeps one per
-- token, as a processor does.
alter table saved_method add column fingerprint varchar(100);
alter table sandbox_token add column fingerprint varchar(100);
create index saved_method_fingerprint_idx on saved_method (customer_id, fingerprint);

-- Twins saved before fingerprints were kept (same customer, kind, brand, last four and expiry)
-- become one: the twin that autopay uses stays, else the default one, else the newest; accounts
-- on autopay with another twin move to it, it becomes the default if a twin was, and the other
-- twins are removed (their tokens stay on past payments).
create table saved_method_twin as
select m.id as twin_id,
       (select s.id from saved_method s
         where s.customer_id = m.customer_id and s.kind = m.kind and s.brand = m.brand and s.last4 = m.last4
           and coalesce(s.exp_month, 0) = coalesce(m.exp_month, 0)
           and coalesce(s.exp_year, 0) = coalesce(m.exp_year, 0)
           and s.removed = false
         order by case when exists (select 1 from account a where a.autopay_method_id = s.id) then 0 else 1 end,
                  case when s.is_default then 0 else 1 end,
                  s.id desc
         limit 1) as keep_id
  from saved_method m
 where m.removed = false;

delete from saved_method_twin where twin_id = keep_id;

update account set autopay_method_id =
       (select t.keep_id from saved_method_twin t where t.twin_id = account.autopay_method_id)
 where autopay_method_id in (select twin_id from saved_method_twin);

update saved_method set is_default = true
 where id in (select t.keep_id from saved_method_twin t join saved_method d on d.id = t.twin_id where d.is_default);

update saved_method set removed = true, is_default = false
 where id in (select twin_id from saved_method_twin);

drop table saved_method_twin;
