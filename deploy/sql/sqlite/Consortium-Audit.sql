-- Consortium's audit log: who did what, when, from where. Append-only.
CREATE TABLE consortium_audit
(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    consortium TEXT NULL,
    tenant TEXT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    remote_address TEXT NULL
);

CREATE INDEX ix_consortium_audit_tenant ON consortium_audit(tenant, id);
CREATE INDEX ix_consortium_audit_consortium ON consortium_audit(consortium, id);
