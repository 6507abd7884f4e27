-- The ids of handled events are kept for a window (feedbackloop.inbox.retention, 30 days) and then purged by age.
create index processed_event_processed_at on processed_event (processed_at);
