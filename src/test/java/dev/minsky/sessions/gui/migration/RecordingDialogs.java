package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers for the user in view-model tests and remembers what the wizard said. */
final class RecordingDialogs implements DialogService {
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    final List<String> confirmations = new ArrayList<>();
    boolean confirmAnswer = true;
    Path chooseAnswer;

    @Override
    public synchronized void error(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public synchronized void info(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public synchronized boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFile(String title, boolean save, Path initial, String description, String... extensions) {
        return Optional.ofNullable(chooseAnswer);
    }
}
