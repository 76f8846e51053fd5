-- Metadata of uploaded files; the bytes live in the S3 bucket under storage_key.
CREATE TABLE files (
    id            UUID PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    content_type  VARCHAR(127) NOT NULL,
    size          BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    owner_id      VARCHAR(64)  NOT NULL,
    issue_id      UUID,
    storage_key   VARCHAR(255) NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX files_issue_idx ON files (issue_id);
