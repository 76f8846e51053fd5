-- Issues, their discussion and history, and the outbox of the events their changes publish.

CREATE SEQUENCE issue_number_seq;

CREATE TABLE issues (
    id              UUID PRIMARY KEY,
    number          BIGINT       NOT NULL UNIQUE,
    title           VARCHAR(200) NOT NULL,
    description     TEXT,
    severity        VARCHAR(16)  NOT NULL,
    -- for sorting by severity with an index: LOW 1 … CRITICAL 4
    severity_rank   SMALLINT GENERATED ALWAYS AS (
                        CASE severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 ELSE 4 END) STORED,
    status          VARCHAR(16)  NOT NULL,
    close_reason    VARCHAR(32),
    duplicate_of    UUID REFERENCES issues (id),
    reporter_id     VARCHAR(64)  NOT NULL,
    reporter_name   VARCHAR(255),
    reporter_email  VARCHAR(320),
    assignee_id     VARCHAR(64),
    assignee_name   VARCHAR(255),
    assignee_email  VARCHAR(320),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    -- the text of the issue's comments, kept up to date by the service when comments change
    comments_tsv    TSVECTOR     NOT NULL DEFAULT ''::tsvector,
    search          TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A')
                        || setweight(to_tsvector('english', coalesce(description, '')), 'B')
                        || setweight(comments_tsv, 'C')) STORED,
    CONSTRAINT issues_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT issues_status_check CHECK (status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    CONSTRAINT issues_close_reason_check CHECK (close_reason IN ('WONT_FIX', 'DUPLICATE', 'CANNOT_REPRODUCE'))
);

-- Keyset paging: one index per sort order, and per filter that narrows lists the most.
CREATE INDEX issues_created_idx ON issues (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX issues_updated_idx ON issues (updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX issues_severity_idx ON issues (severity_rank DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX issues_reporter_idx ON issues (reporter_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX issues_assignee_idx ON issues (assignee_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX issues_status_idx ON issues (status, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX issues_search_idx ON issues USING GIN (search) WHERE deleted_at IS NULL;

CREATE TABLE issue_attachments (
    issue_id  UUID    NOT NULL REFERENCES issues (id),
    position  INTEGER NOT NULL,
    file_id   UUID    NOT NULL,
    PRIMARY KEY (issue_id, position)
);

CREATE TABLE comments (
    id            UUID PRIMARY KEY,
    issue_id      UUID NOT NULL REFERENCES issues (id),
    author_id     VARCHAR(64) NOT NULL,
    author_name   VARCHAR(255),
    author_email  VARCHAR(320),
    body          TEXT NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX comments_issue_idx ON comments (issue_id, created_at, id);

-- Every change: who, when, what, old → new.
CREATE TABLE activity (
    id          BIGSERIAL PRIMARY KEY,
    issue_id    UUID NOT NULL REFERENCES issues (id),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    VARCHAR(64) NOT NULL,
    actor_name  VARCHAR(255),
    action      VARCHAR(32) NOT NULL,
    field       VARCHAR(32),
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX activity_issue_idx ON activity (issue_id, at, id);

-- Which one-off data loads ran (demo data).
CREATE TABLE seed_runs (
    name  VARCHAR(64) PRIMARY KEY,
    at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0).
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
