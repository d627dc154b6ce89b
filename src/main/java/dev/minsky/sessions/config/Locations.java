package dev.minsky.sessions.config;

import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;

/** Explicit locations as configuration reads them: a bad one is a {@link ConfigException} naming its source. */
final class Locations {
    private Locations() {
    }

    /**
     * @param origin what supplied the text (e.g. {@code --store}), prefixed to errors; may be null
     * @throws ConfigException when the text is not a location
     */
    static StoreLocation parseExplicit(String text, Path home, ConfigSource source, String origin) {
        try {
            return StoreLocation.parse(text, home);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, origin == null ? e.getMessage() : origin + ": " + e.getMessage());
        }
    }
}
