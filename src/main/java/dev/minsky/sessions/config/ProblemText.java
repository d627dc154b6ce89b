package dev.minsky.sessions.config;

import dev.minsky.sessions.store.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parser's complaint into one line that is safe to show. Parsers like to quote the offending
 * line of the file, and in a config file that line may hold a connection string with a password.
 */
final class ProblemText {
    private ProblemText() {
    }

    /** The text on one line, any connection string's password masked. */
    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
        return Secrets.maskUrlsIn(line);
    }

    /**
     * SnakeYAML's message without its marks: the unindented lines are the context and the problem
     * ("mapping values are not allowed here"); the indented ones locate it ("in 'reader', line 2…")
     * and quote the line itself with a caret, which is what must not be echoed.
     */
    static String yaml(String message) {
        List<String> kept = new ArrayList<>();
        for (String line : (message == null ? "" : message).split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                kept.add(line.trim());
            }
        }
        return kept.isEmpty() ? "not valid YAML" : oneLine(String.join("; ", kept));
    }
}
