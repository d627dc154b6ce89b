-- What the app's schema migration 1.1 (SchemaCompletion.java, a Java migration) does to the table
-- that src/main/resources/dbmigration/postgres/1.0__sessions_table.sql creates in an empty
-- PostgreSQL database: adds the two known columns Minsky's PostgreSQL table lacks (typed as Minsky
-- types them), our JSON column for fields without a column, and the two indexes. Applied after 1.0
-- by bench/migrate.sh so that pgloader and psql \copy load into the same table, with the same
-- indexes, as `migrate --to postgresql://…` does.
ALTER TABLE sessions ADD COLUMN branch varchar(255);
ALTER TABLE sessions ADD COLUMN repo_path varchar(1000);
ALTER TABLE sessions ADD COLUMN extra_fields text;
CREATE INDEX IF NOT EXISTS ix_sessions_task_id ON sessions (task_id);
CREATE INDEX IF NOT EXISTS ix_sessions_repo_name ON sessions (repo_name);
