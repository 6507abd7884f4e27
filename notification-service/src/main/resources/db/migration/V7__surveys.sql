-- Surveys: a question set (NPS or CSAT, and the reason for the score) sent by invitation, one answer each.
create table survey (
    id             uuid primary key,
    name           text        not null check (char_length(name) between 1 and 200),
    scale          text        not null check (scale in ('NPS', 'CSAT')),
    question       text        not null check (char_length(question) between 1 and 300),
    -- the topic its answers take (a delivery survey: delivery); derived from each answer when null
    topic          text,
    -- how long an invitation's link works
    valid_for_days integer     not null check (valid_for_days between 1 and 365),
    -- asked by itself after an event of this routing key (action.status-changed: an action's contributors once it
    -- is done or declined); null: asked by invitation only
    trigger        text        check (trigger in ('action.status-changed')),
    created_by     text        not null,
    created_at     timestamptz not null
);
create index survey_created on survey (created_at desc, id desc);
create index survey_trigger on survey (trigger) where trigger is not null;

create table survey_invitation (
    id             uuid primary key,
    survey_id      uuid        not null references survey (id),
    email          text        not null,
    contributor_id text,
    invited_at     timestamptz not null,
    expires_at     timestamptz not null,
    answered_at    timestamptz,
    score          integer,
    reason         text,
    -- one invitation per survey and address: inviting again changes nothing
    unique (survey_id, email)
);
