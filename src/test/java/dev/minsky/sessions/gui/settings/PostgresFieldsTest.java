package dev.minsky.sessions.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.store.PostgresUrl;
import org.junit.jupiter.api.Test;

class PostgresFieldsTest {
    private final PostgresFields pg = new PostgresFields(ViewLoader.texts());

    @Test
    void typingAUrlFillsTheFields() {
        pg.urlProperty().set("postgresql://bob@db.example.com:6543/minsky?sslmode=verify-full");

        assertEquals("db.example.com", pg.hostProperty().get());
        assertEquals("6543", pg.portProperty().get());
        assertEquals("minsky", pg.databaseProperty().get());
        assertEquals("bob", pg.userProperty().get());
        assertEquals("verify-full", pg.sslModeProperty().get());
        assertEquals("", pg.problemProperty().get());
    }

    @Test
    void editingAFieldRewritesTheUrlKeepingWhatNoFieldShows() {
        pg.urlProperty().set("postgresql://bob@db:5432/minsky?connect_timeout=3&application_name=x");

        pg.hostProperty().set("team-db");
        pg.sslModeProperty().set("require");

        assertEquals("postgresql://bob@team-db:5432/minsky?sslmode=require&connect_timeout=3&application_name=x",
                pg.urlProperty().get());
    }

    @Test
    void fieldsThatNeedQuotingInAUrlReadBackAsTyped() {
        pg.urlProperty().set("postgresql://bob@db:5432/minsky");

        pg.hostProperty().set("::1");
        pg.userProperty().set("ann marie@corp");
        pg.databaseProperty().set("my db");

        PostgresUrl parsed = PostgresUrl.parse(pg.urlProperty().get());
        assertEquals("::1", parsed.host());
        assertEquals("ann marie@corp", parsed.user());
        assertEquals("my db", parsed.database());
        assertEquals("", pg.problemProperty().get());
    }

    @Test
    void aPasswordTypedIntoTheUrlMovesToThePasswordField() {
        pg.urlProperty().set("postgresql://bob:s3cret@db/minsky");

        pg.tidyUrl();

        assertEquals("s3cret", pg.passwordProperty().get());
        assertEquals("postgresql://bob@db/minsky", pg.urlProperty().get());
        assertEquals("s3cret", pg.location().password().orElseThrow());
    }

    @Test
    void loadingAUrlWithAPasswordNeverShowsItInTheUrl() {
        pg.load("postgresql://bob:s3cret@db:5432/minsky");

        assertFalse(pg.urlProperty().get().contains("s3cret"));
        assertEquals("s3cret", pg.passwordProperty().get());
        pg.userProperty().set("alice");
        assertFalse(pg.urlProperty().get().contains("s3cret"), pg.urlProperty().get());
    }

    @Test
    void aBadPortOrAMissingHostIsAProblemAndNoLocation() {
        pg.urlProperty().set("postgresql://bob@db:5432/minsky");

        pg.portProperty().set("70000");
        assertTrue(pg.problemProperty().get().contains("port"), pg.problemProperty().get());
        assertNull(pg.location());

        pg.portProperty().set("5433");
        assertEquals("", pg.problemProperty().get());
        pg.hostProperty().set(" ");
        assertTrue(pg.problemProperty().get().contains("host"), pg.problemProperty().get());
    }

    @Test
    void aMalformedUrlIsAProblemNamingIt() {
        pg.urlProperty().set("postgresql://db/x?sslmode=sometimes");

        assertTrue(pg.problemProperty().get().contains("sslmode"), pg.problemProperty().get());
        assertNull(pg.location());
    }
}
