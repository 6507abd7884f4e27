-- Where the contributor's words went: the action that tracks each item (from action.feedback-linked).

alter table feedback add column action_linked_at timestamptz;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
