package dev.minsky.sessions.store;

/** There is no session of that name. */
public class SessionNotFoundException extends StoreException {
    private final String session;

    public SessionNotFoundException(String session, String where) {
        super("no session named '" + session + "' in " + where);
        this.session = session;
    }

    public String session() {
        return session;
    }
}
