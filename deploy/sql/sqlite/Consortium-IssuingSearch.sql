-- Search of the issuing projection by any part of an iD, name, email or external id, through a trigram index (FTS5's trigram
-- tokenizer, SQLite 3.34 and later) instead of a scan of the tenant's rows. An FTS5 table over consortium_issuances.search
-- ("external content") finds rows by rowid; a rowid must then never change, which only an INTEGER PRIMARY KEY guarantees
-- (VACUUM may renumber any other), so the table is rebuilt once with one. (tenant, id) stays its key as a unique constraint.
CREATE TABLE consortium_issuances_keyed
(
    row INTEGER PRIMARY KEY,
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
    UNIQUE (tenant, id)
);

INSERT INTO consortium_issuances_keyed (tenant, id, version, environment, external_id, template_id, orcid, email, status, put_code, error,
    created_at, updated_at, title, start_date, end_date, researcher_name, attempts, certificate_id, search)
SELECT tenant, id, version, environment, external_id, template_id, orcid, email, status, put_code, error,
    created_at, updated_at, title, start_date, end_date, researcher_name, attempts, certificate_id, search
FROM consortium_issuances;

DROP TABLE consortium_issuances;
ALTER TABLE consortium_issuances_keyed RENAME TO consortium_issuances;

CREATE INDEX ix_consortium_issuances_created ON consortium_issuances(tenant, environment, created_at);
CREATE INDEX ix_consortium_issuances_status ON consortium_issuances(tenant, environment, status, created_at);
CREATE INDEX ix_consortium_issuances_orcid ON consortium_issuances(tenant, environment, orcid);
CREATE INDEX ix_consortium_issuances_template ON consortium_issuances(tenant, environment, template_id);
CREATE INDEX ix_consortium_issuances_error ON consortium_issuances(tenant, environment, updated_at)
    WHERE error IS NOT NULL AND status IN ('Failed', 'Queued');

-- case_sensitive 1: the search text and the term are both lower-cased by the portal, so a match is exactly a substring, as LIKE was.
CREATE VIRTUAL TABLE consortium_issuances_search USING fts5(
    search, content = 'consortium_issuances', content_rowid = 'row', tokenize = 'trigram case_sensitive 1');

-- Kept in step with every write, in the same transaction (FTS5's documented triggers for an external content table).
CREATE TRIGGER consortium_issuances_search_insert AFTER INSERT ON consortium_issuances BEGIN
    INSERT INTO consortium_issuances_search (rowid, search) VALUES (new.row, new.search);
END;
CREATE TRIGGER consortium_issuances_search_delete AFTER DELETE ON consortium_issuances BEGIN
    INSERT INTO consortium_issuances_search (consortium_issuances_search, rowid, search) VALUES ('delete', old.row, old.search);
END;
CREATE TRIGGER consortium_issuances_search_update AFTER UPDATE OF search ON consortium_issuances WHEN old.search IS NOT new.search BEGIN
    INSERT INTO consortium_issuances_search (consortium_issuances_search, rowid, search) VALUES ('delete', old.row, old.search);
    INSERT INTO consortium_issuances_search (rowid, search) VALUES (new.row, new.search);
END;

-- The rows that were there before this script.
INSERT INTO consortium_issuances_search (consortium_issuances_search) VALUES ('rebuild');
