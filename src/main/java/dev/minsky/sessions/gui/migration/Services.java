package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.common.TaskRunner;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the wizard's page models share: background work, dialogs, texts, and the environment and
 * home folder that PostgreSQL passwords are looked up in. Opening a store is blocking: call
 * {@link #open} and {@link #openReadOnly} only inside {@link TaskRunner} work.
 */
record Services(TaskRunner tasks, DialogService dialogs, Texts text, Map<String, String> env, Path home) {

    SessionStore open(StoreLocation where) {
        return SessionStores.open(where, env, home);
    }

    SessionStore openReadOnly(StoreLocation where) {
        return SessionStores.openReadOnly(where, env, home);
    }

    /** {@link #openReadOnly} of a store read whole next: a JSON file is parsed while the other store opens. */
    SessionStore openReadingAhead(StoreLocation where) {
        return SessionStores.openReadingAhead(where, env, home);
    }
}
