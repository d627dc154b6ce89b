package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.gui.common.RecordingDialogs;
import static dev.minsky.sessions.testsupport.TestData.closedPort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.Settings;
import dev.minsky.sessions.config.SettingsFile;
import dev.minsky.sessions.connect.StageStatus;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DirectTaskRunner;
import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings pane's behaviour without the toolkit: real files, real SQLite and PostgreSQL. */
class SettingsViewModelTest {
    @TempDir
    Path home;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Map<String, String> env = new HashMap<>();
    private AppContext ctx;

    @AfterEach
    void closeStore() {
        if (ctx != null) {
            ctx.closeStore();
        }
    }

    private SettingsViewModel loaded() {
        env.putIfAbsent("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.putIfAbsent("XDG_STATE_HOME", home.resolve("state").toString());
        ctx = new AppContext(Map.copyOf(env), home, new DirectTaskRunner(), dialogs);
        SettingsViewModel vm = new SettingsViewModel(ctx, dialogs);
        vm.load();
        assertEquals(List.of(), dialogs.errors);
        return vm;
    }

    private Path settingsPath() {
        return home.resolve("config/minsky-session-manager/settings.json");
    }

    @Test
    void showsEachValueWithItsSourceAndLocksWhatTheEnvironmentSets() {
        env.put("MINSKY_SESSION_BACKEND", "sqlite");
        env.put("MINSKY_SQLITE_PATH", home.resolve("env.db").toString());

        SettingsViewModel vm = loaded();

        assertEquals(BackendKind.SQLITE, vm.backendProperty().get());
        assertEquals(home.resolve("env.db").toString(), vm.sqlitePathProperty().get());
        assertTrue(vm.backendSource().lockedProperty().get());
        assertTrue(vm.sqliteSource().lockedProperty().get());
        assertTrue(vm.sqliteSource().textProperty().get().startsWith("Set by MINSKY_SQLITE_PATH"),
                vm.sqliteSource().textProperty().get());
        assertTrue(vm.backendSource().textProperty().get().contains("MINSKY_SESSION_BACKEND"));
        assertFalse(vm.jsonSource().lockedProperty().get());
        assertEquals("Default.", vm.jsonSource().textProperty().get());
        assertFalse(vm.postgresSource().lockedProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void aChangedValueSaysSaveWillWriteIt() {
        SettingsViewModel vm = loaded();

        vm.backendProperty().set(BackendKind.SQLITE);
        assertEquals("Changed here: Save writes it to the settings file.", vm.backendSource().textProperty().get());
        vm.backendProperty().set(BackendKind.JSON);
        assertEquals("Default.", vm.backendSource().textProperty().get());
    }

    @Test
    void savingKeepsTheSettingsFileValuesTheEnvironmentOverrides() {
        new SettingsFile(settingsPath()).write(Settings.EMPTY.withSqlitePath("/from/the/file.db"));
        env.put("MINSKY_SQLITE_PATH", home.resolve("env.db").toString());
        SettingsViewModel vm = loaded();

        vm.backendProperty().set(BackendKind.SQLITE);
        vm.save();

        assertEquals(List.of(), dialogs.errors);
        Settings written = new SettingsFile(settingsPath()).read();
        assertEquals("/from/the/file.db", written.sqlitePath());
        assertEquals("sqlite", written.backend());
        assertEquals(new StoreLocation.Sqlite(home.resolve("env.db")), ctx.locationProperty().get());
        assertTrue(vm.closedProperty().get());
    }

    @Test
    void savingWritesOnlyWhatTheUserChoseAndSwitchesTheApp() throws IOException {
        SettingsViewModel vm = loaded();
        Path db = home.resolve("chosen.db");
        dialogs.chosenFile = db;

        vm.backendProperty().set(BackendKind.SQLITE);
        vm.chooseSqliteFile();
        vm.save();

        assertEquals(List.of(), dialogs.errors);
        String text = Files.readString(settingsPath());
        assertEquals(new Settings("sqlite", null, db.toString(), null), new SettingsFile(settingsPath()).read(), text);
        assertEquals(new StoreLocation.Sqlite(db), ctx.locationProperty().get());
        assertTrue(vm.closedProperty().get());
    }

    /**
     * Saves a new database's URL with its password typed into the password field (and stored when
     * {@code storePassword}); the save must succeed and write a private file.
     */
    private SettingsViewModel savePostgres(PostgresUrl server, boolean storePassword) throws IOException {
        SettingsViewModel vm = loaded();
        vm.backendProperty().set(BackendKind.POSTGRES);
        vm.postgres().urlProperty().set(server.withPassword(null).toUrl());
        vm.postgres().passwordProperty().set(server.password().orElseThrow());
        vm.storePasswordProperty().set(storePassword);
        vm.save();

        assertEquals(List.of(), dialogs.errors);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settingsPath())));
        return vm;
    }

    @Test
    void savesPostgresWithoutThePasswordUnlessAskedAndAlwaysPrivately() throws IOException {
        PostgresUrl server = TestPostgres.newDatabase("settings");
        String password = server.password().orElseThrow();

        SettingsViewModel vm = savePostgres(server, false);

        String text = Files.readString(settingsPath());
        assertFalse(text.contains(password), "the settings file holds the password"); // never print it
        assertEquals(server.withPassword(null).toUrl(), new SettingsFile(settingsPath()).read().postgresUrl());
        // the app is switched with the password typed, for this run only
        assertEquals(BackendKind.POSTGRES, ctx.locationProperty().get().kind());
        assertTrue(vm.closedProperty().get());
    }

    @Test
    void storesThePasswordWhenTheUserTicksTheBox() throws IOException {
        PostgresUrl server = TestPostgres.newDatabase("settings");
        String password = server.password().orElseThrow();

        savePostgres(server, true);

        assertTrue(PostgresUrl.parse(new SettingsFile(settingsPath()).read().postgresUrl()).password()
                .filter(password::equals).isPresent(), "the settings file does not hold the password typed");

        SettingsViewModel again = new SettingsViewModel(ctx, dialogs);
        again.load();
        assertTrue(again.storePasswordProperty().get(), "a stored password shows the box ticked");
        assertTrue(password.equals(again.postgres().passwordProperty().get()), "the stored password is not loaded");
        assertFalse(again.postgres().urlProperty().get().contains(password));
    }

    @Test
    void aFailingCheckShowsTheFailingStageAndItsFix() throws IOException {
        SettingsViewModel vm = loaded();
        vm.backendProperty().set(BackendKind.POSTGRES);
        vm.postgres().urlProperty().set("postgresql://bob@127.0.0.1:" + closedPort() + "/minsky?sslmode=disable");

        vm.testConnection();

        ConnectionTestViewModel test = vm.test();
        assertFalse(test.runningProperty().get());
        assertEquals(StageStatus.OK, test.rows().get(0).statusProperty().get());
        assertEquals(StageStatus.FAILED, test.rows().get(1).statusProperty().get());
        assertEquals("TCP connect", test.rows().get(1).title());
        for (StageRow later : test.rows().subList(2, 7)) {
            assertEquals(StageStatus.SKIPPED, later.statusProperty().get());
        }
        assertEquals(StageStatus.FAILED, test.verdictProperty().get());
        assertTrue(test.summaryProperty().get().startsWith("Failed at \"TCP connect\""), test.summaryProperty().get());
        assertFalse(test.fixProperty().get().isBlank());
    }

    @Test
    void aSucceedingCheckFillsEveryStage() {
        PostgresUrl server = TestPostgres.newDatabase("settings");
        env.put("PGPASSWORD", server.password().orElseThrow());
        SettingsViewModel vm = loaded();
        vm.backendProperty().set(BackendKind.POSTGRES);
        vm.postgres().urlProperty().set(server.withPassword(null).toUrl());

        vm.testConnection();

        ConnectionTestViewModel test = vm.test();
        assertTrue(test.verdictProperty().get() == StageStatus.OK || test.verdictProperty().get() == StageStatus.WARNING,
                test.summaryProperty().get());
        for (StageRow row : test.rows()) {
            assertFalse(row.timeProperty().get().isEmpty(), row.title());
            assertTrue(row.statusProperty().get() == StageStatus.OK || row.statusProperty().get() == StageStatus.WARNING,
                    row.title() + ": " + row.detailProperty().get());
        }
    }

    @Test
    void checksAJsonFileByCountingItsSessions() {
        Path file = home.resolve("sessions.json");
        try (SessionStore store = new JsonFileStore(file)) {
            store.create(TestRecords.minimal("one"));
            store.create(TestRecords.minimal("two"));
        }
        SettingsViewModel vm = loaded();
        vm.jsonPathProperty().set(file.toString());

        vm.testConnection();

        assertEquals(StageStatus.OK, vm.test().verdictProperty().get(), vm.test().summaryProperty().get());
        assertEquals("2 sessions", vm.test().rows().get(1).detailProperty().get());
    }

    @Test
    void aFileThatIsNotAStoreFailsTheCheckWithAFix() throws IOException {
        Path file = home.resolve("notes.db");
        Files.writeString(file, "not a database, just some notes\n".repeat(20));
        SettingsViewModel vm = loaded();
        vm.backendProperty().set(BackendKind.SQLITE);
        vm.sqlitePathProperty().set(file.toString());

        vm.testConnection();

        assertEquals(StageStatus.FAILED, vm.test().rows().get(1).statusProperty().get());
        assertFalse(vm.test().fixProperty().get().isBlank());
    }

    @Test
    void whenTheChosenStoreCannotBeOpenedThePaneSaysWhyAndStaysOpen() throws IOException {
        Path file = home.resolve("notes.db");
        Files.writeString(file, "not a database, just some notes\n".repeat(20));
        SettingsViewModel vm = loaded();
        vm.backendProperty().set(BackendKind.SQLITE);
        vm.sqlitePathProperty().set(file.toString());

        vm.save();

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("The store could not be opened"), dialogs.errors.get(0));
        assertFalse(vm.closedProperty().get());
        assertFalse(vm.busyProperty().get());
        assertNull(ctx.locationProperty().get());
    }

    @Test
    void saveIsOnlyPossibleWithACompleteLocation() {
        SettingsViewModel vm = loaded();
        vm.backendProperty().set(BackendKind.POSTGRES);

        assertFalse(vm.validProperty().get());
        assertEquals("Enter the PostgreSQL server: a URL, or host and database.", vm.problemProperty().get());
        vm.save();
        assertFalse(Files.exists(settingsPath()));

        vm.postgres().urlProperty().set("postgresql://bob@db/minsky");
        assertTrue(vm.validProperty().get());
    }
}
