package dev.minsky.sessions.connect;

import dev.minsky.sessions.store.PostgresUrl;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns the driver's login error into the stage that failed and a fix a person can act on. The
 * server decides both authentication and database existence in one login, and says which by its
 * SQLState: 28P01 / 28000 are about who you are, 3D000 / 42501 about the database (and arrive
 * only after the password was accepted).
 */
final class LoginFailures {
    private LoginFailures() {
    }

    /** Which stage a login error belongs to, and what to say. */
    record Verdict(Stage stage, Outcome outcome) {
    }

    /**
     * @param passwordSource where the password came from ("the URL", "PGPASSWORD", a file, or "none"),
     *                       never the password itself
     * @param redactor       masks the password in the server's message
     */
    static Verdict classify(SQLException e, PostgresUrl url, String passwordSource, Redactor redactor) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = redactor.message(e);
        String lower = message.toLowerCase(Locale.ROOT);
        String user = url.user();
        String db = url.database();
        String from = passwordSource.equals("none") ? "no password was found" : "the password came from " + passwordSource;
        switch (state) {
            case "28P01":
                return auth(message + " (" + from + ")", "check the user name and the password (" + from + ")");
            case "28000":
                if (lower.contains("pg_hba.conf")) {
                    boolean plain = lower.contains("no encryption");
                    return auth(message, "the server's pg_hba.conf has no rule letting user '" + user + "' reach database '"
                            + db + "' from this address" + (plain ? " without SSL: try sslmode=require, or ask" : "; ask")
                            + " the server's administrator to add one");
                }
                if (lower.contains("does not exist")) {
                    return auth(message, "check the user name: role '" + user + "' does not exist on the server");
                }
                return auth(message, "check the user name and password (" + from + ")");
            case "3D000":
                return new Verdict(Stage.DATABASE, Outcome.failed("database '" + db + "' does not exist on "
                        + url.host() + ":" + url.port(), "create it (createdb -h " + url.host() + " -p " + url.port()
                        + " -U " + user + " " + db + ") or correct the database name in the URL"));
            case "42501":
                return new Verdict(Stage.DATABASE, Outcome.failed(message,
                        "ask the server's administrator: GRANT CONNECT ON DATABASE " + db + " TO " + user));
            case "53300":
                return auth("the server has no free connection slots (" + message + ")",
                        "close idle connections, or raise max_connections on the server");
            case "57P03":
                return auth("the server is not accepting connections now (" + message + ")",
                        "it is starting up, shutting down or recovering: wait a moment and try again");
            default:
                if (lower.contains("no password was provided")) {
                    return auth("the server asks user '" + user + "' for a password, but none was found in the URL,"
                            + " PGPASSWORD or ~/.pgpass", "put the password in the URL, set PGPASSWORD, or add the line "
                            + url.host() + ":" + url.port() + ":" + db + ":" + user + ":<password> to ~/.pgpass (mode 0600)");
                }
                return auth("login failed: " + message + (state.isEmpty() ? "" : " [SQLState " + state + "]"),
                        "check the user, password and sslmode in the URL");
        }
    }

    private static Verdict auth(String detail, String fix) {
        return new Verdict(Stage.AUTH, Outcome.failed(detail, fix));
    }
}
