-- Creates the tracker role and one database per service (plus Keycloak's).
-- Runs once, from /docker-entrypoint-initdb.d, when the postgres volume is still empty.
-- The role's password comes from the container's TRACKER_DB_PASSWORD (set in docker-compose.yml).
\set ON_ERROR_STOP on
\getenv tracker_password TRACKER_DB_PASSWORD
\if :{?tracker_password}
\else
\set tracker_password tracker
\endif

CREATE ROLE tracker LOGIN PASSWORD :'tracker_password';

CREATE DATABASE issues OWNER tracker;
CREATE DATABASE files OWNER tracker;
CREATE DATABASE stats OWNER tracker;
CREATE DATABASE keycloak OWNER tracker;
