-- The plans of what bench/understanding/.../QueriesAtScale reads, as the services run them (the SQL of
-- FeedbackRepository, TopicVolumes, ActionRepository.page and action-service's SummaryResource, with literals for
-- their bind parameters). Run by bench/understanding.sh scale after the timed runs: psql -v customer=<alice's subject>.
\set ON_ERROR_STOP on
\pset pager off
\set columns 'f.id, f.text, f.channel, f.rating_scale, f.rating_score, f.topic, f.topic_source, f.sentiment, f.status, f.action_id, f.contributor_id, f.submitted_by, f.contact_email, f.consent_to_contact, f.external_ref, f.idempotency_key, f.request_hash, f.created_at, f.updated_at, f.version, f.action_linked_at, f.follow_up_of_action, f.joins_action, f.action_title, f.action_status, f.action_status_at, f.sentiment_label, f.sentiment_parts, f.analysed_at, f.traceparent'

\connect feedback_bench
\echo '--- staff list, newest 20'
explain (analyze, buffers) select :columns from feedback f order by f.created_at desc, f.id desc limit 21;
-- A search first reads the newest 5,000 items (SEARCH_WINDOW); when they hold fewer than a page of matches, it asks
-- the text index for every match (FeedbackRepository: Plan.NEWEST_WINDOW, then Plan.TEXT_INDEX).
\echo '--- search matching 1 item: the newest 5,000 items first (too few matches there)'
explain (analyze, buffers) select :columns from (select * from feedback f order by f.created_at desc, f.id desc limit 5000) f
  where f.search_vector @@ websearch_to_tsquery('english', '512345') order by f.created_at desc, f.id desc limit 21;
\echo '--- search matching 1 item: then the text index'
explain (analyze, buffers) with matches as materialized (select f.id, f.created_at from feedback f
  where f.search_vector @@ websearch_to_tsquery('english', '512345'))
  select :columns from feedback f join (select id from matches order by created_at desc, id desc limit 21) page
  on page.id = f.id order by f.created_at desc, f.id desc limit 21;
\echo '--- search matching 10,000 items: a page among the newest 5,000'
explain (analyze, buffers) select :columns from (select * from feedback f order by f.created_at desc, f.id desc limit 5000) f
  where f.search_vector @@ websearch_to_tsquery('english', 'refund') order by f.created_at desc, f.id desc limit 21;
\echo '--- a customer''s own list'
explain (analyze, buffers) select :columns from feedback f where f.contributor_id = :'customer'
  order by f.created_at desc, f.id desc limit 21;
-- The counts per topic (TopicVolumes): a snapshot of the period, taken again once a minute in the background, plus
-- the items created since it and less those that left the period since: two counts over a minute or so of items.
\echo '--- manager counts: feedback per topic, 30 days: the snapshot, once a minute in the background'
explain (analyze, buffers) select topic, count(*) from feedback
  where created_at >= now() - interval '30 days 10 seconds' and created_at < now() - interval '10 seconds' group by topic;
\echo '--- manager counts: feedback per topic, 30 days: at each request, the items since the snapshot (and as many that left)'
explain (analyze, buffers) select topic, count(*) from feedback
  where created_at >= now() - interval '70 seconds' and created_at < now() group by topic;

\connect actions_bench
\echo '--- an owner''s queue (team billing)'
explain (analyze, buffers) select a.id, a.title, a.topic, a.team, a.owner_id, a.owner_name, a.status, a.priority, a.due_at,
  a.inform_by, a.public_title, a.public_note, a.last_public_update_at, a.merged_into, a.feedback_count,
  a.contributor_count, a.created_at, a.updated_at, a.closed_at, a.repeats_escalated_at, a.fix_reminded_for,
  a.fix_overdue_for, a.fix_escalated_for, a.inform_reminded_for, a.inform_overdue_for, a.inform_escalated_for, a.version
  from action a where a.team = 'billing' and a.status <> 'MERGED' order by a.due_at asc, a.id asc limit 21;
\echo '--- manager counts: open actions per team'
explain (analyze, buffers) select team, count(*),
  count(*) filter (where due_at < now() or inform_by < now()),
  count(*) filter (where repeats_escalated_at is not null or fix_escalated_for is not null or inform_escalated_for is not null)
  from action where status in ('OPEN', 'PLANNED', 'IN_PROGRESS') group by team order by team;
