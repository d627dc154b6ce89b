package dev.minsky.sessions.domain;

import java.util.regex.Pattern;

/** Task id forms Minsky uses: {@code #042}, {@code 136}, {@code md#123}, {@code gh#45}, {@code mt#2967}. */
public final class TaskIds {
    private static final Pattern CURRENT = Pattern.compile("#?\\d+|[a-z][a-z0-9]*#\\d+");

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
        return taskId != null && CURRENT.matcher(taskId).matches();
    }
}
