package dev.minsky.sessions.gui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The light and dark looks (AtlantaFX Primer), plus the app's own stylesheet on top. */
public enum Theme {
    LIGHT,
    DARK;

    private static final String APP_CSS = "/css/app.css";

    /** Sets this theme for every window of the app and adds our stylesheet to {@code scene}. */
    public void apply(Scene scene) {
        // the compiled (.bss) form of AtlantaFX's stylesheet: the same rules, read without parsing
        // 170 KB of CSS text at every start
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        String css = Theme.class.getResource(APP_CSS).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
    }
}
