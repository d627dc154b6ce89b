package dev.minsky.sessions.store;

/** The store's content cannot be understood (bad JSON, wrong shape, a record without a name, …). It is left untouched. */
public class MalformedStoreException extends StoreUnavailableException {
    public MalformedStoreException(String message) {
        super(message);
    }

    public MalformedStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
