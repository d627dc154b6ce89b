package dev.minsky.sessions;

import dev.minsky.sessions.cli.Cli;
import dev.minsky.sessions.gui.SessionManagerApp;
import java.util.Arrays;

/**
 * The one entry point ({@code minsky-sessions}): no arguments or {@code gui} opens the desktop
 * application, anything else is the command line. It must not extend {@link Application}: started
 * from the classpath, a main class that does fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensGui(args)) {
            launchGui(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
        } else {
            Cli.main(args);
        }
    }

    static boolean opensGui(String[] args) {
        return args.length == 0 || args[0].equals("gui");
    }

    // Separate method so the CLI path never needs a JavaFX class resolved.
    private static void launchGui(String[] rest) {
        SessionManagerApp.launch(rest);
    }
}
