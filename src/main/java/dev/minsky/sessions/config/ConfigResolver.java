package dev.minsky.sessions.config;

import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.UserHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Works out the effective configuration (SPEC §3) from injected inputs, never from the process
 * itself, so every layer can be tested. Each key is resolved separately; the first layer that has
 * a non-blank value wins:
 * <ol>
 *   <li>command line ({@link CommandLineOverrides}, e.g. {@code --store sqlite:/x});</li>
 *   <li>environment, our own names before Minsky's, and Minsky's newer {@code SESSIONDB} names
 *       before its {@code PERSISTENCE} ones:
 *       <ul>
 *         <li>backend: {@code MINSKY_SESSION_BACKEND}, {@code MINSKY_SESSIONDB_BACKEND},
 *             {@code MINSKY_PERSISTENCE_BACKEND}</li>
 *         <li>JSON path: {@code MINSKY_JSON_PATH}</li>
 *         <li>SQLite path: {@code MINSKY_SQLITE_PATH}, {@code MINSKY_SESSIONDB_SQLITE_PATH}</li>
 *         <li>PostgreSQL URL: {@code MINSKY_POSTGRES_URL}, {@code MINSKY_SESSIONDB_POSTGRES_URL},
 *             {@code MINSKY_PERSISTENCE_POSTGRES_URL}</li>
 *       </ul></li>
 *   <li>the app's settings file ({@link SettingsFile});</li>
 *   <li>Minsky's {@code config.yaml}: {@code sessiondb.*} before {@code persistence.*}
 *       (it has no JSON path key);</li>
 *   <li>defaults: backend {@code json}; JSON file {@code $XDG_STATE_HOME/minsky/session-db.json},
 *       SQLite file {@code $XDG_STATE_HOME/minsky/sessions.db}, with {@code ~/.local/state} when
 *       {@code XDG_STATE_HOME} is unset; no PostgreSQL URL.</li>
 * </ol>
 * Both files are always read, and a malformed one is an error even when higher layers would
 * override all its values: ignoring it silently would hide the problem until the day it matters.
 * A backend name, by contrast, is checked only where it takes effect, so a Minsky config naming a
 * backend this version does not know does not block a user who chose one on the command line.
 */
public final class ConfigResolver {
    static final List<String> BACKEND_ENV =
            List.of("MINSKY_SESSION_BACKEND", "MINSKY_SESSIONDB_BACKEND", "MINSKY_PERSISTENCE_BACKEND");
    static final List<String> JSON_PATH_ENV = List.of("MINSKY_JSON_PATH");
    static final List<String> SQLITE_PATH_ENV = List.of("MINSKY_SQLITE_PATH", "MINSKY_SESSIONDB_SQLITE_PATH");
    static final List<String> POSTGRES_URL_ENV =
            List.of("MINSKY_POSTGRES_URL", "MINSKY_SESSIONDB_POSTGRES_URL", "MINSKY_PERSISTENCE_POSTGRES_URL");
    private static final String DEFAULT = "default";

    private final Map<String, String> env;
    private final Path home;
    private final CommandLineOverrides commandLine;

    public ConfigResolver(Map<String, String> env, Path home, CommandLineOverrides commandLine) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.home = Objects.requireNonNull(home, "home");
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
    }

    public ConfigResolver(Map<String, String> env, Path home) {
        this(env, home, CommandLineOverrides.NONE);
    }

    /** The resolver for this process: its environment and the user's home folder. */
    public static ConfigResolver fromSystem(CommandLineOverrides commandLine) {
        return new ConfigResolver(System.getenv(), UserHome.current(), commandLine);
    }

    /**
     * @throws ConfigException if a file is malformed, the command-line location is not a location,
     *                         or the backend that takes effect is not a known one
     */
    public EffectiveConfig resolve() {
        SettingsFile settingsFile = SettingsFile.locate(env, home);
        Settings settings = settingsFile.read();
        MinskyConfigFile minsky = MinskyConfigFile.read(MinskyConfigFile.locate(env, home));
        String settingsOrigin = settingsFile.path().toString();

        Raw cl = commandLineValues();
        ConfigValue<String> backendText = first(cl.backend, fromEnv(BACKEND_ENV),
                fromSettings(settings.backend(), settingsOrigin), minsky.backend());
        ConfigValue<String> jsonText = first(cl.jsonPath, fromEnv(JSON_PATH_ENV),
                fromSettings(settings.jsonPath(), settingsOrigin), null);
        ConfigValue<String> sqliteText = first(cl.sqlitePath, fromEnv(SQLITE_PATH_ENV),
                fromSettings(settings.sqlitePath(), settingsOrigin), minsky.sqlitePath());
        ConfigValue<String> postgresUrl = first(cl.postgresUrl, fromEnv(POSTGRES_URL_ENV),
                fromSettings(settings.postgresUrl(), settingsOrigin), minsky.postgresUrl());

        Path stateDir = ConfigPaths.stateHome(env, home).resolve(ConfigPaths.MINSKY_DIR);
        return new EffectiveConfig(
                backendText == null ? new ConfigValue<>(BackendKind.JSON, ConfigSource.DEFAULT, DEFAULT)
                        : backend(backendText),
                jsonText == null ? new ConfigValue<>(stateDir.resolve("session-db.json"), ConfigSource.DEFAULT, DEFAULT)
                        : path(jsonText),
                sqliteText == null ? new ConfigValue<>(stateDir.resolve("sessions.db"), ConfigSource.DEFAULT, DEFAULT)
                        : path(sqliteText),
                postgresUrl, settingsFile.path(), minsky.path(), home);
    }

    /** What {@code --store} says, split into the keys it sets. */
    private Raw commandLineValues() {
        Raw raw = new Raw();
        String text = commandLine.store();
        if (text == null) {
            return raw;
        }
        String option = commandLine.option();
        String t = text.trim();
        if (StoreLocation.isBareName(t)) {
            raw.backend = new ConfigValue<>(t, ConfigSource.COMMAND_LINE, option);
            return raw;
        }
        StoreLocation location = Locations.parseExplicit(t, home, ConfigSource.COMMAND_LINE, option);
        raw.backend = new ConfigValue<>(location.kind().id(), ConfigSource.COMMAND_LINE, option);
        if (location instanceof StoreLocation.Json json) {
            raw.jsonPath = new ConfigValue<>(json.path().toString(), ConfigSource.COMMAND_LINE, option);
        } else if (location instanceof StoreLocation.Sqlite sqlite) {
            raw.sqlitePath = new ConfigValue<>(sqlite.path().toString(), ConfigSource.COMMAND_LINE, option);
        } else if (location instanceof StoreLocation.Postgres postgres) {
            raw.postgresUrl = new ConfigValue<>(postgres.url(), ConfigSource.COMMAND_LINE, option);
        }
        return raw;
    }

    private ConfigValue<String> fromEnv(List<String> names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new ConfigValue<>(value.trim(), ConfigSource.ENVIRONMENT, name);
            }
        }
        return null;
    }

    private static ConfigValue<String> fromSettings(String value, String origin) {
        return value == null ? null : new ConfigValue<>(value.trim(), ConfigSource.SETTINGS_FILE, origin);
    }

    @SafeVarargs
    private static ConfigValue<String> first(ConfigValue<String>... layers) {
        for (ConfigValue<String> v : layers) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static ConfigValue<BackendKind> backend(ConfigValue<String> text) {
        try {
            return new ConfigValue<>(BackendKind.parse(text.value()), text.source(), text.origin());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(text.source(), text.describeOrigin() + ": " + e.getMessage());
        }
    }

    private ConfigValue<Path> path(ConfigValue<String> text) {
        Path p = ConfigPaths.expand(text.value(), home, text.source(), text.describeOrigin());
        return new ConfigValue<>(p, text.source(), text.origin());
    }

    /** Command-line values before conversion; null fields were not given. */
    private static final class Raw {
        ConfigValue<String> backend;
        ConfigValue<String> jsonPath;
        ConfigValue<String> sqlitePath;
        ConfigValue<String> postgresUrl;
    }
}
