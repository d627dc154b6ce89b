package dev.minsky.sessions.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minsky.sessions.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The app's own settings file, {@code $XDG_CONFIG_HOME/minsky-session-manager/settings.json}
 * (else under {@code ~/.config}): a JSON object with the optional keys {@code backend},
 * {@code jsonPath}, {@code sqlitePath} and {@code postgresUrl}.
 *
 * <p>Reading is strict (bad JSON, a non-object, a non-text value are errors naming the file) because a
 * silently ignored settings file sends the user to the wrong store. Keys this version does not know
 * are kept on write, so an older app does not erase a newer one's settings. Writing is atomic, the
 * file is private to the user (0600), and a password in the PostgreSQL URL is removed first: passwords
 * come from {@code PGPASSWORD} or {@code ~/.pgpass}, not from this file, unless the user explicitly
 * asks to store it ({@link #write(Settings, boolean)}).
 */
public final class SettingsFile {
    public static final String FILE_NAME = "settings.json";
    static final String BACKEND = "backend";
    static final String JSON_PATH = "jsonPath";
    static final String SQLITE_PATH = "sqlitePath";
    static final String POSTGRES_URL = "postgresUrl";
    private static final String PRIVATE = "rw-------";

    /**
     * Made on first use: Jackson's data binding costs about 50 ms to set up at start (it loads the locale
     * and calendar data for its date format), which a start without a settings file does not need.
     */
    private static final class Mapper {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
    // user:password@ in the authority; the password may contain '@' but not '/', '?' or '#'
    private static final Pattern USERINFO_PASSWORD =
            Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@]*):[^/?#]*@");
    private static final Pattern KEYWORD_PASSWORD =
            Pattern.compile("(?i)\\s*\\bpassword\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)");

    private final Path path;

    public SettingsFile(Path path) {
        this.path = path;
    }

    /** The settings file for this environment and home folder. */
    public static SettingsFile locate(Map<String, String> env, Path home) {
        return new SettingsFile(ConfigPaths.configHome(env, home).resolve(ConfigPaths.APP_DIR).resolve(FILE_NAME));
    }

    public Path path() {
        return path;
    }

    /**
     * The settings in the file; {@link Settings#EMPTY} when there is no file or it is empty.
     *
     * @throws ConfigException naming the file (and line and column when known) if it cannot be used
     */
    public Settings read() {
        ObjectNode root = readObject();
        if (root == null) {
            return Settings.EMPTY;
        }
        return new Settings(text(root, BACKEND), text(root, JSON_PATH), text(root, SQLITE_PATH),
                text(root, POSTGRES_URL));
    }

    /**
     * Replaces the file's values with {@code settings} ({@code null} values are removed), keeping
     * keys it does not know. The PostgreSQL URL is written without its password.
     *
     * @throws ConfigException if the existing file cannot be read or the new one cannot be written
     */
    public void write(Settings settings) {
        write(settings, false);
    }

    /**
     * As {@link #write(Settings)}; with {@code keepPassword} the PostgreSQL URL is written as given,
     * password included. Only for a user who explicitly asked the settings pane to store it: the file
     * is private to the user (0600) either way.
     */
    public void write(Settings settings, boolean keepPassword) {
        ObjectNode existing = readObject();
        ObjectNode root = existing == null ? Mapper.MAPPER.createObjectNode() : existing;
        put(root, BACKEND, settings.backend());
        put(root, JSON_PATH, settings.jsonPath());
        put(root, SQLITE_PATH, settings.sqlitePath());
        put(root, POSTGRES_URL, keepPassword ? settings.postgresUrl() : withoutPassword(settings.postgresUrl()));
        try {
            byte[] bytes = (Mapper.MAPPER.writer(prettyPrinter()).writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(path, bytes, PRIVATE);
            // AtomicFiles keeps an existing file's mode; settings must be private even if they were not.
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(PRIVATE));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the user's profile folder ACLs apply
        } catch (IOException e) {
            throw new ConfigException(ConfigSource.SETTINGS_FILE,
                    "cannot write settings file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code url} without any password: {@code postgresql://bob:pw@db/x?password=pw&sslmode=require}
     * becomes {@code postgresql://bob@db/x?sslmode=require}. Also removes {@code password=} from a
     * libpq keyword string.
     */
    public static String withoutPassword(String url) {
        if (url == null) {
            return null;
        }
        if (!url.contains("://")) {
            return KEYWORD_PASSWORD.matcher(url).replaceAll("").trim();
        }
        String stripped = USERINFO_PASSWORD.matcher(url).replaceFirst("$1@");
        int q = stripped.indexOf('?');
        if (q < 0) {
            return stripped;
        }
        List<String> kept = new ArrayList<>();
        for (String param : stripped.substring(q + 1).split("&")) {
            String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!key.equalsIgnoreCase("password") && !param.isEmpty()) {
                kept.add(param);
            }
        }
        return stripped.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private ObjectNode readObject() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConfigException(ConfigSource.SETTINGS_FILE,
                    "cannot read settings file " + path + ": " + e.getMessage(), e);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode root;
        try (JsonParser p = Mapper.MAPPER.createParser(bytes)) {
            root = Mapper.MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw malformed(p.currentTokenLocation(), "unexpected content after the settings object");
            }
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(ConfigSource.SETTINGS_FILE,
                    "cannot read settings file " + path + ": " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigException(ConfigSource.SETTINGS_FILE,
                    "settings file " + path + " is malformed: expected a JSON object {\"backend\": …}");
        }
        return object;
    }

    private String text(ObjectNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ConfigException(ConfigSource.SETTINGS_FILE,
                    "settings file " + path + " is malformed: \"" + key + "\" must be text, not " + v.getNodeType()
                            .toString().toLowerCase(Locale.ROOT));
        }
        return v.asText().isBlank() ? null : v.asText();
    }

    private static void put(ObjectNode root, String key, String value) {
        if (value == null || value.isBlank()) {
            root.remove(key);
        } else {
            root.put(key, value);
        }
    }

    private ConfigException malformed(JsonLocation at, String problem) {
        String where = at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new ConfigException(ConfigSource.SETTINGS_FILE,
                "settings file " + path + " is malformed" + where + ": " + ProblemText.oneLine(problem));
    }

    // "key": value, 2-space indent, like every other JSON file the app and Minsky write.
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return pp;
    }
}
