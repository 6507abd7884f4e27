-- Feedback that answers "did this solve it?" belongs to the action it follows up.
alter table feedback add column follow_up_of_action uuid;
