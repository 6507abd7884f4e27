-- The manager's counts of open, overdue and escalated actions per team (insights.SummaryResource) read this index
-- alone (an index-only scan) instead of every open action's row.
create index action_open_team_summary on action (team)
    include (due_at, inform_by, repeats_escalated_at, fix_escalated_for, inform_escalated_for)
    where status in ('OPEN', 'PLANNED', 'IN_PROGRESS');

-- No parallel plans over actions: every read of them is a page or a count of at most the open actions, and a
-- parallel plan starts two worker processes per query. With 100,000 open actions the counts above took 30 ms of one
-- process alone, and 100 ms and four times the CPU in parallel (at 30 requests per second: p99 1 s).
alter table action set (parallel_workers = 0);
