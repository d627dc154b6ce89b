package dev.minsky.sessions.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The query plan a database chooses for one of the store's statements, with every parameter bound. */
final class QueryPlans {
    private QueryPlans() {
    }

    /** SQLite: {@code EXPLAIN QUERY PLAN}, whose detail is column 4; PostgreSQL: {@code EXPLAIN}, column 1. */
    static String plan(Connection c, SqlPlatform platform, String sql) throws SQLException {
        boolean sqlite = platform == SqlPlatform.SQLITE;
        try (PreparedStatement ps = c.prepareStatement((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, "1");
            }
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(rs.getString(sqlite ? 4 : 1)).append('\n');
                }
            }
            return sb.toString();
        }
    }
}
