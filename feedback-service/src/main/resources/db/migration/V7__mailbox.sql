-- The feedback mailbox: a customer's verified address, so that what they e-mail joins their own history.
create table customer_address (
    email          text        primary key,
    contributor_id text        not null,
    seen_at        timestamptz not null
);
