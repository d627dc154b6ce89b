-- The sessions table exactly as Minsky creates it in SQLite (camelCase, all TEXT).
-- A table Minsky created first is left as it is; 1.1 completes it.
CREATE TABLE IF NOT EXISTS sessions (
  session TEXT PRIMARY KEY,
  repoName TEXT NOT NULL,
  repoUrl TEXT,
  createdAt TEXT NOT NULL,
  taskId TEXT,
  branch TEXT,
  repoPath TEXT,
  prBranch TEXT,
  prApproved TEXT,
  prState TEXT,
  backendType TEXT,
  pullRequest TEXT
);
