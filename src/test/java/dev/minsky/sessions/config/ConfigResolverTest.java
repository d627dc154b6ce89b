package dev.minsky.sessions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();
    private Path settings;
    private Path minskyYaml;

    @BeforeEach
    void locateFiles() {
        settings = home.resolve(".config/minsky-session-manager/settings.json");
        minskyYaml = home.resolve(".config/minsky/config.yaml");
    }

    private EffectiveConfig resolve() {
        return new ConfigResolver(env, home).resolve();
    }

    private EffectiveConfig resolveWithStore(String store) {
        return new ConfigResolver(env, home, CommandLineOverrides.store("--store", store)).resolve();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // --- defaults -------------------------------------------------------------------------------

    @Test
    void defaultsToJsonFileUnderLocalState() {
        EffectiveConfig c = resolve();
        assertEquals(BackendKind.JSON, c.backend().value());
        assertEquals(ConfigSource.DEFAULT, c.backend().source());
        assertEquals("default", c.backend().origin());
        assertEquals(home.resolve(".local/state/minsky/session-db.json"), c.jsonPath().value());
        assertEquals(home.resolve(".local/state/minsky/sessions.db"), c.sqlitePath().value());
        assertTrue(c.postgresUrl().isEmpty());
        assertEquals(new StoreLocation.Json(home.resolve(".local/state/minsky/session-db.json")), c.activeLocation());
    }

    @Test
    void defaultPathsFollowXdgStateHome() {
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        EffectiveConfig c = resolve();
        assertEquals(home.resolve("state/minsky/session-db.json"), c.jsonPath().value());
        assertEquals(home.resolve("state/minsky/sessions.db"), c.sqlitePath().value());
    }

    @Test
    void ignoresRelativeXdgFoldersAsTheXdgSpecRequires() {
        env.put("XDG_STATE_HOME", "relative/state");
        assertEquals(home.resolve(".local/state/minsky/session-db.json"), resolve().jsonPath().value());
    }

    // --- each layer beats the ones below it -----------------------------------------------------

    @Test
    void minskyConfigBeatsDefaults() throws IOException {
        write(minskyYaml, "sessiondb:\n  backend: sqlite\n  sqlite:\n    path: /data/m.db\n");
        EffectiveConfig c = resolve();
        assertEquals(BackendKind.SQLITE, c.backend().value());
        assertEquals(ConfigSource.MINSKY_CONFIG, c.backend().source());
        assertEquals(minskyYaml + ": sessiondb.backend", c.backend().origin());
        assertEquals(Path.of("/data/m.db"), c.sqlitePath().value());
        assertEquals(minskyYaml + ": sessiondb.sqlite.path", c.sqlitePath().origin());
        assertEquals(new StoreLocation.Sqlite(Path.of("/data/m.db")), c.activeLocation());
    }

    @Test
    void settingsFileBeatsMinskyConfig() throws IOException {
        write(minskyYaml, "sessiondb:\n  backend: sqlite\n  sqlite:\n    path: /data/m.db\n");
        write(settings, "{\"backend\": \"json\", \"sqlitePath\": \"/data/app.db\", \"jsonPath\": \"/data/s.json\"}");
        EffectiveConfig c = resolve();
        assertEquals(BackendKind.JSON, c.backend().value());
        assertEquals(ConfigSource.SETTINGS_FILE, c.backend().source());
        assertEquals(settings.toString(), c.backend().origin());
        assertEquals(Path.of("/data/app.db"), c.sqlitePath().value());
        assertEquals(ConfigSource.SETTINGS_FILE, c.sqlitePath().source());
        assertEquals(Path.of("/data/s.json"), c.jsonPath().value());
    }

    @Test
    void environmentBeatsSettingsFile() throws IOException {
        write(settings, "{\"backend\": \"json\", \"sqlitePath\": \"/data/app.db\"}");
        env.put("MINSKY_SESSION_BACKEND", "sqlite");
        env.put("MINSKY_SQLITE_PATH", "/env/s.db");
        EffectiveConfig c = resolve();
        assertEquals(new ConfigValue<>(BackendKind.SQLITE, ConfigSource.ENVIRONMENT, "MINSKY_SESSION_BACKEND"),
                c.backend());
        assertEquals(new ConfigValue<>(Path.of("/env/s.db"), ConfigSource.ENVIRONMENT, "MINSKY_SQLITE_PATH"),
                c.sqlitePath());
    }

    @Test
    void commandLineBeatsEnvironment() {
        env.put("MINSKY_SESSION_BACKEND", "sqlite");
        env.put("MINSKY_JSON_PATH", "/env/s.json");
        EffectiveConfig c = resolveWithStore("json:/cli/s.json");
        assertEquals(new ConfigValue<>(BackendKind.JSON, ConfigSource.COMMAND_LINE, "--store"), c.backend());
        assertEquals(new ConfigValue<>(Path.of("/cli/s.json"), ConfigSource.COMMAND_LINE, "--store"), c.jsonPath());
        assertEquals(new StoreLocation.Json(Path.of("/cli/s.json")), c.activeLocation());
    }

    @Test
    void bareBackendOnCommandLineKeepsTheConfiguredLocation() {
        env.put("MINSKY_SESSION_BACKEND", "json");
        env.put("MINSKY_SQLITE_PATH", "/env/s.db");
        EffectiveConfig c = resolveWithStore("sqlite");
        assertEquals(ConfigSource.COMMAND_LINE, c.backend().source());
        assertEquals(ConfigSource.ENVIRONMENT, c.sqlitePath().source());
        assertEquals(new StoreLocation.Sqlite(Path.of("/env/s.db")), c.activeLocation());
    }

    @Test
    void postgresUrlOnCommandLineSetsBackendAndUrl() {
        EffectiveConfig c = resolveWithStore("postgresql://bob:pw@db/minsky");
        assertEquals(BackendKind.POSTGRES, c.backend().value());
        assertEquals("postgresql://bob:pw@db/minsky", c.postgresUrl().orElseThrow().value());
        assertEquals("postgresql://bob:****@db/minsky", c.activeLocation().display());
    }

    @Test
    void blankValuesAreTreatedAsUnset() throws IOException {
        env.put("MINSKY_SESSION_BACKEND", "  ");
        write(settings, "{\"backend\": \"\"}");
        assertEquals(ConfigSource.DEFAULT, resolve().backend().source());
    }

    // --- every environment name, and their order ------------------------------------------------

    @Test
    void readsEveryBackendEnvironmentName() {
        for (String name : ConfigResolver.BACKEND_ENV) {
            env.clear();
            env.put(name, "postgres");
            EffectiveConfig c = resolve();
            assertEquals(BackendKind.POSTGRES, c.backend().value(), name);
            assertEquals(name, c.backend().origin());
        }
    }

    @Test
    void readsEveryPathAndUrlEnvironmentName() {
        env.put("MINSKY_JSON_PATH", "/e/j.json");
        assertEquals("MINSKY_JSON_PATH", resolve().jsonPath().origin());
        for (String name : ConfigResolver.SQLITE_PATH_ENV) {
            env.clear();
            env.put(name, "/e/" + name + ".db");
            assertEquals(Path.of("/e/" + name + ".db"), resolve().sqlitePath().value());
            assertEquals(name, resolve().sqlitePath().origin());
        }
        for (String name : ConfigResolver.POSTGRES_URL_ENV) {
            env.clear();
            env.put(name, "postgresql://h/" + name);
            assertEquals("postgresql://h/" + name, resolve().postgresUrl().orElseThrow().value());
            assertEquals(name, resolve().postgresUrl().orElseThrow().origin());
        }
    }

    @Test
    void ourEnvironmentNamesBeatMinskysAndSessiondbBeatsPersistence() {
        env.put("MINSKY_PERSISTENCE_BACKEND", "postgres");
        env.put("MINSKY_SESSIONDB_BACKEND", "sqlite");
        assertEquals("MINSKY_SESSIONDB_BACKEND", resolve().backend().origin());
        env.put("MINSKY_SESSION_BACKEND", "json");
        assertEquals("MINSKY_SESSION_BACKEND", resolve().backend().origin());

        env.put("MINSKY_PERSISTENCE_POSTGRES_URL", "postgresql://h/persistence");
        env.put("MINSKY_SESSIONDB_POSTGRES_URL", "postgresql://h/sessiondb");
        assertEquals("MINSKY_SESSIONDB_POSTGRES_URL", resolve().postgresUrl().orElseThrow().origin());
        env.put("MINSKY_POSTGRES_URL", "postgresql://h/ours");
        assertEquals("MINSKY_POSTGRES_URL", resolve().postgresUrl().orElseThrow().origin());

        env.put("MINSKY_SESSIONDB_SQLITE_PATH", "/m.db");
        env.put("MINSKY_SQLITE_PATH", "/ours.db");
        assertEquals("MINSKY_SQLITE_PATH", resolve().sqlitePath().origin());
    }

    // --- Minsky config.yaml ---------------------------------------------------------------------

    @Test
    void readsPersistenceKeysOfNewerMinsky() throws IOException {
        write(minskyYaml, "persistence:\n  backend: postgres\n  postgres:\n    connectionString: postgresql://u@h/db\n"
                + "  sqlite:\n    path: /p.db\n");
        EffectiveConfig c = resolve();
        assertEquals(BackendKind.POSTGRES, c.backend().value());
        assertEquals(minskyYaml + ": persistence.backend", c.backend().origin());
        assertEquals("postgresql://u@h/db", c.postgresUrl().orElseThrow().value());
        assertEquals(minskyYaml + ": persistence.postgres.connectionString", c.postgresUrl().orElseThrow().origin());
        assertEquals(Path.of("/p.db"), c.sqlitePath().value());
    }

    @Test
    void sessiondbKeysBeatPersistenceKeys() throws IOException {
        write(minskyYaml, "persistence:\n  backend: postgres\n  sqlite:\n    path: /p.db\n"
                + "sessiondb:\n  backend: sqlite\n  sqlite:\n    path: /s.db\n"
                + "  postgres:\n    connectionString: postgresql://h/s\n");
        EffectiveConfig c = resolve();
        assertEquals(BackendKind.SQLITE, c.backend().value());
        assertEquals(Path.of("/s.db"), c.sqlitePath().value());
        assertEquals(minskyYaml + ": sessiondb.postgres.connectionString", c.postgresUrl().orElseThrow().origin());
    }

    @Test
    void minskyConfigHonoursXdgConfigHome() throws IOException {
        Path xdg = home.resolve("xdg");
        env.put("XDG_CONFIG_HOME", xdg.toString());
        write(minskyYaml, "sessiondb:\n  backend: postgres\n"); // ignored: not under XDG_CONFIG_HOME
        write(xdg.resolve("minsky/config.yaml"), "sessiondb:\n  backend: sqlite\n");
        write(xdg.resolve("minsky-session-manager/settings.json"), "{\"jsonPath\": \"/x.json\"}");
        EffectiveConfig c = resolve();
        assertEquals(BackendKind.SQLITE, c.backend().value());
        assertEquals(xdg.resolve("minsky/config.yaml"), c.minskyConfigFile());
        assertEquals(xdg.resolve("minsky-session-manager/settings.json"), c.settingsFile());
        assertEquals(Path.of("/x.json"), c.jsonPath().value());
    }

    @Test
    void minskyConfigWithoutSessionKeysOrEmptyHasNoValues() throws IOException {
        write(minskyYaml, "ai:\n  provider: openai\n");
        assertEquals(ConfigSource.DEFAULT, resolve().backend().source());
        write(minskyYaml, "");
        assertEquals(ConfigSource.DEFAULT, resolve().backend().source());
    }

    // --- ~ expansion ----------------------------------------------------------------------------

    @Test
    void expandsLeadingTildeInEveryLayer() throws IOException {
        write(minskyYaml, "sessiondb:\n  sqlite:\n    path: ~/.local/state/minsky/m.db\n");
        env.put("MINSKY_JSON_PATH", "~/sessions.json");
        EffectiveConfig c = resolve();
        assertEquals(home.resolve(".local/state/minsky/m.db"), c.sqlitePath().value());
        assertEquals(home.resolve("sessions.json"), c.jsonPath().value());
        assertEquals(new StoreLocation.Json(home.resolve("x/s.json")), resolveWithStore("json:~/x/s.json").activeLocation());
    }

    @Test
    void leavesTildeInsideAPathAlone() {
        env.put("MINSKY_JSON_PATH", "/data/~backup/s.json");
        assertEquals(Path.of("/data/~backup/s.json"), resolve().jsonPath().value());
    }

    // --- resolving locations --------------------------------------------------------------------

    @Test
    void resolvesBareNamesToTheConfiguredLocations() {
        env.put("MINSKY_SQLITE_PATH", "/e/s.db");
        env.put("MINSKY_POSTGRES_URL", "postgresql://h/db");
        EffectiveConfig c = resolve();
        assertEquals(new StoreLocation.Sqlite(Path.of("/e/s.db")), c.resolve("sqlite"));
        assertEquals(new StoreLocation.Json(home.resolve(".local/state/minsky/session-db.json")), c.resolve("json"));
        assertEquals(new StoreLocation.Postgres("postgresql://h/db"), c.resolve("postgres"));
        assertEquals(new StoreLocation.Sqlite(Path.of("/other.db")), c.resolve("sqlite:/other.db"));
        assertEquals(new StoreLocation.Json(home.resolve("a.json")), c.resolve("json:~/a.json"));
        assertEquals(c.activeLocation(), c.resolve(null));
    }

    @Test
    void barePostgresWithoutUrlSaysWhereToSetIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve().resolve("postgres"));
        assertEquals(ConfigSource.COMMAND_LINE, e.source());
        assertTrue(e.getMessage().contains("MINSKY_POSTGRES_URL"), e.getMessage());
        assertTrue(e.getMessage().contains(settings.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("sessiondb.postgres.connectionString"), e.getMessage());
    }

    @Test
    void postgresBackendWithoutUrlFailsOnlyWhenTheLocationIsNeeded() {
        env.put("MINSKY_SESSION_BACKEND", "postgres");
        EffectiveConfig c = resolve();
        ConfigException e = assertThrows(ConfigException.class, c::activeLocation);
        assertEquals(ConfigSource.ENVIRONMENT, e.source());
        assertTrue(e.getMessage().contains("MINSKY_SESSION_BACKEND"), e.getMessage());
    }

    @Test
    void rejectsAPostgresUrlThatIsNotOneWithoutShowingItsPassword() {
        env.put("MINSKY_SESSION_BACKEND", "postgres");
        env.put("MINSKY_POSTGRES_URL", "mysql://bob:hunter2@h/db");
        ConfigException e = assertThrows(ConfigException.class, () -> resolve().activeLocation());
        assertTrue(e.getMessage().contains("MINSKY_POSTGRES_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void rejectsTextThatIsNotALocation() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve().resolve("mongo:/x"));
        assertEquals(ConfigSource.COMMAND_LINE, e.source());
        assertTrue(e.getMessage().contains("json:PATH"), e.getMessage());
    }

    // --- errors ---------------------------------------------------------------------------------

    @Test
    void unknownBackendInEnvironmentNamesTheVariableAndListsValidNames() {
        env.put("MINSKY_SESSIONDB_BACKEND", "mongo");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertEquals(ConfigSource.ENVIRONMENT, e.source());
        assertTrue(e.getMessage().contains("MINSKY_SESSIONDB_BACKEND"), e.getMessage());
        assertTrue(e.getMessage().contains("'mongo'"), e.getMessage());
        assertTrue(e.getMessage().contains(BackendKind.validNames()), e.getMessage());
    }

    @Test
    void unknownBackendInSettingsFileNamesTheFile() throws IOException {
        write(settings, "{\"backend\": \"redis\"}");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertEquals(ConfigSource.SETTINGS_FILE, e.source());
        assertTrue(e.getMessage().contains(settings.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(BackendKind.validNames()), e.getMessage());
    }

    @Test
    void unknownBackendInMinskyConfigNamesFileAndKey() throws IOException {
        write(minskyYaml, "sessiondb:\n  backend: memory\n");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertEquals(ConfigSource.MINSKY_CONFIG, e.source());
        assertTrue(e.getMessage().contains(minskyYaml + ": sessiondb.backend"), e.getMessage());
        assertTrue(e.getMessage().contains(BackendKind.validNames()), e.getMessage());
    }

    @Test
    void unknownBackendOnCommandLineListsTheAcceptedForms() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolveWithStore("mongo"));
        assertEquals(ConfigSource.COMMAND_LINE, e.source());
        assertTrue(e.getMessage().startsWith("--store: "), e.getMessage());
        assertTrue(e.getMessage().contains("json, sqlite or postgres"), e.getMessage());
    }

    @Test
    void overriddenUnknownBackendInALowerLayerDoesNotBlock() throws IOException {
        write(minskyYaml, "sessiondb:\n  backend: memory\n");
        assertEquals(BackendKind.SQLITE, resolveWithStore("sqlite").backend().value());
    }

    @Test
    void malformedSettingsFileIsAnErrorNamingFileLineAndColumn() throws IOException {
        write(settings, "{\n  \"backend\": \"json\"\n  \"jsonPath\": \"/x\"\n}");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertEquals(ConfigSource.SETTINGS_FILE, e.source());
        assertTrue(e.getMessage().contains(settings.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void malformedSettingsFileIsAnErrorEvenWhenEverythingIsOverridden() throws IOException {
        write(settings, "[1, 2]");
        assertThrows(ConfigException.class, () -> resolveWithStore("json:/x.json"));
    }

    @Test
    void settingsValueOfWrongTypeIsAnErrorNamingTheKey() throws IOException {
        write(settings, "{\"sqlitePath\": 42}");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertTrue(e.getMessage().contains("\"sqlitePath\""), e.getMessage());
    }

    @Test
    void malformedMinskyConfigIsAnErrorNamingFileLineAndColumnWithoutEchoingTheFile() throws IOException {
        write(minskyYaml, "sessiondb:\n  backend: sqlite\n  postgres:\n    connectionString: postgresql://u:hunter2@h/db\n"
                + "  sqlite: [unclosed\n");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertEquals(ConfigSource.MINSKY_CONFIG, e.source());
        assertTrue(e.getMessage().contains(minskyYaml.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void yamlErrorOnALineHoldingAPasswordDoesNotQuoteThatLine() throws IOException {
        write(minskyYaml, "sessiondb:\n  postgres:\n    connectionString: postgresql://u:hunter2@h/db: x\n");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void minskyConfigSectionOfWrongShapeIsAnError() throws IOException {
        write(minskyYaml, "sessiondb: sqlite\n");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertTrue(e.getMessage().contains("sessiondb must be a mapping"), e.getMessage());
        write(minskyYaml, "sessiondb:\n  sqlite:\n    path: [a, b]\n");
        e = assertThrows(ConfigException.class, this::resolve);
        assertTrue(e.getMessage().contains("sessiondb.sqlite.path"), e.getMessage());
    }
}
