package dev.minsky.sessions.store;

/**
 * What {@link SessionStore#changeToken()} answers: an opaque fingerprint of a store's content,
 * meaningful only compared with another token of the same store instance ({@link #equals}).
 * The text is for logs and tests, never to be parsed.
 */
public record ChangeToken(String value) {
    public ChangeToken {
        if (value == null) {
            throw new IllegalArgumentException("a change token needs a value");
        }
    }
}
