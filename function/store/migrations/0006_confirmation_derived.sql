-- The e-mail confirmation code is now the server's HMAC of the reference, made when the receipt is sent
-- (function/mail/confirmation.ts): a filing writes no row for it, so its table goes. That an address is confirmed
-- once is said by this unique index on the audit log's entries, which also finds the confirmation without a scan.
-- Links sent before this migration no longer work; the page says so, and the request goes on.
DROP TABLE email_confirmations;
CREATE UNIQUE INDEX audit_email_confirmed ON audit (reference) WHERE action = 'email:confirmed';
