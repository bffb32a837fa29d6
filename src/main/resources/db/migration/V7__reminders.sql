-- Reminder policy: days relative to the due date on which a reminder goes out (negative: before).
alter table biller_settings add column reminder_days varchar(100) default '-5,0,3,10' not null;
