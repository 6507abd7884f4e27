-- Actions, the feedback they track, their history, routing rules, and the messaging bookkeeping.

create extension if not exists pg_trgm;

-- Where triage sends feedback of a topic. Topics without a rule go to the triage team (configuration).
create table routing_rule (
    topic              text primary key check (topic ~ '^[a-z][a-z0-9-]{1,39}$'),
    team               text not null check (team ~ '^[a-z][a-z0-9-]{1,39}$'),
    default_owner_id   text,
    default_owner_name text,
    updated_at         timestamptz not null default now()
);
insert into routing_rule (topic, team) values
    ('billing', 'billing'),
    ('delivery', 'delivery'),
    ('product', 'product'),
    ('account', 'product');

create table action (
    id                    uuid primary key,
    title                 text        not null check (char_length(title) between 1 and 200),
    topic                 text        not null,
    team                  text        not null,
    owner_id              text,
    owner_name            text,
    status                text        not null,
    priority              text        not null,
    due_at                timestamptz not null,
    -- the earliest promise to tell a contributor something substantive; null when nobody is waiting
    inform_by             timestamptz,
    public_note           text,
    last_public_update_at timestamptz,
    merged_into           uuid references action (id),
    feedback_count        integer     not null default 0,
    contributor_count     integer     not null default 0,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    closed_at             timestamptz,
    -- what the deadline scheduler already announced, so that no replica announces it twice
    fix_reminded_for      timestamptz,
    fix_overdue_for       timestamptz,
    fix_escalated_for     timestamptz,
    inform_reminded_for   timestamptz,
    inform_overdue_for    timestamptz,
    inform_escalated_for  timestamptz,
    repeats_escalated_at  timestamptz,
    version               integer     not null default 0
);
create index action_queue on action (due_at, id) where status in ('OPEN', 'PLANNED', 'IN_PROGRESS');
create index action_due on action (due_at, id);
create index action_owner on action (owner_id, due_at, id);
create index action_team on action (team, due_at, id);
create index action_topic_open on action (topic) where status in ('OPEN', 'PLANNED', 'IN_PROGRESS');
create index action_title_trgm on action using gin (title gin_trgm_ops);

-- The feedback triage has seen (a projection of feedback.received) and the action that tracks it.
create table feedback_item (
    feedback_id        uuid primary key,
    action_id          uuid references action (id),
    text               text        not null,
    topic              text        not null,
    sentiment          double precision not null,
    rating_scale       text,
    rating_score       integer,
    channel            text        not null,
    contributor_id     text,
    contact_email      text,
    consent_to_contact boolean     not null,
    received_at        timestamptz not null,
    linked_at          timestamptz
);
create index feedback_item_action on feedback_item (action_id);
create index feedback_item_text_trgm on feedback_item using gin (text gin_trgm_ops);

create table action_history (
    id          bigserial primary key,
    action_id   uuid        not null references action (id),
    at          timestamptz not null,
    actor_id    text        not null,
    actor_name  text,
    kind        text        not null,
    from_value  text,
    to_value    text,
    note        text,
    public_note text
);
create index action_history_action on action_history (action_id, id);

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create table outbox_event (
    id            uuid primary key,
    aggregate_id  text        not null,
    type          text        not null,
    payload       jsonb       not null,
    traceparent   text,
    created_at    timestamptz not null default clock_timestamp(),
    published_at  timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
create index outbox_event_unpublished on outbox_event (created_at) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
