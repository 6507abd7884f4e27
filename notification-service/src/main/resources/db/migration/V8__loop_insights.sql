-- Loop insights (GET /api/insights/loop): how many contributors were acknowledged, told and told "closed", how fast.

-- From feedback.received: where the feedback came in (WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API) and the segment
-- of its rating (DETRACTOR, PASSIVE, PROMOTER, or UNRATED without one). Rows received before this migration keep
-- null: reported as channel UNKNOWN and segment UNRATED.
alter table contribution add column channel text;
alter table contribution add column segment text check (segment in ('DETRACTOR', 'PASSIVE', 'PROMOTER', 'UNRATED'));

-- The period's contributions are read by received_at (the backlog: everything received before the period's end).
create index contribution_received on contribution (received_at);

-- A feedback item's notifications are found by containment, feedback_ids @> array[id]: one contributor's message
-- lists all of their items of an action, so the id is an element, never the whole array, and a b-tree on the column
-- cannot find it. GIN (array_ops) serves @>; = any(feedback_ids) would not use it. Not partial (on SENT, or on the
-- contributors' kinds): an item's notifications are wanted whatever their state, an e-mail turns SENT only after it
-- is written, and the staff's notifications, which carry '{}', add one small entry each.
create index notification_feedback on notification using gin (feedback_ids);
