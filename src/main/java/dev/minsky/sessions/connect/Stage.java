package dev.minsky.sessions.connect;

/**
 * The stages of a connection check, in the order they run. Each one only makes sense once the one
 * before it worked (no TLS without a TCP connection, no schema without a login), which is why a
 * failed stage skips the rest: the first failure is the one worth fixing.
 */
public enum Stage {
    RESOLVE("resolve host"),
    TCP("TCP connect"),
    TLS("TLS"),
    AUTH("authentication"),
    DATABASE("database exists"),
    SCHEMA("sessions table and schema version"),
    ROUND_TRIP("round trip");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    /** A short name for people ("TCP connect"), for a GUI label. */
    public String title() {
        return title;
    }
}
