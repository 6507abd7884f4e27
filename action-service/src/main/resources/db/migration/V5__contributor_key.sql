-- Who a piece of feedback counts as among an action's contributors: the person, else the address (for imports),
-- else the feedback itself. Indexed per action, so that linking one more piece of feedback asks "does this one
-- count already?" in a lookup instead of counting every contributor of a large action again.
create function contributor_key(contributor_id text, contact_email text, feedback_id uuid) returns text
    language sql immutable parallel safe as $$
    select case
        when contributor_id is not null then contributor_id
        when contact_email is not null then 'email:' || lower(contact_email)
        else 'feedback:' || feedback_id::text end
$$;

create index feedback_item_action_contributor
    on feedback_item (action_id, contributor_key(contributor_id, contact_email, feedback_id));
