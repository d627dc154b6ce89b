package dev.minsky.sessions.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Telling a SQLite database file by its first bytes (its format's fixed header), whatever its name. */
public final class SqliteFiles {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteFiles() {
    }

    /** Whether {@code bytes} (a whole file, or its start) begin as a SQLite database does. */
    public static boolean isSqlite(byte[] bytes) {
        return bytes.length >= HEADER.length && Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length);
    }

    /** Whether the file begins as a SQLite database does (false for a shorter file). */
    public static boolean isSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isSqlite(in.readNBytes(HEADER.length));
        }
    }
}
