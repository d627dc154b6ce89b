package dev.minsky.sessions.testsupport;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What tests read back to check what happened: a store's records, a table's rows, a file's digest, a dead port. */
public final class TestData {
    private TestData() {
    }

    /** Every record of {@code store}, in its stable order. */
    public static List<SessionRecord> all(SessionStore store) {
        try (Stream<SessionRecord> s = store.streamAll()) {
            return s.toList();
        }
    }

    /** The rows {@code sql} answers on {@code c}, each column by name as the database's text. */
    public static List<Map<String, String>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, String>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** The SHA-256 of a file's bytes, in hex: to show a file was not touched. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port nobody listens on: open a server socket, note its port, close it. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
