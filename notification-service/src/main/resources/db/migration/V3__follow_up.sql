-- "Did this solve it?": the answer contributors give with one click after their action was done.

alter table contribution add column follow_up_of_action uuid;

create table follow_up_answer (
    feedback_id uuid primary key,          -- the contributor's original feedback: one answer each
    action_id   uuid        not null,
    solved      boolean     not null,
    answered_at timestamptz not null
);
