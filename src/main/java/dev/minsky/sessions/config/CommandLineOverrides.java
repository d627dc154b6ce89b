package dev.minsky.sessions.config;

/**
 * Configuration given on the command line, the highest layer. Today that is one store location
 * ({@code --store LOC}, SPEC §5): an explicit {@code json:PATH}, {@code sqlite:PATH} or
 * {@code postgresql://} URL sets both the backend and that backend's location; a bare
 * {@code json}/{@code sqlite}/{@code postgres} sets only the backend, its location coming from the
 * lower layers. The text is kept raw so the resolver can report errors against {@link #option()}.
 *
 * @param option the option as the user typed it, reported as the origin (e.g. {@code --store})
 * @param store  the location text, or {@code null} when the option was not given
 */
public record CommandLineOverrides(String option, String store) {
    public static final CommandLineOverrides NONE = new CommandLineOverrides("--store", null);

    public static CommandLineOverrides store(String option, String text) {
        return new CommandLineOverrides(option, text);
    }
}
