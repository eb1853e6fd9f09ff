-- Consortium's email outbox: invitations queued before the request answers and sent in the background with retries.
-- The message (with its invitation link) is encrypted with Data Protection in protected_message, dropped once sent.
-- Times are Unix milliseconds (UTC). status: 0 pending, 1 sent, 2 failed.
CREATE TABLE consortium_email_outbox
(
    id TEXT PRIMARY KEY,
    outbox TEXT NOT NULL,
    reference TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    protected_message TEXT NULL,
    status INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT NULL,
    queued_at INTEGER NOT NULL,
    next_attempt_at INTEGER NULL,
    sent_at INTEGER NULL
);

CREATE INDEX ix_consortium_email_outbox_due ON consortium_email_outbox(outbox, status, next_attempt_at);
CREATE INDEX ix_consortium_email_outbox_reference ON consortium_email_outbox(outbox, reference, queued_at);
