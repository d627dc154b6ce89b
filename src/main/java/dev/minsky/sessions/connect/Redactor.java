package dev.minsky.sessions.connect;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.Secrets;
import java.util.Optional;

/**
 * Keeps the password out of every text a check produces (SPEC §3). Text from outside (server,
 * driver, JDK exception messages) is masked wherever the password occurs, however short, since a
 * driver may echo anything. The check's own sentences get a second pass as a safety net, except
 * for a password so short, or so equal to the user, database or host name, that masking it would
 * only garble words ("connection refused b****") while hiding nothing the report does not already
 * show by design.
 */
final class Redactor {
    private static final int SHORTEST_WORTH_MASKING_IN_OWN_TEXT = 4;
    private final Optional<String> password;
    private final boolean netForOwnText;

    Redactor(Optional<String> password, PostgresUrl url) {
        this.password = password.filter(p -> !p.isEmpty());
        this.netForOwnText = this.password.filter(p -> p.length() >= SHORTEST_WORTH_MASKING_IN_OWN_TEXT
                && !java.util.Arrays.asList(url.user(), url.database(), url.host()).contains(p)).isPresent();
    }

    /** A message from the server, the driver or the JDK, on one line, with the password masked. */
    String message(Throwable e) {
        return external(firstLine(e));
    }

    /** Text from outside: URLs masked, and the password masked wherever it occurs, raw or URL-encoded. */
    String external(String text) {
        String s = Secrets.maskUrl(text);
        return password.isPresent() ? Secrets.scrub(s, password.get()) : s;
    }

    /** The last pass over every text a stage result carries. */
    String ownText(String text) {
        return netForOwnText ? external(text) : Secrets.maskUrl(text);
    }

    /**
     * The first line of a message, without the severity the server puts in front: the driver adds
     * Detail/Hint/Location lines that a one-line detail cannot hold.
     */
    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        String line = nl >= 0 ? m.substring(0, nl).strip() : m;
        for (String severity : new String[] {"FATAL: ", "ERROR: ", "PANIC: "}) {
            if (line.startsWith(severity)) {
                return line.substring(severity.length());
            }
        }
        return line;
    }
}
