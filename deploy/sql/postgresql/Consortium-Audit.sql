-- Consortium's audit log: who did what, when, from where. Append-only.
CREATE TABLE consortium_audit
(
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    consortium text NULL,
    tenant text NULL,
    actor text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    remote_address text NULL
);

CREATE INDEX ix_consortium_audit_tenant ON consortium_audit(tenant, id);
CREATE INDEX ix_consortium_audit_consortium ON consortium_audit(consortium, id);
