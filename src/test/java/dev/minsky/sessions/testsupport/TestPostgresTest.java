package dev.minsky.sessions.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The PostgreSQL tests run against a real server: prove it is there and that each test gets its own database. */
class TestPostgresTest {
    @Test
    void aRealServerAnswersWithAFreshDatabase() throws Exception {
        PostgresUrl db = TestPostgres.newDatabase("probe");
        try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_database(), version(), "
                     + "(select count(*) from information_schema.tables where table_schema = 'public')")) {
            assertTrue(rs.next());
            assertEquals(db.database(), rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL"), rs.getString(2));
            assertEquals(0, rs.getInt(3));
        }
    }
}
