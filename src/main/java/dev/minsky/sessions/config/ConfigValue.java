package dev.minsky.sessions.config;

import java.util.Objects;

/**
 * An effective configuration value and exactly where it came from, so the app can answer "why is it
 * using that?" (SPEC §3).
 *
 * @param origin the option, variable, file or file-and-key that supplied the value, e.g.
 *               {@code --store}, {@code MINSKY_SESSIONDB_BACKEND},
 *               {@code /home/u/.config/minsky/config.yaml: sessiondb.sqlite.path} or {@code default}
 */
public record ConfigValue<T>(T value, ConfigSource source, String origin) {
    public ConfigValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    /** "environment MINSKY_SQLITE_PATH", "default": for messages that say where to look. */
    public String describeOrigin() {
        return source == ConfigSource.DEFAULT ? "default" : source.label() + " " + origin;
    }
}
