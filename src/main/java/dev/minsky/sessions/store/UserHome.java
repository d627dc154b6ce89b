package dev.minsky.sessions.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The home folder that {@code ~}, the XDG defaults and {@code ~/.pgpass} are relative to: {@code $HOME}
 * where it is set (Linux, macOS), as Minsky (Node's {@code os.homedir()}), libpq and the shell use it.
 * Java's {@code user.home} comes from the password database instead and ignores {@code $HOME}, so a
 * shell with another {@code HOME} would otherwise see a different default store than Minsky does.
 */
public final class UserHome {
    private UserHome() {
    }

    /** The current process's home folder. */
    public static Path current() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** {@code $HOME} when it is an absolute path and the system is not Windows; else {@code userHome}. */
    public static Path of(Map<String, String> env, String osName, String userHome) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && !osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            try {
                Path p = Path.of(home.trim());
                if (p.isAbsolute()) {
                    return p;
                }
            } catch (InvalidPathException e) {
                // not a path: fall back as libpq does
            }
        }
        return Path.of(userHome);
    }
}
