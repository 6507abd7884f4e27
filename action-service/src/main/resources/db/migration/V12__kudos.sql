-- Praise is passed to its team as kudos instead of becoming an action someone must close (kudos.PraiseRule): the item
-- is stored without an action, with the team it was passed to and when. Nullable columns without a default: adding
-- them rewrites no row.
alter table feedback_item add column kudos_team text;
alter table feedback_item add column kudos_at timestamptz;
alter table feedback_item add constraint feedback_item_kudos_passed check ((kudos_team is null) = (kudos_at is null));

-- A team's kudos newest first (GET /api/kudos, keyset on passed time and id) and the kudos of a period by team
-- (insights): only the kudos rows are in it, a small part of the feedback.
create index feedback_item_kudos on feedback_item (kudos_team, kudos_at desc, feedback_id desc) where kudos_at is not null;
