-- Issues and the outbox of the events their changes publish.

CREATE SEQUENCE issue_number_seq;

CREATE TABLE issues (
    id              UUID PRIMARY KEY,
    number          BIGINT       NOT NULL UNIQUE,
    title           VARCHAR(200) NOT NULL,
    description     TEXT,
    severity        VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    reporter_id     VARCHAR(64)  NOT NULL,
    reporter_name   VARCHAR(255),
    reporter_email  VARCHAR(320),
    assignee_id     VARCHAR(64),
    assignee_name   VARCHAR(255),
    assignee_email  VARCHAR(320),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT issues_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT issues_status_check CHECK (status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'))
);

CREATE INDEX issues_created_idx ON issues (created_at DESC, id DESC);
CREATE INDEX issues_reporter_created_idx ON issues (reporter_id, created_at DESC, id DESC);

CREATE TABLE issue_attachments (
    issue_id  UUID    NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    file_id   UUID    NOT NULL,
    PRIMARY KEY (issue_id, position)
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
