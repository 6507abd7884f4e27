-- Imported history that its contributor is not told about (feedback.received with silent: true).
alter table contribution add column silent boolean not null default false;
