package dev.minsky.sessions.gui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Answers for the user in view-model and screen tests, and remembers what the app told them:
 * {@code "title: message"} per error, information and confirmation.
 */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    public final List<String> confirmations = Collections.synchronizedList(new ArrayList<>());
    /** {@code "confirm label / cancel label"} per confirmation, in the order of {@link #confirmations}. */
    public final List<String> confirmChoices = Collections.synchronizedList(new ArrayList<>());
    /** What {@link #confirm} answers. */
    public volatile boolean confirmAnswer = true;
    /** What {@link #chooseFile} answers (null: the user cancelled). */
    public volatile Path chosenFile;

    @Override
    public void error(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public void info(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return confirm(title, message, confirmLabel, "Cancel");
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String cancelLabel) {
        confirmChoices.add(confirmLabel + " / " + cancelLabel);
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFile(String title, boolean save, Path initial, String description, String... extensions) {
        return Optional.ofNullable(chosenFile);
    }
}
