-- A customer's erasure and the retention period take the words of feedback away and keep it as counts.
alter table feedback add column erased_at timestamptz;
alter table feedback add column redacted_at timestamptz;
-- the retention round reads the oldest items it has not redacted yet, without passing those it has
create index feedback_unredacted on feedback (created_at) where redacted_at is null and erased_at is null;
