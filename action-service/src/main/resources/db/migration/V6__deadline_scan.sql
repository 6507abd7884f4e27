-- The deadline scan (every half minute) looks for open actions whose due date or inform-by date is near or past.
-- Each of its conditions bounds one of the two dates: with an index of open actions on each (action_queue has the
-- due date), PostgreSQL reads the actions near a deadline instead of every open action. With 100,000 open actions a
-- scan took 0.75 s of PostgreSQL before this index, 1 ms after.
create index action_inform_open on action (inform_by)
    where status in ('OPEN', 'PLANNED', 'IN_PROGRESS') and inform_by is not null;
