-- Imported history that its contributor is not told about (feedback.received with silent: true): no clock to
-- tell them runs for it.
alter table feedback_item add column silent boolean not null default false;
