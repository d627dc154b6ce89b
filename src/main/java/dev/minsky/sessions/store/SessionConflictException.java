package dev.minsky.sessions.store;

/** The session changed in the store since the caller read it; nothing was written. */
public class SessionConflictException extends StoreException {
    private final String session;

    public SessionConflictException(String session, String message) {
        super(message);
        this.session = session;
    }

    public String session() {
        return session;
    }
}
