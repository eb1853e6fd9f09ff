-- Consortium's issuing projection: every issuance and researcher consent as the lists show them, one row each, written by
-- the grain that owns it after each change (keyed by id, newer version wins) and rebuildable from grain state. The grains
-- stay the truth; these tables serve listing, filtering, search, paging and counts.
CREATE TABLE consortium_issuances
(
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    environment TEXT NOT NULL,
    external_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    orcid TEXT NULL,
    email TEXT NULL,
    status TEXT NOT NULL,
    put_code INTEGER NULL,
    error TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    title TEXT NULL,
    start_date TEXT NULL,
    end_date TEXT NULL,
    researcher_name TEXT NULL,
    attempts INTEGER NOT NULL,
    certificate_id TEXT NULL,
    search TEXT NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE INDEX ix_consortium_issuances_created ON consortium_issuances(tenant, environment, created_at);
CREATE INDEX ix_consortium_issuances_status ON consortium_issuances(tenant, environment, status, created_at);
CREATE INDEX ix_consortium_issuances_orcid ON consortium_issuances(tenant, environment, orcid);
CREATE INDEX ix_consortium_issuances_template ON consortium_issuances(tenant, environment, template_id);
-- The summary's "last error" without a scan of a tenant's history.
CREATE INDEX ix_consortium_issuances_error ON consortium_issuances(tenant, environment, updated_at)
    WHERE error IS NOT NULL AND status IN ('Failed', 'Queued');

CREATE TABLE consortium_researchers
(
    tenant TEXT NOT NULL,
    environment TEXT NOT NULL,
    orcid TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NULL,
    status TEXT NOT NULL,
    scopes TEXT NOT NULL,
    connected_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at INTEGER NULL,
    PRIMARY KEY (tenant, environment, orcid)
);

CREATE INDEX ix_consortium_researchers_connected ON consortium_researchers(tenant, environment, connected_at);

-- Rows per tenant, environment and status, kept with each write, so the summary and a list's total cost the same at
-- 100 issuances as at 100,000. kind: 'issuance' or 'researcher'.
CREATE TABLE consortium_issuing_counts
(
    tenant TEXT NOT NULL,
    environment TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (tenant, environment, kind, status)
);
