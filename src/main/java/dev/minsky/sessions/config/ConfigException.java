package dev.minsky.sessions.config;

import java.util.Objects;

/**
 * The configuration cannot be used: an unknown backend name, a malformed settings file or Minsky
 * config.yaml, a value of the wrong kind. The message names where the bad value came from (and never
 * contains a password); {@link #source()} tells callers which layer is at fault, so the CLI can tell a
 * mistyped invocation from a broken file.
 */
public class ConfigException extends RuntimeException {
    private final ConfigSource source;

    public ConfigException(ConfigSource source, String message) {
        super(message);
        this.source = Objects.requireNonNull(source);
    }

    public ConfigException(ConfigSource source, String message, Throwable cause) {
        super(message, cause);
        this.source = Objects.requireNonNull(source);
    }

    /** The layer whose value or file caused the problem. */
    public ConfigSource source() {
        return source;
    }
}
