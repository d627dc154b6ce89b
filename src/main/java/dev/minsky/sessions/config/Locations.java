package dev.minsky.sessions.config;

import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;

/**
 * Parses explicit locations like {@link StoreLocation#parse} does, but expands {@code ~} with the
 * injected home folder (StoreLocation uses the JVM's) so configuration stays testable and consistent.
 */
final class Locations {
    private Locations() {
    }

    /**
     * @param origin what supplied the text (e.g. {@code --store}), prefixed to errors; may be null
     * @throws ConfigException when the text is not a location
     */
    static StoreLocation parseExplicit(String text, Path home, ConfigSource source, String origin) {
        String t = text.trim();
        StoreLocation parsed;
        try {
            parsed = StoreLocation.parse(t);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, origin == null ? e.getMessage() : origin + ": " + e.getMessage());
        }
        return switch (parsed.kind()) {
            case JSON -> new StoreLocation.Json(ConfigPaths.expand(pathPart(t), home, source, origin));
            case SQLITE -> new StoreLocation.Sqlite(ConfigPaths.expand(pathPart(t), home, source, origin));
            case POSTGRES -> parsed;
        };
    }

    /** The PATH of {@code json:PATH} / {@code sqlite:PATH}. */
    static String pathPart(String location) {
        return location.substring(location.indexOf(':') + 1);
    }
}
