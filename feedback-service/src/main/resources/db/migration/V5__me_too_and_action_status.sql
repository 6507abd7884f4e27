-- A customer's "me too" on the public board is their feedback of that action.
alter table feedback add column joins_action uuid;
-- The action behind each item as the contributor sees it (from action.feedback-linked and action.status-changed);
-- action_status_at orders the updates, so that a late copy of an older one changes nothing.
alter table feedback add column action_title text;
alter table feedback add column action_status text;
alter table feedback add column action_status_at timestamptz;
