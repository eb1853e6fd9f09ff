-- Consortium's email outbox: invitations queued before the request answers and sent in the background with retries.
-- The message (with its invitation link) is encrypted with Data Protection in protected_message, dropped once sent.
-- Times are Unix milliseconds (UTC). status: 0 pending, 1 sent, 2 failed.
CREATE TABLE consortium_email_outbox
(
    id text PRIMARY KEY,
    outbox text NOT NULL,
    reference text NOT NULL,
    recipient text NOT NULL,
    subject text NOT NULL,
    protected_message text NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    last_error text NULL,
    queued_at bigint NOT NULL,
    next_attempt_at bigint NULL,
    sent_at bigint NULL
);

CREATE INDEX ix_consortium_email_outbox_due ON consortium_email_outbox(outbox, status, next_attempt_at);
CREATE INDEX ix_consortium_email_outbox_reference ON consortium_email_outbox(outbox, reference, queued_at);
