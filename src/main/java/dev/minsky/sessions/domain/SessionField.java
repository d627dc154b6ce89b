package dev.minsky.sessions.domain;

import java.util.List;
import java.util.Set;

/** The field names Minsky has written for a session record (SPEC §1). */
public final class SessionField {
    public static final String SESSION = "session";
    public static final String REPO_NAME = "repoName";
    public static final String REPO_URL = "repoUrl";
    public static final String CREATED_AT = "createdAt";
    public static final String TASK_ID = "taskId";
    public static final String BRANCH = "branch";
    public static final String REPO_PATH = "repoPath";
    public static final String BACKEND_TYPE = "backendType";
    public static final String PR_BRANCH = "prBranch";
    public static final String PR_APPROVED = "prApproved";
    public static final String PR_STATE = "prState";
    public static final String PULL_REQUEST = "pullRequest";

    /** Known fields in Minsky's canonical order (the order a new record is written in). */
    public static final List<String> KNOWN = List.of(SESSION, REPO_NAME, REPO_URL, CREATED_AT, TASK_ID, BRANCH,
            REPO_PATH, BACKEND_TYPE, PR_BRANCH, PR_APPROVED, PR_STATE, PULL_REQUEST);

    /** Known fields whose value is text. */
    public static final List<String> TEXT = List.of(SESSION, REPO_NAME, REPO_URL, CREATED_AT, TASK_ID, BRANCH,
            REPO_PATH, BACKEND_TYPE, PR_BRANCH);

    /** The text fields the quick filter looks in. */
    public static final List<String> QUICK_FILTER = List.of(SESSION, TASK_ID, REPO_NAME, REPO_URL, BRANCH,
            REPO_PATH, BACKEND_TYPE, PR_BRANCH);

    private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);

    private SessionField() {
    }

    public static boolean isKnown(String field) {
        return KNOWN_SET.contains(field);
    }
}
