package dev.minsky.sessions.config;

import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.Secrets;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration in force, each value with its source (built by {@link ConfigResolver}).
 * Values are resolved per key: the backend may come from the environment while the SQLite path
 * comes from Minsky's config.yaml.
 */
public final class EffectiveConfig {
    private final ConfigValue<BackendKind> backend;
    private final ConfigValue<Path> jsonPath;
    private final ConfigValue<Path> sqlitePath;
    private final ConfigValue<String> postgresUrl;
    private final Path settingsFile;
    private final Path minskyConfigFile;
    private final Path home;

    EffectiveConfig(ConfigValue<BackendKind> backend, ConfigValue<Path> jsonPath, ConfigValue<Path> sqlitePath,
                    ConfigValue<String> postgresUrl, Path settingsFile, Path minskyConfigFile, Path home) {
        this.backend = Objects.requireNonNull(backend);
        this.jsonPath = Objects.requireNonNull(jsonPath);
        this.sqlitePath = Objects.requireNonNull(sqlitePath);
        this.postgresUrl = postgresUrl;
        this.settingsFile = settingsFile;
        this.minskyConfigFile = minskyConfigFile;
        this.home = home;
    }

    public ConfigValue<BackendKind> backend() {
        return backend;
    }

    public ConfigValue<Path> jsonPath() {
        return jsonPath;
    }

    public ConfigValue<Path> sqlitePath() {
        return sqlitePath;
    }

    /** The PostgreSQL URL, password included (show it only through {@link Secrets#maskUrl}). */
    public Optional<ConfigValue<String>> postgresUrl() {
        return Optional.ofNullable(postgresUrl);
    }

    /** The app's settings file that was consulted (it may not exist). */
    public Path settingsFile() {
        return settingsFile;
    }

    /** Minsky's config.yaml that was consulted (it may not exist). */
    public Path minskyConfigFile() {
        return minskyConfigFile;
    }

    /**
     * The store the configured backend points at.
     *
     * @throws ConfigException if that backend has no usable location (PostgreSQL without a URL)
     */
    public StoreLocation activeLocation() {
        return locationOf(backend.value(), backend.source(), backend.describeOrigin());
    }

    /** Where the configuration puts a store of {@code kind}, whichever backend is active. */
    public StoreLocation configuredLocation(BackendKind kind) {
        return locationOf(kind, ConfigSource.COMMAND_LINE, "'" + kind.id() + "'");
    }

    /**
     * A location as a user writes it (SPEC §5): {@code json:PATH}, {@code sqlite:PATH}, a
     * {@code postgresql://} URL, or a bare {@code json}/{@code sqlite}/{@code postgres} meaning
     * "where the configuration says"; blank means the active store.
     *
     * @throws ConfigException (source {@link ConfigSource#COMMAND_LINE}) for text that is not a
     *                         location, or a bare {@code postgres} when no URL is configured
     */
    public StoreLocation resolve(String text) {
        if (text == null || text.isBlank()) {
            return activeLocation();
        }
        if (StoreLocation.isBareName(text)) {
            return configuredLocation(BackendKind.parse(text));
        }
        return Locations.parseExplicit(text, home, ConfigSource.COMMAND_LINE, null);
    }

    private StoreLocation locationOf(BackendKind kind, ConfigSource askedBy, String why) {
        switch (kind) {
            case JSON:
                return new StoreLocation.Json(jsonPath.value());
            case SQLITE:
                return new StoreLocation.Sqlite(sqlitePath.value());
            default:
                if (postgresUrl == null) {
                    throw new ConfigException(askedBy, "backend postgres (from " + why
                            + ") needs a PostgreSQL URL, and none is configured: set MINSKY_POSTGRES_URL, \""
                            + SettingsFile.POSTGRES_URL + "\" in " + settingsFile
                            + ", or sessiondb.postgres.connectionString in " + minskyConfigFile);
                }
                StoreLocation location = Locations.parseExplicit(postgresUrl.value(), home, postgresUrl.source(),
                        postgresUrl.describeOrigin());
                if (location.kind() != BackendKind.POSTGRES) {
                    throw new ConfigException(postgresUrl.source(), postgresUrl.describeOrigin() + ": '"
                            + Secrets.maskUrl(postgresUrl.value()) + "' is not a postgresql:// URL");
                }
                return location;
        }
    }
}
