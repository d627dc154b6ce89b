package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.store.Secrets;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import java.sql.SQLException;

/** Turns driver and pool errors into store errors a person can act on, with no password in them. */
final class SqlErrors {
    private SqlErrors() {
    }

    static StoreException translate(Throwable e, StoreLocation location, String secret, boolean writing) {
        SQLException sql = find(e);
        String detail = Secrets.scrub(Secrets.maskUrl(rootMessage(sql != null ? sql : e)), secret);
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        if (sql != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
                || state.equals("42P01") || detail.contains("no such table") || detail.contains("not a database")
                || detail.contains("unable to open"))) {
            return new StoreUnavailableException("cannot " + (writing ? "write to " : "read ") + location.display()
                    + ": " + detail, null);
        }
        if (sql == null && !writing) {
            return new StoreUnavailableException("cannot read " + location.display() + ": " + detail, null);
        }
        return new StoreException("cannot " + (writing ? "write to " : "read ") + location.display() + ": " + detail);
    }

    private static SQLException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }

    /** An error while opening: the store cannot be used at all. */
    static StoreUnavailableException translateOpen(Throwable e, StoreLocation location, String secret) {
        SQLException sql = find(e);
        String detail = Secrets.scrub(Secrets.maskUrl(rootMessage(sql != null ? sql : e)), secret);
        return new StoreUnavailableException("cannot open " + location.display() + ": " + detail, null);
    }
}
