-- Triage by meaning: each piece of feedback brings a problem vector (from feedback-service's sentence model), and
-- each action keeps the sum of its feedback's vectors, whose mean is what the action is about.

-- The item's problem vector (384 dimensions, unit length); null for feedback triaged before the model.
alter table feedback_item add column problem real[];

-- The sum and number of the problem vectors of the action's feedback.
alter table action add column problem_sum real[];
alter table action add column problem_count integer not null default 0;

-- A vector is 1.5 KB: kept out of the row (uncompressed: floats do not compress), so that the rows the queue, the
-- counts and the links read stay small and many fit a page; only what reads the vector fetches it.
alter table feedback_item alter column problem set storage external;
alter table feedback_item set (toast_tuple_target = 256);
alter table action alter column problem_sum set storage external;
alter table action set (toast_tuple_target = 256);

-- Which transaction last changed the action: each replica keeps the open actions in memory and reads what
-- changed since it last looked (everything at or after the oldest transaction that was running then).
alter table action add column changed_xid xid8 not null default pg_current_xact_id();
create index action_changed on action (changed_xid);
create function action_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    return new;
end
$$;
create trigger action_changed before update on action for each row execute function action_changed();

-- Words no longer decide: the trigram indexes only slowed every write.
drop index if exists action_title_trgm;
drop index if exists feedback_item_text_trgm;
