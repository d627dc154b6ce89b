package dev.minsky.sessions.config;

/** The layers a configuration value can come from, highest precedence first (SPEC §3). */
public enum ConfigSource {
    COMMAND_LINE("command line"),
    ENVIRONMENT("environment"),
    SETTINGS_FILE("settings file"),
    MINSKY_CONFIG("Minsky config"),
    DEFAULT("default");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** How the layer is named to users ("environment", "settings file", …). */
    public String label() {
        return label;
    }
}
