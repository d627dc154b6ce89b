package dev.minsky.sessions.store;

/** A session of that name exists already. */
public class DuplicateSessionException extends StoreException {
    private final String session;

    public DuplicateSessionException(String session, String where) {
        super("a session named '" + session + "' already exists in " + where);
        this.session = session;
    }

    public String session() {
        return session;
    }
}
