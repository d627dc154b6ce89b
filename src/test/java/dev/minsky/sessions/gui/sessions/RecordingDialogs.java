package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.gui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers for the user in view-model tests and records what the app told them. */
final class RecordingDialogs implements DialogService {
    final List<String> errors = new ArrayList<>();
    final List<String> confirmations = new ArrayList<>();
    boolean confirmAnswer = true;
    Path chosenFile;

    @Override
    public void error(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public void info(String title, String message) {
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(title);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFile(String title, boolean save, Path initial, String description, String... extensions) {
        return Optional.ofNullable(chosenFile);
    }
}
