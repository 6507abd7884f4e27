-- An e-mail waits while an older one to the same address waits for a retry (EmailSender): those are found by address.
create index notification_retry_by_address on notification (lower(btrim(email)), created_at)
    where channel = 'EMAIL' and status = 'FAILED';
