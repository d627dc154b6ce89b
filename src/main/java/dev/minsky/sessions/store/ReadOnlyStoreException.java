package dev.minsky.sessions.store;

/** A write was asked of a store opened read-only (a migration's source, or a dry run's target). */
public class ReadOnlyStoreException extends StoreException {
    public ReadOnlyStoreException(String where) {
        super(where + " was opened read-only; nothing was written");
    }
}
