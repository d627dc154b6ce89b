package dev.minsky.sessions.gui.sessions;

/** One value a filter ComboBox offers, with how many sessions have it; {@code value == null} is "any". */
public record Choice(String value, long count) {
    public static final Choice ANY = new Choice(null, -1);

    public boolean isAny() {
        return value == null;
    }
}
