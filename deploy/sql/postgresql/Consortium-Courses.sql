-- Consortium's course platform lists: claims and sign-ups. Claims: every claim link of a course platform as the Issuing tab lists it, one row each, written by its
-- claim grain after each change (keyed by id, newer version wins). A claim's id is the id of the issuance it becomes, so its
-- status after it is claimed is read from consortium_issuances.
CREATE TABLE consortium_claims
(
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    version bigint NOT NULL,
    environment TEXT NOT NULL,
    external_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    email TEXT NULL,
    given_names TEXT NULL,
    family_names TEXT NULL,
    lms_user_id TEXT NULL,
    course_id TEXT NOT NULL,
    course_name TEXT NULL,
    completed_at TEXT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    claimed_by TEXT NULL,
    claimed_at BIGINT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE INDEX ix_consortium_claims_created ON consortium_claims(tenant, environment, created_at);

-- Course sign-ups, one row per learner and course, written by the enrolment grain when the learner signs up and when they connect;
-- with the claims, the per-course figures member admins see.
CREATE TABLE consortium_enrolments
(
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    environment TEXT NOT NULL,
    course_id TEXT NOT NULL,
    course_name TEXT NULL,
    created_at bigint NOT NULL,
    connected_orcid TEXT NULL,
    connected_at bigint NULL,
    PRIMARY KEY (tenant, id)
);

CREATE INDEX ix_consortium_enrolments_course ON consortium_enrolments(tenant, environment, course_id);
CREATE INDEX ix_consortium_claims_course ON consortium_claims(tenant, environment, course_id);
