-- Kudos (action.kudos-passed) and the weekly stories digest to managers and owners.

-- From feedback.received (and feedback.updated when the analysis reads the words again): the sentiment of the words, in
-- [-1, 1]; null for rows received before this migration. The digest quotes the week's most negative and most positive.
alter table contribution add column sentiment double precision check (sentiment between -1 and 1);
-- From feedback.received: the action a customer's "me too" on the public board joined; the digest counts them by action.
alter table contribution add column joins_action uuid;
-- From action.kudos-passed: praise passed to a team instead of becoming an action, and when.
alter table contribution add column kudos_team text;
alter table contribution add column kudos_at timestamptz;

create index contribution_joins_action on contribution (received_at, joins_action) where joins_action is not null;
create index contribution_kudos on contribution (kudos_at) where kudos_at is not null;

-- When the action was done (its status-changed to DONE); the digest lists the week's. Actions done before this
-- migration take the time of their last change, which was that one.
alter table tracked_action add column completed_at timestamptz;
update tracked_action set completed_at = updated_at where status = 'DONE';
create index tracked_action_completed on tracked_action (completed_at) where completed_at is not null;

-- The weekly stories digest, which managers and owners may switch off (on unless they did).
alter table preference add column stories_enabled boolean not null default true;
