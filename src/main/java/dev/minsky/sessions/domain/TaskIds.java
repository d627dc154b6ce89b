package dev.minsky.sessions.domain;

import java.util.regex.Pattern;

/** Task id forms Minsky uses: {@code #042}, {@code 136}, {@code md#123}, {@code gh#45}, {@code mt#2967}. */
public final class TaskIds {
    /** The forms as a pattern: the definition {@link #isCurrentForm} follows (and its test checks it against). */
    static final Pattern CURRENT = Pattern.compile("#?\\d+|[a-z][a-z0-9]*#\\d+");

    private TaskIds() {
    }

    /** The id without one leading {@code #}: lookups treat {@code #123} and {@code 123} alike, as Minsky does. */
    public static String normalize(String taskId) {
        return taskId != null && taskId.startsWith("#") ? taskId.substring(1) : taskId;
    }

    public static boolean sameTask(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }

    /** Whether the id has one of the forms above (others are legacy: warned about, not refused). */
    public static boolean isCurrentForm(String taskId) {
        // CURRENT, matched by hand: validation asks this of every record a migration copies
        if (taskId == null || taskId.isEmpty()) {
            return false;
        }
        int i = 0;
        char first = taskId.charAt(0);
        if (isLower(first)) {
            i = 1;
            while (i < taskId.length() && (isLower(taskId.charAt(i)) || isDigit(taskId.charAt(i)))) {
                i++;
            }
            if (i == taskId.length() || taskId.charAt(i) != '#') {
                return false;
            }
            i++;
        } else if (first == '#') {
            i = 1;
        }
        if (i == taskId.length()) {
            return false;
        }
        for (; i < taskId.length(); i++) {
            if (!isDigit(taskId.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
