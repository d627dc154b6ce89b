package dev.minsky.sessions.cli;

/** The {@code --store} option's text, shared by the commands that take it. */
final class StoreOption {
    static final String DESCRIPTION = "Store to use: json:PATH, sqlite:PATH, a postgresql://… URL, "
            + "or json, sqlite or postgres for the configured location of that backend "
            + "(default: the configured backend; see 'minsky-sessions config').";

    static final String LOCATIONS = "json:PATH, sqlite:PATH, a postgresql://… URL, or json, sqlite or postgres "
            + "for the configured location of that backend.";

    private StoreOption() {
    }
}
