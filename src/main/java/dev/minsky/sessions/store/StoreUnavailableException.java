package dev.minsky.sessions.store;

/** The store cannot be opened, read or reached (CLI exit status 3). Never answered as "no sessions". */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
