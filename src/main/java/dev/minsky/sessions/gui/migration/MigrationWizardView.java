package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.common.ViewLoader;
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The wizard's frame: the steps, the page in hand, Back / Next / Cancel. Alt+B and Alt+N work on
 * every page (also when Next reads "Start migration"); Esc is Cancel.
 */
public final class MigrationWizardView {
    private final MigrationWizardViewModel vm;
    private final Map<WizardPage, Node> pages = new EnumMap<>(WizardPage.class);
    private final Map<WizardPage, Label> stepLabels = new EnumMap<>(WizardPage.class);
    private final Parent root;

    @FXML
    private HBox steps;
    @FXML
    private Label pageTitle;
    @FXML
    private StackPane pageHost;
    @FXML
    private Button back;
    @FXML
    private Button next;
    @FXML
    private Button close;

    public MigrationWizardView(MigrationWizardViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.root = ViewLoader.load("migration/MigrationWizard", this);
        pages.put(WizardPage.SOURCE, new LocationPageView(vm.source(), null, dialogs, false).root());
        pages.put(WizardPage.TARGET, new LocationPageView(vm.target(), vm.options(), dialogs, true).root());
        pages.put(WizardPage.PLAN, new PlanPageView(vm.plan(), vm::retryPlan).root());
        pages.put(WizardPage.RUN, new RunPageView(vm.run(), vm::stopRun).root());
        pages.put(WizardPage.VERIFY, new VerificationPageView(vm.verification()).root());
        pages.put(WizardPage.FINISH, new FinishPageView(vm.finish()).root());
        vm.pageProperty().addListener((o, was, page) -> show(page));
        show(vm.pageProperty().get());
    }

    @FXML
    private void initialize() {
        var text = ViewLoader.texts();
        int n = 1;
        for (WizardPage p : WizardPage.values()) {
            Label step = new Label(n++ + "  " + text.getString("migration.step." + p.name().toLowerCase(java.util.Locale.ROOT)));
            step.getStyleClass().add("wizard-step");
            stepLabels.put(p, step);
            if (steps.getChildren().size() > 0) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add("wizard-step");
                steps.getChildren().add(arrow);
            }
            steps.getChildren().add(step);
        }
        back.disableProperty().bind(vm.canBackProperty().not());
        next.disableProperty().bind(vm.canNextProperty().not());
        next.textProperty().bind(vm.nextLabelProperty());
        next.visibleProperty().bind(vm.pageProperty().isNotEqualTo(WizardPage.FINISH));
        next.managedProperty().bind(next.visibleProperty());
        close.textProperty().bind(vm.closeLabelProperty());
        back.setAccessibleText(text.getString("migration.button.back").replace("_", ""));
        steps.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.ALT_DOWN), this::next);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.ALT_DOWN), this::back);
            }
        });
    }

    private void show(WizardPage page) {
        pageTitle.setText(vm.title(page));
        stepLabels.forEach((p, label) -> {
            label.getStyleClass().removeAll("current", "done", "todo");
            label.getStyleClass().add(p == page ? "current" : p.ordinal() < page.ordinal() ? "done" : "todo");
        });
        Node node = pages.get(page);
        pageHost.getChildren().setAll(node);
        node.requestFocus();
        // the first control of the page gets the focus, so the keyboard can start right away
        javafx.application.Platform.runLater(() -> {
            Node first = node.lookup(".focus-first");
            (first != null ? first : next).requestFocus();
        });
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void close() {
        vm.requestClose();
    }

    public Parent root() {
        return root;
    }
}
