package dev.minsky.sessions.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The session-database part of Minsky's own {@code config.yaml} ({@code $XDG_CONFIG_HOME/minsky/},
 * else {@code ~/.config/minsky/}). Minsky has used two key families over time:
 * {@code sessiondb.backend}, {@code sessiondb.sqlite.path}, {@code sessiondb.postgres.connectionString}
 * and, later, the same under {@code persistence.*}. When both are present {@code sessiondb.*} wins,
 * because it is the section that configures the session database specifically. Other keys are
 * Minsky's business and are not looked at.
 */
final class MinskyConfigFile {
    static final String FILE_NAME = "config.yaml";
    /** Made on first use (a start without Minsky's config file does not set up Jackson's data binding). */
    private static final class Mapper {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }
    private static final String[] SECTIONS = {"sessiondb", "persistence"};

    private final Path path;
    private final JsonNode root;

    private MinskyConfigFile(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    static Path locate(Map<String, String> env, Path home) {
        return ConfigPaths.configHome(env, home).resolve(ConfigPaths.MINSKY_DIR).resolve(FILE_NAME);
    }

    /**
     * Reads the file; a missing or empty file has no values.
     *
     * @throws ConfigException naming the file, line and column when it is not valid YAML or a
     *                         session-database key has the wrong kind of value
     */
    static MinskyConfigFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new MinskyConfigFile(path, null);
        } catch (IOException e) {
            throw new ConfigException(ConfigSource.MINSKY_CONFIG,
                    "cannot read Minsky config " + path + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = Mapper.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw malformed(path, e.getLocation(), ProblemText.yaml(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(ConfigSource.MINSKY_CONFIG,
                    "cannot read Minsky config " + path + ": " + e.getMessage(), e);
        }
        if (root != null && !root.isMissingNode() && !root.isNull() && !root.isObject()) {
            throw malformed(path, null, "expected a mapping of keys at the top level");
        }
        MinskyConfigFile file = new MinskyConfigFile(path, root == null || !root.isObject() ? null : root);
        file.checkShape();
        return file;
    }

    Path path() {
        return path;
    }

    ConfigValue<String> backend() {
        return first("backend");
    }

    ConfigValue<String> sqlitePath() {
        return first("sqlite", "path");
    }

    ConfigValue<String> postgresUrl() {
        return first("postgres", "connectionString");
    }

    /** The value at {@code <section>.<keys…>} of the first section that has it, or null. */
    private ConfigValue<String> first(String... keys) {
        if (root == null) {
            return null;
        }
        for (String section : SECTIONS) {
            JsonNode node = root.get(section);
            String key = section + "." + String.join(".", keys);
            for (String k : keys) {
                node = node == null || !node.isObject() ? null : node.get(k);
            }
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isValueNode()) {
                throw malformed(path, null, key + " must be a single value, not a " + kind(node));
            }
            String text = node.asText();
            if (!text.isBlank()) {
                return new ConfigValue<>(text.trim(), ConfigSource.MINSKY_CONFIG, path + ": " + key);
            }
        }
        return null;
    }

    // A section or sub-section that is not a mapping would make its keys silently vanish.
    private void checkShape() {
        if (root == null) {
            return;
        }
        for (String section : SECTIONS) {
            JsonNode s = root.get(section);
            requireMapping(s, section);
            if (s != null && s.isObject()) {
                requireMapping(s.get("sqlite"), section + ".sqlite");
                requireMapping(s.get("postgres"), section + ".postgres");
            }
        }
    }

    private void requireMapping(JsonNode node, String key) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw malformed(path, null, key + " must be a mapping of keys, not a " + kind(node));
        }
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "list" : node.isObject() ? "mapping" : "single value";
    }

    private static ConfigException malformed(Path path, JsonLocation at, String problem) {
        String where = at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new ConfigException(ConfigSource.MINSKY_CONFIG,
                "Minsky config " + path + " is malformed" + where + ": " + ProblemText.oneLine(problem));
    }
}
