-- The latest known state of every issue, as the issue events told it.
CREATE TABLE issue_projection (
    issue_id     UUID PRIMARY KEY,
    reporter_id  VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    severity     VARCHAR(16) NOT NULL,
    version      BIGINT      NOT NULL,
    deleted      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX issue_projection_reporter_idx ON issue_projection (reporter_id);
