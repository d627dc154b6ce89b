package dev.minsky.sessions.config;

import java.nio.file.Path;
import java.util.Map;

/** Where the app keeps files of its own besides its settings. */
public final class AppPaths {
    private AppPaths() {
    }

    /** Migration backups: {@code $XDG_STATE_HOME/minsky-session-manager/backups} ({@code ~/.local/state/…}). */
    public static Path backupDirectory(Map<String, String> env, Path home) {
        return ConfigPaths.stateHome(env, home).resolve(ConfigPaths.APP_DIR).resolve("backups");
    }
}
