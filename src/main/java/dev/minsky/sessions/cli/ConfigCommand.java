package dev.minsky.sessions.cli;

import dev.minsky.sessions.config.ConfigException;
import dev.minsky.sessions.config.ConfigValue;
import dev.minsky.sessions.config.EffectiveConfig;
import dev.minsky.sessions.domain.JsonText;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.store.Secrets;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the effective configuration, where each value comes from, and the store in use "
                + "(passwords masked).")
final class ConfigCommand implements Callable<Integer> {
    /** Constant names are the values users type. */
    enum Format { text, json }

    private static final String NOT_SET = "(not set)";

    private final CliContext ctx;

    @Option(names = "--store", paramLabel = "LOC", description = "Show the configuration as it would be with --store LOC.")
    String store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    ConfigCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        EffectiveConfig config = ctx.config(store);
        StoreLocation active = null;
        ConfigException unusable = null;
        try {
            active = config.activeLocation();
        } catch (ConfigException e) {
            unusable = e; // still show every value: they are what the user needs to fix it
        }
        if (format == Format.json) {
            writeJson(config, active, ctx.out());
        } else {
            writeText(config, active, ctx.out());
        }
        if (unusable != null) {
            throw unusable;
        }
        return Cli.OK;
    }

    private static void writeText(EffectiveConfig c, StoreLocation active, Writer out) throws IOException {
        line(out, "backend", c.backend().value().id(), c.backend());
        line(out, "jsonPath", c.jsonPath().value().toString(), c.jsonPath());
        line(out, "sqlitePath", c.sqlitePath().value().toString(), c.sqlitePath());
        if (c.postgresUrl().isPresent()) {
            line(out, "postgresUrl", Secrets.maskUrl(c.postgresUrl().get().value()), c.postgresUrl().get());
        } else {
            out.write(String.format("%-14s%s\n", "postgresUrl:", NOT_SET));
        }
        out.write(String.format("%-14s%s%s\n", "settingsFile:", c.settingsFile(), presence(c.settingsFile())));
        out.write(String.format("%-14s%s%s\n", "minskyConfig:", c.minskyConfigFile(), presence(c.minskyConfigFile())));
        out.write(String.format("%-14s%s\n", "activeStore:", active == null ? "(none: see the error)" : active.display()));
    }

    private static void line(Writer out, String key, String value, ConfigValue<?> v) throws IOException {
        out.write(String.format("%-14s%s  (%s)\n", key + ":", value, v.describeOrigin()));
    }

    private static String presence(Path file) {
        return Files.exists(file) ? "" : " (not present)";
    }

    private static void writeJson(EffectiveConfig c, StoreLocation active, Writer out) throws IOException {
        LinkedHashMap<String, JsonValue> root = new LinkedHashMap<>();
        root.put("backend", value(c.backend().value().id(), c.backend()));
        root.put("jsonPath", value(c.jsonPath().value().toString(), c.jsonPath()));
        root.put("sqlitePath", value(c.sqlitePath().value().toString(), c.sqlitePath()));
        root.put("postgresUrl", c.postgresUrl()
                .<JsonValue>map(v -> value(Secrets.maskUrl(v.value()), v)).orElse(JsonValue.NULL));
        root.put("settingsFile", JsonValue.of(c.settingsFile().toString()));
        root.put("minskyConfigFile", JsonValue.of(c.minskyConfigFile().toString()));
        root.put("activeStore", active == null ? JsonValue.NULL : JsonValue.of(active.display()));
        JsonText.write(JsonValue.JsonObject.adopt(root), out, 2);
        out.write('\n');
    }

    private static JsonValue value(String shown, ConfigValue<?> v) {
        LinkedHashMap<String, JsonValue> o = new LinkedHashMap<>();
        o.put("value", JsonValue.of(shown));
        o.put("source", JsonValue.of(v.source().name().toLowerCase(Locale.ROOT)));
        o.put("origin", JsonValue.of(v.origin()));
        return JsonValue.JsonObject.adopt(o);
    }
}
