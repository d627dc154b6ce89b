package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.store.StoreUnavailableException;
import io.ebean.migration.MigrationConfig;
import io.ebean.migration.MigrationRunner;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Brings the schema to this app's version with ebean-migration: each migration applied once and
 * recorded in {@value #TABLE}. A database whose recorded schema is newer than this app knows is
 * refused untouched; a table Minsky created (no record yet) is upgraded in place.
 */
final class SchemaMigrations {
    static final String TABLE = "db_migration";
    /** The newest schema version this app knows. */
    static final String LATEST = "1.1";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private SchemaMigrations() {
    }

    /** Refuses a newer schema, then runs what is missing (the runner takes and commits its own connection). */
    static void apply(DataSource dataSource, SqlPlatform platform, String where) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            refuseUnknown(c, platform, where);
            c.rollback();
        }
        MigrationConfig config = new MigrationConfig();
        config.setMigrationPath("classpath:" + platform.migrationPath());
        config.setPlatform(platform == SqlPlatform.POSTGRES ? "postgres" : "sqlite");
        config.setMetaTable(TABLE);
        config.setClassLoader(SchemaMigrations.class.getClassLoader());
        new MigrationRunner(config).run(dataSource);
    }

    /**
     * Refuses, changing nothing, what this app must not touch: a schema newer than it knows and a
     * table named sessions that is not Minsky's. Also checked when opening read-only.
     */
    static void refuseUnknown(Connection c, SqlPlatform platform, String where) throws SQLException {
        refuseNewer(c, where);
        refuseForeignTable(c, platform, where);
    }

    /** The highest schema version recorded, or null when no migration table exists. */
    static String recordedVersion(Connection c) throws SQLException {
        if (!tableExists(c, TABLE)) {
            return null;
        }
        String max = null;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT mversion FROM " + TABLE)) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && VERSION.matcher(v).matches() && (max == null || compare(v, max) > 0)) {
                    max = v;
                }
            }
        }
        return max;
    }

    private static void refuseNewer(Connection c, String where) throws SQLException {
        String recorded = recordedVersion(c);
        if (recorded != null && compare(recorded, LATEST) > 0) {
            throw new UnsupportedSchemaException(where + " has schema version " + recorded
                    + ", newer than this version of Minsky Session Manager understands (" + LATEST
                    + "). Nothing was changed; open it with a newer version of the app.");
        }
    }

    /** A table named sessions that is not Minsky's is left alone: migration 1.1 would alter it. */
    private static void refuseForeignTable(Connection c, SqlPlatform platform, String where) throws SQLException {
        java.util.Optional<TableLayout> existing = TableLayout.inspect(c, platform);
        if (existing.isPresent() && (existing.get().columnFor(dev.minsky.sessions.domain.SessionField.SESSION) == null
                || existing.get().columnFor(dev.minsky.sessions.domain.SessionField.REPO_NAME) == null)) {
            throw new StoreUnavailableException(where + " has a table named sessions that is not Minsky's (no session "
                    + "or repository name column); nothing was changed");
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = md.getDatabaseProductName().toLowerCase().contains("postgres") ? c.getSchema() : null;
        try (ResultSet rs = md.getTables(null, schema, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** The database was upgraded by a newer app; it is refused, not "fixed". */
    static final class UnsupportedSchemaException extends StoreUnavailableException {
        UnsupportedSchemaException(String message) {
            super(message);
        }
    }
}
