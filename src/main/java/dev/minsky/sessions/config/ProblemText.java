package dev.minsky.sessions.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a parser's complaint into one line that is safe to show. Parsers like to quote the offending
 * line of the file, and in a config file that line may hold a connection string with a password.
 */
final class ProblemText {
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/?#@\\s]*):[^@\\s]*@");

    private ProblemText() {
    }

    /** The text on one line, any {@code scheme://user:password@} masked. */
    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
        return URL_PASSWORD.matcher(line).replaceAll("$1:****@");
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
