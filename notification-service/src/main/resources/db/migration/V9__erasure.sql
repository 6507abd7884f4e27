-- Customers' data rights (feedback.erased): a contribution whose words and contact went keeps what the counts need.

-- When its words went (REQUESTED: "[erased]", RETENTION: "[redacted]"); null while they are there.
alter table contribution add column erased_at timestamptz;
-- Whether its contributor could be told before an erasure took their id or contact: the loop insights go on counting
-- it as they did (they count the contributions whose contributor can be told). Null while nothing was erased.
alter table contribution add column was_reachable boolean;

-- An address of an erased person that unsubscribed or bounced stays suppressed, as 'sha256:' and the SHA-256 (hex) of
-- the address trimmed and lower-cased in place of the address (the suppression check looks for both forms). Survey
-- invitations to such an address keep their counts with the same form in place of the address.
