-- The sqlite3 reference import for bench/migrate.sh: Minsky's JSON file (a bare array of records)
-- into the app's sessions table (1.0__sessions_table.sql + sqlite-1.1.sql, applied first), in one
-- transaction, with SQLite's own JSON functions. The file name comes in as the parameter $file
-- (sqlite3 ... ".parameter set \$file 'PATH'").
--
-- Mapping, the same as the app's TableLayout.encode: each known field into its column (strings as
-- text; prApproved as the JSON text 'true'/'false'; the nested prState / pullRequest objects as
-- JSON text), and every other field of the record into extra_fields as one JSON object (NULL when
-- there is none). The connection settings are the app's (SqlStores: WAL, synchronous NORMAL).
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
BEGIN;
INSERT INTO sessions (session, repoName, repoUrl, createdAt, taskId, branch, repoPath, prBranch,
                      prApproved, prState, backendType, pullRequest, extra_fields)
SELECT value ->> '$.session',
       value ->> '$.repoName',
       value ->> '$.repoUrl',
       value ->> '$.createdAt',
       value ->> '$.taskId',
       value ->> '$.branch',
       value ->> '$.repoPath',
       value ->> '$.prBranch',
       CASE json_type(value, '$.prApproved') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
                                             ELSE value ->> '$.prApproved' END,
       value -> '$.prState',
       value ->> '$.backendType',
       value -> '$.pullRequest',
       nullif(json_remove(value, '$.session', '$.repoName', '$.repoUrl', '$.createdAt', '$.taskId',
                          '$.branch', '$.repoPath', '$.prBranch', '$.prApproved', '$.prState',
                          '$.backendType', '$.pullRequest'), '{}')
FROM json_each(readfile($file));
COMMIT;
