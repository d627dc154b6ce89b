/**
 * The staged PostgreSQL connection check behind "Test connection" (SPEC §6.2) and
 * {@code minsky-sessions test-connection}: resolve → TCP → TLS → authentication → database →
 * schema → round trip, each reported with its own status, time, detail and likely fix.
 *
 * <p>For a face (CLI or GUI): build a {@link dev.minsky.sessions.connect.ConnectionCheck} with the
 * URL, the environment and the home folder (or {@code ConnectionCheck.forCurrentUser(url)}), call
 * {@code run(listener)} off the UI thread, print or show each
 * {@link dev.minsky.sessions.connect.StageResult} as the listener receives it
 * ({@code describe()} is one aligned line; {@code fix()} the advice), and call {@code cancel()}
 * from any thread to stop it. The returned {@link dev.minsky.sessions.connect.ConnectionReport}
 * says whether the store can be used ({@code ok()}) and carries the whole story ({@code describe()}).
 * Nothing here prints, logs or knows JavaFX, and no text carries the password.
 */
package dev.minsky.sessions.connect;
