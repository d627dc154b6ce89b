package dev.minsky.sessions.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a store lives: {@code json:PATH}, {@code sqlite:PATH} or a {@code postgresql://} URL
 * (SPEC §5). A bare {@code json}/{@code sqlite}/{@code postgres} ("where the configuration says")
 * is resolved by the configuration, not here.
 */
public sealed interface StoreLocation {

    BackendKind kind();

    /** The location as a user writes it, password masked. */
    String display();

    /** The file a JSON or SQLite store lives in; empty for PostgreSQL. */
    default Optional<Path> file() {
        return this instanceof Json j ? Optional.of(j.path())
                : this instanceof Sqlite s ? Optional.of(s.path()) : Optional.empty();
    }

    /**
     * Whether {@code other} is the same store seen through any backend: the same file (read as JSON
     * or as SQLite), or the same database on the same server whatever the user or options.
     */
    default boolean sameStoreAs(StoreLocation other) {
        if (other == null) {
            return false;
        }
        if (file().isPresent() || other.file().isPresent()) {
            return file().equals(other.file());
        }
        try {
            PostgresUrl x = PostgresUrl.parse(((Postgres) this).url());
            PostgresUrl y = PostgresUrl.parse(((Postgres) other).url());
            return x.host().equalsIgnoreCase(y.host()) && x.port() == y.port() && x.database().equals(y.database());
        } catch (IllegalArgumentException e) {
            return equals(other);
        }
    }

    record Json(Path path) implements StoreLocation {
        public Json {
            Objects.requireNonNull(path);
        }

        @Override
        public BackendKind kind() {
            return BackendKind.JSON;
        }

        @Override
        public String display() {
            return "json:" + path;
        }
    }

    record Sqlite(Path path) implements StoreLocation {
        public Sqlite {
            Objects.requireNonNull(path);
        }

        @Override
        public BackendKind kind() {
            return BackendKind.SQLITE;
        }

        @Override
        public String display() {
            return "sqlite:" + path;
        }
    }

    /** A PostgreSQL URL in libpq form ({@code postgresql://user:password@host:port/db?sslmode=…}). */
    record Postgres(String url) implements StoreLocation {
        public Postgres {
            Objects.requireNonNull(url);
        }

        @Override
        public BackendKind kind() {
            return BackendKind.POSTGRES;
        }

        @Override
        public String display() {
            return Secrets.maskUrl(url);
        }

        /** Never the password: records print through here in logs and debuggers. */
        @Override
        public String toString() {
            return "Postgres[" + display() + "]";
        }
    }

    /** Whether {@code text} is a bare backend name that the configuration must resolve. */
    static boolean isBareName(String text) {
        try {
            BackendKind.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses an explicit location; a path starting with {@code ~} is taken relative to {@code home}
     * (passed in, not read from the JVM, so configuration stays testable).
     *
     * @throws IllegalArgumentException with a message naming the accepted forms, or the bad path
     */
    static StoreLocation parse(String text, Path home) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("json:") && t.length() > 5) {
            return new Json(expandHome(t.substring(5).trim(), home));
        }
        if (t.startsWith("sqlite:") && t.length() > 7) {
            return new Sqlite(expandHome(t.substring(7).trim(), home));
        }
        if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
            return new Postgres(t);
        }
        throw new IllegalArgumentException("'" + Secrets.maskUrl(t) + "' is not a store location: write json:PATH, "
                + "sqlite:PATH, a postgresql://… URL, or json, sqlite or postgres for the configured one");
    }

    /** {@code ~} and {@code ~/x} relative to {@code home}; an invalid path is an IllegalArgumentException. */
    static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/") || path.startsWith("~" + home.getFileSystem().getSeparator())) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path); // InvalidPathException is an IllegalArgumentException
    }
}
