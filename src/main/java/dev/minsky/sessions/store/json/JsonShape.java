package dev.minsky.sessions.store.json;

/** The top-level shapes Minsky has written its session file in (SPEC §2.1). */
enum JsonShape {
    /** {@code [ {...}, ... ]}: current Minsky, and what a new file gets. */
    ARRAY,
    /** {@code {"sessions": [...], "baseDir": "..."}}. */
    SESSIONS_OBJECT,
    /** {@code {"task#1": {...}, ...}}: keyed by session name. */
    KEYED,
    /** {@code {"timestamp", "version", "data": {"sessions": [...]}}}: a backup envelope. */
    ENVELOPE
}
