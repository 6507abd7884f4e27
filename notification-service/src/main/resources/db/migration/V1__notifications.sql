-- Who to tell (projections of other services' events), what was told, to whom, on which channel.

-- A contributor's feedback as feedback.received announced it, and the action that tracks it.
create table contribution (
    feedback_id        uuid primary key,
    contributor_id     text,                 -- the person's user id, when they submitted it themselves
    contact_email      text,                 -- present only with consent
    consent_to_contact boolean     not null,
    text               text        not null,
    topic              text        not null,
    received_at        timestamptz not null,
    action_id          uuid,
    linked_at          timestamptz
);
create index contribution_action on contribution (action_id);
create index contribution_contributor on contribution (contributor_id);

-- What contributors are told about an action.
create table tracked_action (
    action_id   uuid primary key,
    title       text        not null,
    team        text        not null,
    owner_id    text,
    status      text        not null,
    due_at      timestamptz,
    public_note text,
    updated_at  timestamptz not null
);

-- A person's choices; absent means the defaults (email and in-app, immediately).
create table preference (
    user_id       text primary key,
    email_enabled boolean     not null,
    in_app_enabled boolean    not null,
    digest        text        not null,
    updated_at    timestamptz not null
);

-- Addresses that unsubscribed (by the signed link in every e-mail, no login needed).
create table email_suppression (
    email      text primary key,
    created_at timestamptz not null
);

-- One row per (source event, recipient, channel): the unique key is the exactly-once guarantee.
create table notification (
    id              uuid primary key,
    source_event_id uuid        not null,
    recipient       text        not null,   -- user:<id>, email:<address>, role:<role> or team:<team>
    channel         text        not null,   -- EMAIL or IN_APP
    kind            text        not null,
    user_id         text,                   -- whose inbox, for IN_APP to a person
    email           text,                   -- where, for EMAIL
    action_id       uuid,
    feedback_ids    uuid[]      not null default '{}',
    title           text        not null,
    body            text        not null,
    data            jsonb       not null default '{}',
    status          text        not null,   -- PENDING, SENT, FAILED (retrying), DEAD, SUPPRESSED
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    read_at         timestamptz,
    unique (source_event_id, recipient, channel)
);
create index notification_inbox on notification (recipient, created_at desc, id desc) where channel = 'IN_APP';
create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'FAILED');

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
