package dbmigration.sqlite;

import dev.minsky.sessions.store.sql.SchemaCompletion;
import io.ebean.migration.JdbcMigration;
import java.sql.Connection;

/**
 * Schema 1.1 for sqlite (see {@link SchemaCompletion}). It lives in the package of the migration path
 * {@code dbmigration/sqlite} because that is where ebean-migration looks for Java migrations.
 */
public final class V1_1__Complete_sessions_table implements JdbcMigration {
    @Override
    public void migrate(Connection connection) {
        SchemaCompletion.completeSessionsTable(connection);
    }
}
