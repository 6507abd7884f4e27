-- Loads the bench databases with 1,000,000 feedback items and 100,000 open actions (plus 20,000 done), the
-- scale at which triage must stay fast. Vectors are random (their values do not change what a search costs), with
-- the lengths real ones have: an item's problem vector has length 1, an action's mean about 0.7 (the mean of eight
-- paraphrases at cosine 0.4 from each other). Texts are short and numbered. Run by bench/understanding.sh against feedback_bench and actions_bench after
-- the services' migrations made the schemas; each part runs only when its table is empty.

\set ON_ERROR_STOP on
\timing on

\connect actions_bench
select count(*) = 0 as empty from action \gset
\if :empty
insert into action (id, title, topic, team, status, priority, due_at, inform_by, public_note, last_public_update_at,
                    feedback_count, contributor_count, created_at, updated_at, closed_at, problem_sum, problem_count, version)
select md5('bench-action-' || g)::uuid,
       'Bench action ' || g,
       (array['billing', 'delivery', 'product', 'account', 'support'])[1 + g % 5],
       (array['billing', 'delivery', 'product', 'product', 'triage'])[1 + g % 5],
       case when g % 6 = 0 then 'DONE' when g % 3 = 0 then 'PLANNED' when g % 3 = 1 then 'OPEN' else 'IN_PROGRESS' end,
       'P3', now() + interval '14 days', null,
       case when g % 4 = 0 then 'We are on it.' end,
       case when g % 4 = 0 then now() - interval '1 day' end,
       8, 8, now() - interval '30 days', now() - interval '1 day',
       case when g % 6 = 0 then now() - interval '2 days' end,
       (select array_agg(((random() - 0.5) * 0.99)::real) from generate_series(1, 384 + 0 * g)),
       8, 0
from generate_series(1, 120000) g;

insert into feedback_item (feedback_id, action_id, text, topic, sentiment, channel, contributor_id, consent_to_contact,
                           received_at, linked_at, problem)
select md5('bench-feedback-' || i)::uuid,
       md5('bench-action-' || (1 + i % 120000))::uuid,
       'Bench feedback number ' || i || ' about something that went wrong',
       (array['billing', 'delivery', 'product', 'account', 'support'])[1 + (1 + i % 120000) % 5],
       -0.4, 'WEB', 'bench-customer-' || (i % 50000), true,
       now() - interval '20 days' + (i || ' seconds')::interval, now() - interval '20 days' + (i || ' seconds')::interval,
       (select array_agg(((random() - 0.5) * 0.177)::real) from generate_series(1, 384 + 0 * i))
from generate_series(1, 1000000) i;
vacuum analyze action;
vacuum analyze feedback_item;
\endif

\connect feedback_bench
select count(*) = 0 as empty from feedback \gset
\if :empty
insert into feedback (id, text, channel, topic, topic_source, sentiment, sentiment_label, status, action_id,
                      contributor_id, submitted_by, contact_email, consent_to_contact, created_at, updated_at,
                      analysed_at, embedding, version)
select md5('bench-feedback-' || i)::uuid,
       'Bench feedback number ' || i || ' about something that went wrong',
       'WEB',
       (array['billing', 'delivery', 'product', 'account', 'support'])[1 + (1 + i % 120000) % 5],
       'MEANING', -0.4, 'NEGATIVE', 'TRACKED', md5('bench-action-' || (1 + i % 120000))::uuid,
       'bench-customer-' || (i % 50000), 'bench-customer-' || (i % 50000), null, true,
       now() - interval '20 days' + (i || ' seconds')::interval, now() - interval '20 days' + (i || ' seconds')::interval,
       now() - interval '20 days' + (i || ' seconds')::interval,
       (select array_agg(((random() - 0.5) * 0.177)::real) from generate_series(1, 384 + 0 * i)),
       0
from generate_series(1, 1000000) i;
vacuum analyze feedback;
\endif

-- Words to search for: one item in a hundred is about a refund (a search that matches 10,000 items), the rest share
-- their words (a search for "wrong" matches every item) and each has its own number (a search that matches one).
select count(*) = 0 as unseeded from feedback where text like 'Refund%' \gset
\if :unseeded
update feedback set text = 'Refund still not here for order ' || substr(id::text, 1, 8) || ' after three weeks'
where text like 'Bench feedback number %00 about something that went wrong';
vacuum analyze feedback;
\endif
