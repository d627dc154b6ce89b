package dev.minsky.sessions.store;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL connection URL in libpq's form,
 * {@code postgresql://user:password@host:port/database?sslmode=require&connect_timeout=10},
 * as Minsky's configuration writes it. Knows the libpq defaults and where libpq looks for a
 * password (the URL, {@code PGPASSWORD}, {@code ~/.pgpass}). Its {@link #toString()} never shows
 * the password.
 */
public final class PostgresUrl {
    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final Set<String> OWN_PARAMS = Set.of("sslmode", "connect_timeout", "user", "password");

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String sslMode;
    private final int connectTimeoutSeconds;
    private final Map<String, String> otherParams;

    private PostgresUrl(String host, int port, String database, String user, String password, String sslMode,
                        int connectTimeoutSeconds, Map<String, String> otherParams) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.sslMode = sslMode;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.otherParams = Collections.unmodifiableMap(new LinkedHashMap<>(otherParams));
    }

    /**
     * Parses {@code postgresql://…} or {@code postgres://…}.
     *
     * @throws IllegalArgumentException naming what is wrong (the password is never repeated)
     */
    public static PostgresUrl parse(String url) {
        String masked = Secrets.maskUrl(url);
        String rest;
        if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("'" + masked + "' is not a PostgreSQL URL (postgresql://user@host:port/database)");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        String host;
        int port = DEFAULT_PORT;
        if (rest.startsWith("[")) {
            int end = rest.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("'" + masked + "': unclosed [ in the host");
            }
            host = rest.substring(1, end);
            rest = rest.substring(end + 1);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1), masked);
            }
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            if (colon >= 0) {
                port = parsePort(rest.substring(colon + 1), masked);
            }
        }
        host = decode(host);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(decode(eq >= 0 ? pair.substring(0, eq) : pair), eq >= 0 ? decode(pair.substring(eq + 1)) : "");
        }
        if (params.containsKey("user")) {
            user = params.get("user");
        }
        if (params.containsKey("password")) {
            password = params.get("password");
        }
        String sslMode = params.getOrDefault("sslmode", "prefer").toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("'" + masked + "': unknown sslmode '" + sslMode + "'; valid modes are "
                    + String.join(", ", SSL_MODES));
        }
        int timeout = DEFAULT_CONNECT_TIMEOUT_SECONDS;
        if (params.containsKey("connect_timeout")) {
            try {
                timeout = Integer.parseInt(params.get("connect_timeout").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + masked + "': connect_timeout must be a whole number of seconds");
            }
        }
        Map<String, String> other = new LinkedHashMap<>(params);
        other.keySet().removeAll(OWN_PARAMS);
        if (host.isEmpty()) {
            host = "localhost";
        }
        String database = decode(path);
        if (database.isEmpty()) {
            database = user != null ? user : System.getProperty("user.name");
        }
        return new PostgresUrl(host, port, database, user, password, sslMode, timeout, other);
    }

    /**
     * The URL with these parts and no password ({@code user} null for libpq's default, the
     * operating-system user); what {@link #toUrl()} writes for it is what {@link #parse} reads back.
     *
     * @throws IllegalArgumentException for a port outside 1–65535 or an unknown SSL mode
     */
    public static PostgresUrl of(String host, int port, String database, String user, String sslMode,
                                 int connectTimeoutSeconds, Map<String, String> otherParams) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a number from 1 to 65535");
        }
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("unknown sslmode '" + sslMode + "'; valid modes are "
                    + String.join(", ", SSL_MODES));
        }
        Map<String, String> other = new LinkedHashMap<>(otherParams);
        other.keySet().removeAll(OWN_PARAMS);
        return new PostgresUrl(host, port, database, user, null, sslMode, connectTimeoutSeconds, other);
    }

    private static int parsePort(String text, String masked) {
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + masked + "': port '" + text + "' is not a number from 1 to 65535");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The user name; libpq's default is the operating-system user. */
    public String user() {
        return user != null ? user : System.getProperty("user.name");
    }

    /** The password written in the URL itself, if any. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public String sslMode() {
        return sslMode;
    }

    public int connectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** Query parameters other than sslmode, connect_timeout, user and password. */
    public Map<String, String> otherParams() {
        return otherParams;
    }

    public PostgresUrl withSslMode(String mode) {
        return new PostgresUrl(host, port, database, user, password, mode, connectTimeoutSeconds, otherParams);
    }

    public PostgresUrl withPassword(String newPassword) {
        return new PostgresUrl(host, port, database, user, newPassword, sslMode, connectTimeoutSeconds, otherParams);
    }

    public PostgresUrl withDatabase(String newDatabase) {
        return new PostgresUrl(host, port, newDatabase, user, password, sslMode, connectTimeoutSeconds, otherParams);
    }

    /**
     * The password libpq would use: the URL's, else {@code PGPASSWORD}, else the first matching
     * line of the password file ({@code PGPASSFILE} or {@code ~/.pgpass}).
     */
    public Optional<String> resolvePassword(Map<String, String> env, Path home) {
        if (password != null) {
            return Optional.of(password);
        }
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        Path file = env.containsKey("PGPASSFILE") ? Path.of(env.get("PGPASSFILE")) : home.resolve(".pgpass");
        return PgPassFile.lookup(file, host, port, database, user());
    }

    /** Where the password came from, for the connection check's report ("URL", "PGPASSWORD", a file, or none). */
    public String passwordSource(Map<String, String> env, Path home) {
        if (password != null) {
            return "the URL";
        }
        if (env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty()) {
            return "PGPASSWORD";
        }
        Path file = env.containsKey("PGPASSFILE") ? Path.of(env.get("PGPASSFILE")) : home.resolve(".pgpass");
        return PgPassFile.lookup(file, host, port, database, user()).isPresent() ? file.toString() : "none";
    }

    /** Whether the sslmode checks the server's certificate ({@code verify-ca}, {@code verify-full}). */
    public boolean verifiesCertificate() {
        return sslMode.startsWith("verify-");
    }

    /**
     * The root certificate file libpq checks the server's certificate against under {@code verify-ca}
     * and {@code verify-full}: {@code sslrootcert} in the URL, else {@code PGSSLROOTCERT}, else
     * {@code ~/.postgresql/root.crt} under {@code home} ({@link UserHome}). It may not exist. The
     * PostgreSQL driver reads none of the last two itself (it looks under Java's {@code user.home}).
     */
    public Path rootCertificate(Map<String, String> env, Path home) {
        String fromUrl = otherParams.get("sslrootcert");
        if (fromUrl != null && !fromUrl.isBlank()) {
            return Path.of(fromUrl);
        }
        String fromEnv = env.get("PGSSLROOTCERT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return home.resolve(".postgresql").resolve("root.crt");
    }

    /** The JDBC URL for the PostgreSQL driver (no user or password in it: pass those as properties). */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://");
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(encode(database));
        sb.append("?sslmode=").append(sslMode);
        sb.append("&connectTimeout=").append(connectTimeoutSeconds);
        sb.append("&ApplicationName=minsky-sessions");
        otherParams.forEach((k, v) -> {
            if (!k.equals("application_name")) {
                sb.append('&').append(encode(k)).append('=').append(encode(v));
            }
        });
        return sb.toString();
    }

    /** The URL in libpq form, with the password if it has one (never print this: use {@link #display()}). */
    public String toUrl() {
        StringBuilder sb = new StringBuilder("postgresql://");
        if (user != null) {
            sb.append(encode(user));
            if (password != null) {
                sb.append(':').append(encode(password));
            }
            sb.append('@');
        }
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(encode(database));
        StringBuilder q = new StringBuilder();
        if (!sslMode.equals("prefer")) {
            q.append("&sslmode=").append(sslMode);
        }
        if (connectTimeoutSeconds != DEFAULT_CONNECT_TIMEOUT_SECONDS) {
            q.append("&connect_timeout=").append(connectTimeoutSeconds);
        }
        otherParams.forEach((k, v) -> q.append('&').append(encode(k)).append('=').append(encode(v)));
        if (q.length() > 0) {
            sb.append('?').append(q.substring(1));
        }
        return sb.toString();
    }

    /** The URL with the password masked. */
    public String display() {
        return Secrets.maskUrl(toUrl());
    }

    @Override
    public String toString() {
        return display();
    }

    /** libpq's password file: {@code hostname:port:database:username:password}, {@code *} matching anything. */
    static final class PgPassFile {
        private PgPassFile() {
        }

        static Optional<String> lookup(Path file, String host, int port, String database, String user) {
            if (!Files.isReadable(file)) {
                return Optional.empty();
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    List<String> f = splitFields(line);
                    if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), Integer.toString(port))
                            && matches(f.get(2), database) && matches(f.get(3), user)) {
                        return Optional.of(f.get(4));
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        private static boolean matches(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }

        private static List<String> splitFields(String line) {
            List<String> fields = new java.util.ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            fields.add(cur.toString());
            return fields;
        }
    }
}
