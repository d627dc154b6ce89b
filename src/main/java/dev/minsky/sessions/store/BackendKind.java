package dev.minsky.sessions.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three kinds of store, by the names users and Minsky's configuration give them. */
public enum BackendKind {
    JSON("json"), SQLITE("sqlite"), POSTGRES("postgres");

    private final String id;

    BackendKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The kind named {@code name} ({@code postgresql} is accepted for {@code postgres}).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static BackendKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("postgresql")) {
            return POSTGRES;
        }
        for (BackendKind k : values()) {
            if (k.id.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "': valid backends are " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(BackendKind::id).collect(Collectors.joining(", "));
    }
}
