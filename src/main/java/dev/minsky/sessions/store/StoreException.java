package dev.minsky.sessions.store;

/**
 * Base of every error a store raises. Messages are for people: they name the store, the file or
 * server, the record and the field, and never contain a password.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
