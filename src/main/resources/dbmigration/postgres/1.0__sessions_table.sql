-- The sessions table exactly as Minsky creates it in PostgreSQL (snake_case).
-- A table Minsky created first (2025-08 or 2026-08 schema) is left as it is; 1.1 completes it.
CREATE TABLE IF NOT EXISTS sessions (
  session varchar(255) PRIMARY KEY,
  repo_name varchar(255) NOT NULL,
  repo_url varchar(1000) NOT NULL,
  created_at timestamptz NOT NULL,
  task_id varchar(100),
  pr_branch varchar(255),
  pr_approved varchar(10),
  pr_state text,
  backend_type varchar(50),
  pull_request text
);
