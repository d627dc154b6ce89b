package dev.minsky.sessions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void locatesUnderXdgConfigHomeElseDotConfig() {
        assertEquals(dir.resolve(".config/minsky-session-manager/settings.json"),
                SettingsFile.locate(Map.of(), dir).path());
        assertEquals(dir.resolve("xdg/minsky-session-manager/settings.json"),
                SettingsFile.locate(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), dir).path());
    }

    @Test
    void missingOrEmptyFileHasNoSettings() throws IOException {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        assertEquals(Settings.EMPTY, file.read());
        Files.writeString(file.path(), "\n");
        assertEquals(Settings.EMPTY, file.read());
    }

    @Test
    void writesWhatItReadsBack() {
        SettingsFile file = new SettingsFile(dir.resolve("sub/settings.json"));
        Settings s = new Settings("sqlite", "/j.json", "/s.db", "postgresql://bob@db:5432/minsky?sslmode=require");
        file.write(s);
        assertEquals(s, file.read());
    }

    @Test
    void writesTheFilePrivateToTheUser() throws IOException {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        file.write(Settings.EMPTY.withBackend("json"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    }

    @Test
    void makesAnExistingReadableFilePrivateOnWrite() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        new SettingsFile(path).write(Settings.EMPTY.withBackend("json"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void neverWritesAPassword() throws IOException {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        file.write(Settings.EMPTY.withPostgresUrl("postgresql://bob:hunter2@db/minsky?password=hunter2&sslmode=require"));
        String text = Files.readString(file.path(), StandardCharsets.UTF_8);
        assertFalse(text.contains("hunter2"), text);
        assertEquals("postgresql://bob@db/minsky?sslmode=require", file.read().postgresUrl());
    }

    @Test
    void writesThePasswordOnlyWhenExplicitlyAskedAndKeepsTheFilePrivate() throws IOException {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        String url = "postgresql://bob:hunter2@db:5432/minsky?sslmode=require";
        file.write(Settings.EMPTY.withPostgresUrl(url), true);
        assertEquals(url, file.read().postgresUrl());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        file.write(Settings.EMPTY.withPostgresUrl(url), false);
        assertFalse(Files.readString(file.path()).contains("hunter2"));
    }

    @Test
    void stripsPasswordsFromEveryUrlForm() {
        assertEquals("postgresql://bob@db/x", SettingsFile.withoutPassword("postgresql://bob:p@ss@db/x"));
        assertEquals("postgres://db/x?sslmode=require",
                SettingsFile.withoutPassword("postgres://db/x?sslmode=require&PASSWORD=p"));
        assertEquals("postgresql://db/x", SettingsFile.withoutPassword("postgresql://db/x?password=p"));
        assertEquals("postgresql://bob@db/x", SettingsFile.withoutPassword("postgresql://bob@db/x"));
        assertEquals("host=db user=bob", SettingsFile.withoutPassword("host=db password='a b' user=bob"));
        assertEquals(null, SettingsFile.withoutPassword(null));
    }

    @Test
    void keepsKeysItDoesNotKnowAndRemovesUnsetValues() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\"theme\": \"dark\", \"backend\": \"sqlite\", \"sqlitePath\": \"/s.db\"}");
        new SettingsFile(path).write(new Settings("json", null, null, null));
        String text = Files.readString(path);
        assertTrue(text.contains("\"theme\": \"dark\""), text);
        assertFalse(text.contains("sqlitePath"), text);
        assertEquals(new Settings("json", null, null, null), new SettingsFile(path).read());
    }

    @Test
    void refusesToOverwriteAMalformedFile() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\"backend\": ");
        SettingsFile file = new SettingsFile(path);
        ConfigException e = assertThrows(ConfigException.class, () -> file.write(Settings.EMPTY.withBackend("json")));
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertEquals("{\"backend\": ", Files.readString(path));
    }

    @Test
    void rejectsDuplicateKeys() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\"backend\": \"json\", \"backend\": \"sqlite\"}");
        assertThrows(ConfigException.class, () -> new SettingsFile(path).read());
    }

    @Test
    void toStringMasksThePassword() {
        assertFalse(new Settings(null, null, null, "postgresql://u:hunter2@h/d").toString().contains("hunter2"));
    }
}
