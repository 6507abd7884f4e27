-- Why an address gets no e-mail: it unsubscribed, or mail to it failed for good (a delivery report).
alter table email_suppression add column reason text not null default 'UNSUBSCRIBED';
