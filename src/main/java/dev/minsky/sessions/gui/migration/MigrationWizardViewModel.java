package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.config.AppPaths;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The migration wizard (SPEC §6.3): source → target → plan → run → verification → finish. Owns
 * the page models and the navigation between them; all migration work is the engine's
 * ({@code dev.minsky.sessions.migrate}), run in the background through the context's TaskRunner.
 */
public final class MigrationWizardViewModel {
    private static final EnumSet<WizardPage> CAN_GO_BACK = EnumSet.of(WizardPage.TARGET, WizardPage.PLAN,
            WizardPage.VERIFY, WizardPage.FINISH);

    private final AppContext ctx;
    private final Services services;
    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(WizardPage.SOURCE);
    private final LocationModel source;
    private final LocationModel target;
    private final OptionsModel options;
    private final PlanModel plan;
    private final RunModel run;
    private final VerificationModel verification;
    private final FinishModel finish;
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final StringBinding nextLabel;
    private final StringBinding closeLabel;
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();
    private boolean closeWhenStopped;

    /** {@code dialogs} is the wizard window's own (its dialogs sit over the wizard). */
    public MigrationWizardViewModel(AppContext ctx, DialogService dialogs) {
        this(ctx, dialogs, Duration.ofMillis(100));
    }

    /** {@code refresh}: how often at most the run page takes in new events. */
    MigrationWizardViewModel(AppContext ctx, DialogService dialogs, Duration refresh) {
        this(ctx, dialogs, refresh, RunModel.KEEP_PROBLEMS);
    }

    /** {@code keepProblems}: how many problem records the run page's live list keeps. */
    MigrationWizardViewModel(AppContext ctx, DialogService dialogs, Duration refresh, int keepProblems) {
        this.ctx = ctx;
        Texts text = new Texts(ctx.texts());
        this.services = new Services(ctx.tasks(), dialogs, text, ctx.env(), ctx.home());
        this.source = new LocationModel(ctx.texts(), ctx.home());
        this.target = new LocationModel(ctx.texts(), ctx.home());
        this.options = new OptionsModel(ctx.texts(), AppPaths.backupDirectory(ctx.env(), ctx.home()));
        this.plan = new PlanModel(services);
        this.run = new RunModel(services, refresh, keepProblems);
        this.verification = new VerificationModel(text);
        this.finish = new FinishModel(services, ctx::open);
        target.mustDifferFromProperty().bind(source.locationProperty());
        source.set(ctx.locationProperty().get());

        canNext = Bindings.createBooleanBinding(this::nextAllowed, page, source.locationProperty(),
                target.locationProperty(), options.problemProperty(), plan.stateProperty(), plan.blockedProperty(),
                run.stateProperty());
        canBack = Bindings.createBooleanBinding(() -> CAN_GO_BACK.contains(page.get())
                || page.get() == WizardPage.RUN && run.stateProperty().get() == RunModel.State.FAILED, page,
                run.stateProperty());
        nextLabel = Bindings.createStringBinding(() -> text.get(page.get() == WizardPage.PLAN
                ? "migration.button.start" : "migration.button.next"), page);
        closeLabel = Bindings.createStringBinding(() -> text.get(run.stateProperty().get() == RunModel.State.IDLE
                || run.stateProperty().get() == RunModel.State.RUNNING ? "migration.button.cancel"
                : "migration.button.close"), run.stateProperty());
    }

    private boolean nextAllowed() {
        return switch (page.get()) {
            case SOURCE -> source.locationProperty().get() != null;
            case TARGET -> target.locationProperty().get() != null && options.valid();
            case PLAN -> plan.stateProperty().get() == PlanModel.State.DONE && !plan.blockedProperty().get();
            case RUN -> run.stateProperty().get() == RunModel.State.DONE;
            case VERIFY -> true;
            case FINISH -> false;
        };
    }

    /** Goes to the next page, starting its work (the plan, the run) where it has some. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        switch (page.get()) {
            case SOURCE -> {
                suggestTarget();
                page.set(WizardPage.TARGET);
            }
            case TARGET -> {
                page.set(WizardPage.PLAN);
                plan.start(source.locationProperty().get(), target.locationProperty().get(), options.options(true, false));
            }
            case PLAN -> {
                page.set(WizardPage.RUN);
                run.start(source.locationProperty().get(), target.locationProperty().get(), options.options(false, source.locationProperty().get() instanceof StoreLocation.Json),
                        this::runFinished);
            }
            case RUN -> page.set(WizardPage.VERIFY);
            case VERIFY -> page.set(WizardPage.FINISH);
            default -> {
            }
        }
    }

    public void back() {
        if (!canBack.get()) {
            return;
        }
        switch (page.get()) {
            case TARGET -> page.set(WizardPage.SOURCE);
            case PLAN -> {
                plan.cancel();
                page.set(WizardPage.TARGET);
            }
            case RUN -> page.set(WizardPage.PLAN); // only after a failure that wrote nothing
            case VERIFY -> page.set(WizardPage.RUN);
            case FINISH -> page.set(WizardPage.VERIFY);
            default -> {
            }
        }
    }

    /** The usual next step: JSON → SQLite beside it, SQLite → PostgreSQL; only while the target is empty. */
    private void suggestTarget() {
        if (!target.pathProperty().get().isBlank() || !target.urlProperty().get().isBlank()) {
            return;
        }
        StoreLocation from = source.locationProperty().get();
        if (from instanceof StoreLocation.Json json) {
            Path dir = json.path().getParent();
            target.set(new StoreLocation.Sqlite(dir == null ? Path.of("sessions.db") : dir.resolve("sessions.db")));
        } else if (from instanceof StoreLocation.Sqlite) {
            target.backendProperty().set(BackendKind.POSTGRES);
        }
    }

    /** Makes the plan again (after it failed: a server was down, a file was locked). */
    public void retryPlan() {
        if (page.get() == WizardPage.PLAN) {
            plan.start(source.locationProperty().get(), target.locationProperty().get(), options.options(true, false));
        }
    }

    /** Stops the run within the batch in hand; the run page then says what was committed. */
    public void stopRun() {
        run.cancel();
    }

    /**
     * The user wants the window closed (Cancel, Esc, the window's close box). True when it may
     * close now. During a run it asks first; if the user agrees, the run is stopped, and once the
     * engine has said what was committed the user is told and {@link #closedProperty()} turns true.
     */
    public boolean requestClose() {
        Texts t = services.text();
        if (run.stateProperty().get() == RunModel.State.RUNNING) {
            if (closeWhenStopped) {
                return false;
            }
            if (services.dialogs().confirm(t.get("migration.close.title"), t.get("migration.close.message"),
                    t.get("migration.close.confirm"))) {
                closeWhenStopped = true;
                run.cancel();
            }
            return false;
        }
        plan.cancel();
        closed.set(true);
        return true;
    }

    private void runFinished() {
        MigrationReport r = run.reportProperty().get();
        verification.show(r);
        if (r != null) {
            finish.show(r, ctx.locationProperty().get());
        }
        if (closeWhenStopped) {
            services.dialogs().info(services.text().get("migration.close.stoppedTitle"), run.resultTextProperty().get());
            closed.set(true);
        }
    }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public LocationModel source() {
        return source;
    }

    public LocationModel target() {
        return target;
    }

    public OptionsModel options() {
        return options;
    }

    public PlanModel plan() {
        return plan;
    }

    public RunModel run() {
        return run;
    }

    public VerificationModel verification() {
        return verification;
    }

    public FinishModel finish() {
        return finish;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    /** "Next", or "Start migration" on the plan page. */
    public StringBinding nextLabelProperty() {
        return nextLabel;
    }

    /** "Cancel" before and during the run, "Close" after it. */
    public StringBinding closeLabelProperty() {
        return closeLabel;
    }

    /** True once the wizard is done with (the view closes its window). */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** The page's title text. */
    public String title(WizardPage p) {
        return services.text().get(p.titleKey());
    }
}
