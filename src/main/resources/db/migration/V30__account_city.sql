-- The town of the account's address, printed on its bills beside the postcode (optional: accounts
-- opened before have none until a clerk adds it).
alter table account add column city varchar(100);
