-- What the app's schema migration 1.1 (SchemaCompletion.java, a Java migration) does to the table
-- that src/main/resources/dbmigration/sqlite/1.0__sessions_table.sql creates in an empty SQLite
-- file: every known column is already there, so it adds only our JSON column for fields without a
-- column, and the two indexes. Applied after 1.0 by bench/migrate.sh so that the sqlite3 reference
-- import loads into the same table, with the same indexes, as `migrate --to sqlite:FILE` does.
ALTER TABLE sessions ADD COLUMN extra_fields TEXT;
CREATE INDEX IF NOT EXISTS ix_sessions_task_id ON sessions ("taskId");
CREATE INDEX IF NOT EXISTS ix_sessions_repo_name ON sessions ("repoName");
