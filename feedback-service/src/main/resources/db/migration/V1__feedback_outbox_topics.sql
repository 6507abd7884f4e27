-- Feedback items, their outbox of events, and the topic taxonomy.

create table feedback (
    id                uuid primary key,
    text              text        not null check (char_length(text) between 1 and 5000),
    channel           text        not null,
    rating_scale      text,
    rating_score      integer,
    topic             text        not null,
    topic_source      text        not null,
    sentiment         double precision not null check (sentiment between -1 and 1),
    status            text        not null,
    action_id         uuid,
    -- the contributor's identity (token subject) when a customer submitted it themselves
    contributor_id    text,
    -- who called the API: the customer, or the integrator importing on a customer's behalf
    submitted_by      text        not null,
    contact_email     text,
    consent_to_contact boolean    not null,
    external_ref      text,
    idempotency_key   text,
    request_hash      text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null default 0,
    search_vector     tsvector generated always as (to_tsvector('english', text)) stored,
    check ((rating_scale is null) = (rating_score is null))
);

-- Newest first, for everybody (staff) and per contributor (customers): keyset pagination.
create index feedback_created on feedback (created_at desc, id desc);
create index feedback_contributor_created on feedback (contributor_id, created_at desc, id desc)
    where contributor_id is not null;
create index feedback_search on feedback using gin (search_vector);
create index feedback_topic on feedback (topic);
create index feedback_action on feedback (action_id) where action_id is not null;
-- Idempotency-Key is scoped to the caller.
create unique index feedback_idempotency on feedback (submitted_by, idempotency_key)
    where idempotency_key is not null;

-- Transactional outbox: written in the same transaction as the change it announces.
create table outbox_event (
    id            uuid primary key,            -- the CloudEvent id
    aggregate_id  text        not null,
    type          text        not null,        -- also the routing key
    payload       jsonb       not null,        -- the whole structured-mode CloudEvent
    traceparent   text,
    created_at    timestamptz not null default clock_timestamp(),
    published_at  timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
create index outbox_event_unpublished on outbox_event (created_at) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Keyword taxonomy that derives a topic from feedback text. Editable through the API.
create table topic (
    name      text    primary key check (name ~ '^[a-z][a-z0-9-]{1,39}$'),
    keywords  text[]  not null,
    position  integer not null
);
