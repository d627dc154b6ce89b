package dev.minsky.sessions.gui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in GUI tests for a condition on the scene graph.
 *
 * <p>The condition is evaluated on the JavaFX thread. Looking nodes up from the test thread races with the toolkit
 * changing the scene (a window being shown has no root for a moment; CI once failed with a NullPointerException
 * inside {@code lookupAll} that way), and reading a property there may see a half-made change.
 */
public final class FxWait {

    private FxWait() {
    }

    /** Polls {@code condition} on the FX thread until it holds, or fails after {@code seconds}. */
    public static void until(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(seconds, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
