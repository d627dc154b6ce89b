package dev.minsky.sessions.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change to one session: the fields it sets (each replaced whole, nested objects included) and
 * the fields it removes. Fields it does not name stay as they are; the session name never changes.
 */
public final class SessionPatch {
    private final String session;
    private final Map<String, JsonValue> sets;
    private final Set<String> removals;

    private SessionPatch(String session, Map<String, JsonValue> sets, Set<String> removals) {
        this.session = session;
        this.sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
        this.removals = Collections.unmodifiableSet(new LinkedHashSet<>(removals));
    }

    public static Builder of(String session) {
        return new Builder(session);
    }

    /** The patch that turns {@code before} into {@code after} (both of the same session). */
    public static SessionPatch between(SessionRecord before, SessionRecord after) {
        if (!before.session().equals(after.session())) {
            throw new IllegalArgumentException("the session name never changes through an update");
        }
        Builder b = of(before.session());
        after.fields().members().forEach((k, v) -> {
            if (!k.equals(SessionField.SESSION) && !v.equals(before.get(k))) {
                b.set(k, v);
            }
        });
        before.fields().members().keySet().forEach(k -> {
            if (!after.has(k)) {
                b.remove(k);
            }
        });
        return b.build();
    }

    public String session() {
        return session;
    }

    public Map<String, JsonValue> sets() {
        return sets;
    }

    public Set<String> removals() {
        return removals;
    }

    public boolean isEmpty() {
        return sets.isEmpty() && removals.isEmpty();
    }

    @Override
    public String toString() {
        return "SessionPatch[" + session + " set " + sets.keySet() + " remove " + removals + "]";
    }

    public static final class Builder {
        private final String session;
        private final LinkedHashMap<String, JsonValue> sets = new LinkedHashMap<>();
        private final LinkedHashSet<String> removals = new LinkedHashSet<>();

        private Builder(String session) {
            this.session = Objects.requireNonNull(session, "session");
        }

        public Builder set(String field, JsonValue value) {
            checkNotName(field);
            removals.remove(field);
            sets.put(field, Objects.requireNonNull(value, field));
            return this;
        }

        public Builder set(String field, String text) {
            return set(field, JsonValue.of(Objects.requireNonNull(text, field)));
        }

        public Builder set(String field, boolean value) {
            return set(field, JsonValue.of(value));
        }

        public Builder remove(String field) {
            checkNotName(field);
            sets.remove(field);
            removals.add(field);
            return this;
        }

        private static void checkNotName(String field) {
            if (SessionField.SESSION.equals(field)) {
                throw new IllegalArgumentException("the session name never changes through an update");
            }
        }

        public SessionPatch build() {
            return new SessionPatch(session, sets, removals);
        }
    }
}
