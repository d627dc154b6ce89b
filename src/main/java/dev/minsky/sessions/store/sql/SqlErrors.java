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
        String advice = advice(e, sql, location, secret);
        if (!advice.isEmpty() && detail.endsWith(".")) {
            detail = detail.substring(0, detail.length() - 1);
        }
        return new StoreUnavailableException("cannot open " + location.display() + ": " + detail + advice, null);
    }

    /**
     * What to do about the commonest reasons a store does not open, where the driver's words leave
     * the user guessing ("The connection attempt failed.", SCRAM and empty strings); empty otherwise.
     */
    static String advice(Throwable e, SQLException sql, StoreLocation location, String secret) {
        String text = messages(e);
        if (location instanceof StoreLocation.Sqlite) {
            return text.contains("not a database") ? ". If it is a JSON session file, open it as JSON (json:PATH)" : "";
        }
        if (!(location instanceof StoreLocation.Postgres)) {
            return "";
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String check = "; 'minsky-sessions test-connection' (or Test connection in the settings) checks each stage";
        if (text.contains("password is an empty string") || text.contains("no password was provided")) {
            return ". The server asks for a password and none was found: put it in the URL, set PGPASSWORD, "
                    + "or add it to ~/.pgpass";
        }
        if (state.startsWith("28")) {
            return Secrets.MASK.equals(secret)
                    ? ". The password given is " + Secrets.MASK + ", the mask this app prints in place of a "
                    + "password: give the real one (in the URL, PGPASSWORD or ~/.pgpass)"
                    : ". Check the user name and the password" + check;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return ". The host name does not resolve: check it for a typo, or whether a VPN or DNS entry is needed"
                        + check;
            }
        }
        if (text.contains("SSL root certificate file")) {
            return ". sslmode=verify-ca and verify-full need that file, with the CA certificate that signed the server's "
                    + "certificate (or PGSSLROOTCERT or sslrootcert naming one); sslmode=require encrypts without "
                    + "verifying" + check;
        }
        if (state.equals("3D000")) {
            return ". Create the database (createdb) or correct its name in the URL";
        }
        if (state.startsWith("08")) {
            return ". Is the server running, and are the host and port right" + check;
        }
        return "";
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
