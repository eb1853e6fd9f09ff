-- Search of the issuing projection by any part of an iD, name, email or external id, through a trigram index (pg_trgm's GIN
-- operator class, which serves LIKE '%term%' for terms of three characters or more) instead of a scan of the tenant's rows.
-- pg_trgm ships with PostgreSQL (Debian's postgresql-NN package) and is trusted since PostgreSQL 13: the database's owner may
-- create it. A role that may not leaves search working as a scan: the migration says so, and an administrator can run
-- these two statements later (README, "Researchers and issuing").
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE WARNING 'pg_trgm could not be created (%): issuing search works, as a scan. Create the extension and the index ix_consortium_issuances_search (deploy/sql/postgresql/Consortium-IssuingSearch.sql) to index it.', SQLERRM;
END
$$;

-- fastupdate off: each write goes into the index at once. GIN's pending list would otherwise hold up to 4 MB of recent rows
-- outside it until a vacuum, which every search reads in full and which makes the planner pass the index by.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS ix_consortium_issuances_search ON consortium_issuances USING gin (search gin_trgm_ops) WITH (fastupdate = off);
    END IF;
END
$$;
