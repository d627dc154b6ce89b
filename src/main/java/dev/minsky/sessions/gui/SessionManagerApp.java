package dev.minsky.sessions.gui;

import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.FxDialogService;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.gui.sessions.SessionsViewModel;
import dev.minsky.sessions.gui.sessions.SessionsWindow;
import dev.minsky.sessions.gui.sessions.StartupReadAhead;
import dev.minsky.sessions.store.UserHome;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop application (started by {@code Launcher}): builds the shared {@link AppContext} from
 * this process's environment and home folder and shows the sessions window, which resolves the
 * configuration and opens the store in the background.
 */
public final class SessionManagerApp extends Application {
    private AppContext ctx;
    private FxTaskRunner tasks;

    /**
     * Starts the desktop application: the window's first read begins at once, on its own thread, while JavaFX
     * starts ({@link StartupReadAhead}).
     */
    public static void launch(String[] args) {
        StartupReadAhead.begin(System.getenv(), UserHome.current());
        Application.launch(SessionManagerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskRunner();
        ctx = new AppContext(System.getenv(), UserHome.current(), tasks,
                new FxDialogService(stage, ViewLoader.texts()));
        show(stage, new SessionsViewModel(ctx));
    }

    /**
     * Starts opening the configured store in the background, then builds the sessions window of
     * {@code vm} in {@code stage} and shows it: opening a large store and building the window overlap.
     */
    public static SessionsWindow show(Stage stage, SessionsViewModel vm) {
        AppContext ctx = vm.context();
        vm.start();
        SessionsWindow window = new SessionsWindow(vm);
        Scene scene = new Scene(window.root(), 1280, 760);
        ctx.themeProperty().get().apply(scene);
        stage.setTitle(ctx.text("app.title"));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!vm.mayDiscardEdits()) {
                e.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> vm.close()); // stops watching the store
        stage.show();
        return window;
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.closeStore();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
