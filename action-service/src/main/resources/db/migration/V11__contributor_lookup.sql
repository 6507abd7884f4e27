-- A customer's export (GET /api/me/export) and the erasure of their data (feedback.erased) find their feedback by
-- their id. Without an index each read every feedback item; only feedback of a known person is in this one.
create index feedback_item_contributor on feedback_item (contributor_id) where contributor_id is not null;
