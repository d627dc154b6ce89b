package dev.minsky.sessions.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a window's scene as a PNG under {@code docs/screenshots/} (or {@code -Dscreenshots.dir}):
 * the README's pictures are made by {@code ./mvnw -B test -Pscreenshots}, never by hand.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("screenshots.dir", "docs/screenshots"));
    }

    /** Snapshots {@code scene} on the FX thread and writes {@code <name>.png}; returns the file. */
    public static Path save(Scene scene, String name) {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                image.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        try {
            BufferedImage png = SwingFXUtils.fromFXImage(image.get(20, TimeUnit.SECONDS), null);
            Path file = directory().resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(png, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot snapshot " + name + ": " + e, e);
        }
    }
}
