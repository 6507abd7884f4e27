-- Integrators' webhook subscriptions and the log of every delivery made for them.

create table webhook_subscription (
    id          uuid primary key,
    owner_id    text        not null,   -- the integrator client's token subject
    url         text        not null,
    event_types text[]      not null,   -- exact types or a family wildcard (feedback.*, action.*)
    description text,
    secret      text        not null,   -- signs every delivery; shown once, at creation
    created_at  timestamptz not null,
    deleted_at  timestamptz             -- deleted subscriptions keep their delivery log
);
create index webhook_subscription_owner on webhook_subscription (owner_id, created_at desc, id desc)
    where deleted_at is null;

-- One row per (subscription, event): the unique key keeps a redelivered event from being sent twice.
create table webhook_delivery (
    id               uuid primary key,      -- the webhook-id header: stable across retries
    subscription_id  uuid        not null references webhook_subscription (id),
    event_id         uuid        not null,
    event_type       text        not null,
    payload          jsonb       not null,  -- the CloudEvent, as sent
    status           text        not null,  -- PENDING, SENT, FAILED (retrying), DEAD
    attempts         integer     not null default 0,
    last_status_code integer,
    last_error       text,
    next_attempt_at  timestamptz,           -- also the lease while an attempt is in flight
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc, id desc);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status in ('PENDING', 'FAILED');
