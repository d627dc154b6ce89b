package dev.minsky.sessions.config;

import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Folder and path rules shared by the configuration layers. Everything is computed from an injected
 * environment map and home folder (never {@code System.getenv}/{@code user.home}) so tests can pin it.
 */
final class ConfigPaths {
    static final String APP_DIR = "minsky-session-manager";
    static final String MINSKY_DIR = "minsky";

    private ConfigPaths() {
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    static Path configHome(Map<String, String> env, Path home) {
        return xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
    }

    /** {@code $XDG_STATE_HOME}, else {@code ~/.local/state}. */
    static Path stateHome(Map<String, String> env, Path home) {
        return xdg(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
    }

    // The XDG spec says a relative value is invalid and must be ignored, so it falls back too.
    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Path p = Path.of(value.trim());
            return p.isAbsolute() ? p : fallback;
        } catch (InvalidPathException e) {
            return fallback;
        }
    }

    /**
     * {@code text} as a path, a leading {@code ~} meaning {@code home} (Minsky's config and users'
     * shells both write {@code ~/…}, and Java would otherwise create a folder named "~").
     *
     * @throws ConfigException naming {@code source}/{@code origin} when the text is not a path
     */
    static Path expand(String text, Path home, ConfigSource source, String origin) {
        String t = text.trim();
        try {
            return StoreLocation.expandHome(t, home);
        } catch (InvalidPathException e) {
            throw new ConfigException(source, origin + ": '" + t + "' is not a valid path: " + e.getReason());
        }
    }
}
