package dev.minsky.sessions.connect;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Orders migration versions the way ebean-migration means them: by number per part, so "1.10"
 * comes after "1.9" (SQL's max() on the text column would say the opposite).
 */
final class SchemaVersions {
    private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
    private static final Comparator<int[]> BY_PARTS = (a, b) -> Arrays.compare(a, b);

    private SchemaVersions() {
    }

    /** The highest version among {@code versions}; entries that are not versions (repeatable migrations) are ignored. */
    static Optional<String> highest(Collection<String> versions) {
        return versions.stream()
                .filter(v -> v != null && VERSION.matcher(v.trim()).matches())
                .map(String::trim)
                .max(Comparator.comparing(SchemaVersions::parts, BY_PARTS));
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("[._]")).mapToInt(p -> {
            try {
                return Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE; // absurdly long number: sorts last, still shown as written
            }
        }).toArray();
    }
}
