-- Praise is passed to the team whose area it is about (action.kudos-passed) instead of opening an action.
alter table feedback add column kudos_team text;
alter table feedback add column kudos_at timestamptz;
