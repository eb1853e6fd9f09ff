-- Consortium's issuing projection: every issuance and researcher consent as the lists show them, one row each, written by
-- the grain that owns it after each change (keyed by id, newer version wins) and rebuildable from grain state. The grains
-- stay the truth; these tables serve listing, filtering, search, paging and counts.
CREATE TABLE consortium_issuances
(
    tenant text NOT NULL,
    id text NOT NULL,
    version bigint NOT NULL,
    environment text NOT NULL,
    external_id text NOT NULL,
    template_id text NOT NULL,
    orcid text NULL,
    email text NULL,
    status text NOT NULL,
    put_code bigint NULL,
    error text NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    title text NULL,
    start_date text NULL,
    end_date text NULL,
    researcher_name text NULL,
    attempts bigint NOT NULL,
    certificate_id text NULL,
    search text NOT NULL,
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
    tenant text NOT NULL,
    environment text NOT NULL,
    orcid text NOT NULL,
    version bigint NOT NULL,
    name text NULL,
    status text NOT NULL,
    scopes text NOT NULL,
    connected_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    ended_at bigint NULL,
    PRIMARY KEY (tenant, environment, orcid)
);

CREATE INDEX ix_consortium_researchers_connected ON consortium_researchers(tenant, environment, connected_at);

-- Rows per tenant, environment and status, kept with each write, so the summary and a list's total cost the same at
-- 100 issuances as at 100,000. kind: 'issuance' or 'researcher'.
CREATE TABLE consortium_issuing_counts
(
    tenant text NOT NULL,
    environment text NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (tenant, environment, kind, status)
);
