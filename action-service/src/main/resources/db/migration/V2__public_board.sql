-- The public "you said, we did" board and the customers' "me too".

-- Completed actions, newest completion first.
create index action_public_done on action (closed_at desc, id desc) where status = 'DONE';
-- Open actions the public may see (announced with a public note), latest public note first.
create index action_public_open on action (last_public_update_at desc, id desc)
    where status in ('OPEN', 'PLANNED', 'IN_PROGRESS') and public_note is not null;

-- One "me too" per customer and action; the customer also becomes a contributor (through feedback-service).
create table me_too (
    action_id      uuid        not null references action (id),
    contributor_id text        not null,
    created_at     timestamptz not null,
    primary key (action_id, contributor_id)
);
