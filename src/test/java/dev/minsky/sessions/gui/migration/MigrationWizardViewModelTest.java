package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.RecordingDialogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DirectTaskRunner;
import dev.minsky.sessions.migrate.ConflictPolicy;
import dev.minsky.sessions.migrate.InvalidRecord;
import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.migrate.Outcome;
import dev.minsky.sessions.migrate.RecordCheck;
import dev.minsky.sessions.migrate.Verification;
import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's view model without the toolkit: real JSON and SQLite stores, work run in place. */
class MigrationWizardViewModelTest {
    @TempDir
    Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private AppContext ctx;
    private Path json;
    private Path sqlite;

    @BeforeEach
    void activeStoreIsTheMessyJsonFile() {
        json = TestRecords.copyResource("fixtures/messy-1000-with-3-invalid.json", dir.resolve("session-db.json"));
        sqlite = dir.resolve("sessions.db");
        ctx = new AppContext(Map.of("XDG_STATE_HOME", dir.resolve("state").toString()), dir, new DirectTaskRunner(),
                dialogs);
        ctx.open(new StoreLocation.Json(json), error -> assertNull(error));
    }

    private MigrationWizardViewModel wizard() {
        return new MigrationWizardViewModel(ctx, dialogs, Duration.ZERO);
    }

    /** Source (the active store) → target (the suggested SQLite file beside it) → plan. */
    private MigrationWizardViewModel planned(ConflictPolicy policy, String batchSize) {
        MigrationWizardViewModel vm = wizard();
        assertEquals(new StoreLocation.Json(json), vm.source().locationProperty().get(), "starts from the active store");
        assertTrue(vm.canNextProperty().get());
        vm.next();
        assertEquals(WizardPage.TARGET, vm.pageProperty().get());
        assertEquals(new StoreLocation.Sqlite(sqlite), vm.target().locationProperty().get(),
                "JSON → the SQLite file beside it is suggested");
        vm.options().onConflictProperty().set(policy);
        vm.options().batchSizeProperty().set(batchSize);
        vm.next();
        assertEquals(WizardPage.PLAN, vm.pageProperty().get());
        assertEquals(PlanModel.State.DONE, vm.plan().stateProperty().get(), dialogs.errors.toString());
        return vm;
    }

    @Test
    void aPasswordTypedIntoTheUrlMovesToThePasswordField() {
        MigrationWizardViewModel vm = wizard();
        LocationModel target = vm.target();
        target.backendProperty().set(dev.minsky.sessions.store.BackendKind.POSTGRES);
        target.urlProperty().set("postgresql://bob:Sw0rd-9@db.example:5432/minsky");
        assertTrue(target.tidyUrl());
        assertEquals("Sw0rd-9", target.passwordProperty().get());
        assertFalse(target.urlProperty().get().contains("Sw0rd-9"), "the URL field no longer shows the password");
        assertEquals(new StoreLocation.Postgres("postgresql://bob:Sw0rd-9@db.example:5432/minsky"),
                target.locationProperty().get(), "the location still has it");
    }

    @Test
    void fullRunJsonToSqlitePlansThreeInvalidThenCopiesAndVerifiesAThousandIdentical() {
        MigrationWizardViewModel vm = planned(ConflictPolicy.SKIP, "100");
        assertEquals(1003, vm.plan().planProperty().get().sourceRecords());
        assertEquals(1000, vm.plan().planProperty().get().newRecords());
        assertEquals(3, vm.plan().invalidRecords().size(), "the three invalid records are listed");
        for (InvalidRecord inv : vm.plan().invalidRecords()) {
            assertFalse(inv.problems().isEmpty(), "each with its reasons: " + inv);
        }
        assertTrue(vm.plan().counts().contains(new Count("Invalid (will be skipped, left unchanged)", "3", true)),
                vm.plan().counts().toString());
        assertFalse(Files.exists(sqlite), "the dry run created nothing");
        assertTrue(vm.canNextProperty().get());

        vm.next();
        assertEquals(WizardPage.RUN, vm.pageProperty().get());
        RunModel run = vm.run();
        assertEquals(RunModel.State.DONE, run.stateProperty().get(), dialogs.errors.toString());
        MigrationReport report = run.reportProperty().get();
        assertEquals(1000, report.committed());
        assertEquals(1000, run.committedProperty().get());
        assertNotNull(run.backupProperty().get(), "the target was backed up before the first write");
        assertTrue(run.backupProperty().get().startsWith(dir.resolve("state")), run.backupProperty().get().toString());
        assertEquals(3, run.rows().stream().filter(r -> r.outcome() == Outcome.INVALID).count(),
                "problem records stay in the live list");
        assertTrue(run.rows().size() <= RunModel.KEEP_RECENT + 3, "the live list is bounded: " + run.rows().size());
        assertTrue(run.rows().stream().anyMatch(r -> r.outcome() == Outcome.IDENTICAL), "verification events arrive");
        assertTrue(run.resultTextProperty().get().startsWith("1,000 copied"), run.resultTextProperty().get());
        assertEquals(0, run.problemsNotListedProperty().get());
        assertEquals("", run.notListedTextProperty().get(), "every problem is in the list: nothing to add");

        vm.next();
        assertEquals(WizardPage.VERIFY, vm.pageProperty().get());
        Verification v = report.verification();
        assertEquals(1000, v.identical());
        assertTrue(v.clean());
        assertTrue(vm.verification().cleanProperty().get());
        assertEquals("Verified: all 1,000 records are identical in the target, and the digests match.",
                vm.verification().headlineProperty().get());
        assertTrue(vm.verification().counts().contains(new Count("Digests", "match", false)));
        assertTrue(vm.verification().problems().isEmpty());

        vm.next();
        assertEquals(WizardPage.FINISH, vm.pageProperty().get());
        FinishModel finish = vm.finish();
        assertTrue(finish.canUseTargetProperty().get(), "offered after a clean verification");
        assertTrue(finish.restoreCommandProperty().get().startsWith("minsky-sessions restore '"));
        assertTrue(dev.minsky.sessions.migrate.ReportFormat.text(report).contains(finish.restoreCommandProperty().get()),
                "the page and the saved report give the same restore command");
        finish.useTarget();
        assertEquals(new StoreLocation.Sqlite(sqlite), ctx.locationProperty().get(), "the app now uses the target");
        assertFalse(finish.canUseTargetProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void fullRunJsonToPostgresVerifiesAThousandIdentical() {
        dev.minsky.sessions.store.PostgresUrl pg = dev.minsky.sessions.testsupport.TestPostgres.newDatabase("wizard");
        MigrationWizardViewModel vm = wizard();
        vm.next();
        vm.target().set(new StoreLocation.Postgres(pg.toUrl()));
        assertFalse(vm.target().urlProperty().get().contains(pg.password().orElse("\u0000")),
                "the password sits in its own field, never in the URL field");
        vm.options().batchSizeProperty().set("250");
        vm.next();
        assertEquals(PlanModel.State.DONE, vm.plan().stateProperty().get(), dialogs.errors.toString());
        assertEquals(3, vm.plan().invalidRecords().size());
        vm.next();
        MigrationReport report = vm.run().reportProperty().get();
        assertEquals(1000, report.committed(), dialogs.errors.toString());
        assertTrue(report.backupFile().isPresent(), "PostgreSQL targets are backed up too");
        vm.next();
        assertTrue(vm.verification().cleanProperty().get(), vm.verification().headlineProperty().get());
        assertEquals(1000, report.verification().identical());
        vm.next();
        assertTrue(vm.finish().canUseTargetProperty().get());
        assertFalse(vm.finish().useTargetTextProperty().get().contains(pg.password().orElse("\u0000")),
                "the offer shows the URL with its password masked");
    }

    @Test
    void problemRecordsBeyondTheLiveListAreCountedOnTheRunPage() {
        MigrationWizardViewModel vm = new MigrationWizardViewModel(ctx, dialogs, Duration.ZERO, 1);
        vm.next();
        vm.next();
        assertEquals(PlanModel.State.DONE, vm.plan().stateProperty().get(), dialogs.errors.toString());
        vm.next();
        RunModel run = vm.run();
        assertEquals(RunModel.State.DONE, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(1, run.rows().stream().filter(r -> r.outcome() == Outcome.INVALID).count(),
                "the list keeps only as many problems as it may");
        assertEquals(2, run.problemsNotListedProperty().get());
        assertEquals("… and 2 more problem record(s), not listed here: save the report on the Finish page to see "
                + "them all.", run.notListedTextProperty().get());
        assertEquals(3, run.reportProperty().get().copy().count(Outcome.INVALID), "the report has them all");
    }

    @Test
    void cancelMidRunSaysWhatWasCommittedAndARerunCompletesIt() {
        MigrationWizardViewModel vm = planned(ConflictPolicy.SKIP, "100");
        vm.run().committedProperty().addListener((o, was, now) -> {
            if (now.longValue() >= 200) {
                vm.stopRun();
            }
        });
        vm.next();
        MigrationReport report = vm.run().reportProperty().get();
        assertTrue(report.cancelled());
        long committed = report.committed();
        assertTrue(committed >= 200 && committed < 1000, "stopped within a batch or two: " + committed);
        assertTrue(vm.run().resultTextProperty().get().contains(String.valueOf(committed)),
                vm.run().resultTextProperty().get());
        assertNull(report.verification());
        vm.next();
        assertFalse(vm.verification().cleanProperty().get());
        assertTrue(vm.verification().headlineProperty().get().startsWith("Not verified"));
        vm.next();
        assertFalse(vm.finish().canUseTargetProperty().get(), "no switch after a stopped run");
        try (SessionStore target = SessionStores.openReadOnly(new StoreLocation.Sqlite(sqlite))) {
            assertEquals(committed, target.count(dev.minsky.sessions.domain.SessionQuery.all()));
        }

        MigrationWizardViewModel again = planned(ConflictPolicy.SKIP, "100");
        assertEquals(committed, again.plan().planProperty().get().identical(), "what arrived counts as present");
        again.next();
        assertTrue(again.run().reportProperty().get().verification().clean());
        assertEquals(1000, again.run().reportProperty().get().verification().identical());
    }

    @Test
    void closingMidRunAsksThenStopsAndReportsWhatWasCommitted() {
        MigrationWizardViewModel vm = planned(ConflictPolicy.SKIP, "100");
        boolean[] mayClose = {true};
        vm.run().committedProperty().addListener((o, was, now) -> {
            if (now.longValue() >= 100 && dialogs.confirmations.isEmpty()) {
                mayClose[0] = vm.requestClose();
            }
        });
        vm.next();
        assertFalse(mayClose[0], "the window stays until the engine has stopped");
        assertEquals(1, dialogs.confirmations.size(), "asked first");
        assertTrue(vm.run().reportProperty().get().cancelled());
        assertTrue(vm.closedProperty().get());
        assertEquals(1, dialogs.infos.size());
        assertTrue(dialogs.infos.get(0).contains(vm.run().reportProperty().get().committed() + " record(s) were committed"),
                dialogs.infos.get(0));
    }

    @Test
    void closingMidRunAndDecliningKeepsTheRunGoing() {
        MigrationWizardViewModel vm = planned(ConflictPolicy.SKIP, "100");
        dialogs.confirmAnswer = false;
        vm.run().committedProperty().addListener((o, was, now) -> {
            if (now.longValue() >= 100 && dialogs.confirmations.isEmpty()) {
                assertFalse(vm.requestClose());
            }
        });
        vm.next();
        assertEquals(1, dialogs.confirmations.size(), "closing mid-run asked once");
        assertFalse(vm.run().reportProperty().get().cancelled());
        assertEquals(1000, vm.run().reportProperty().get().committed());
        assertFalse(vm.closedProperty().get());
        assertTrue(vm.requestClose(), "after the run the window closes without asking");
    }

    @Test
    void conflictsAreShownFieldByFieldAndAnUncleanVerificationOffersNoSwitch() {
        try (SessionStore source = SessionStores.openReadOnly(new StoreLocation.Json(json));
             SessionStore target = SessionStores.open(new StoreLocation.Sqlite(sqlite));
             Stream<SessionRecord> all = source.streamAll()) {
            List<SessionRecord> firstTwo = all.filter(r -> r.branch() != null).limit(2).toList();
            for (SessionRecord r : firstTwo) {
                target.create(r.toBuilder().set("branch", "changed-elsewhere").build());
            }
        }
        MigrationWizardViewModel vm = planned(ConflictPolicy.SKIP, "1000");
        assertEquals(2, vm.plan().conflicts().size());
        vm.plan().selectedConflictProperty().set(vm.plan().conflicts().get(0));
        FieldRow branch = vm.plan().conflictFields().get(0);
        assertEquals("branch", branch.field());
        assertEquals("\"changed-elsewhere\"", branch.target());

        vm.next();
        vm.next();
        assertFalse(vm.verification().cleanProperty().get());
        assertEquals(2, vm.verification().problems().size());
        RecordCheck check = vm.verification().problems().get(0);
        assertEquals(Outcome.DIFFERENT, check.outcome());
        vm.verification().selectedProperty().set(check);
        assertEquals(List.of("branch"), vm.verification().fields().stream().map(FieldRow::field).toList());
        assertTrue(vm.verification().counts().contains(new Count("Digests", "differ", true)));
        vm.next();
        assertFalse(vm.finish().canUseTargetProperty().get(), "only a clean verification offers the switch");
        vm.finish().useTarget();
        assertEquals(new StoreLocation.Json(json), ctx.locationProperty().get());
    }

    @Test
    void failPolicyWithConflictsBlocksTheRun() {
        try (SessionStore source = SessionStores.openReadOnly(new StoreLocation.Json(json));
             SessionStore target = SessionStores.open(new StoreLocation.Sqlite(sqlite));
             Stream<SessionRecord> all = source.streamAll()) {
            SessionRecord r = all.filter(x -> x.branch() != null).findFirst().orElseThrow();
            target.create(r.toBuilder().set("branch", "changed-elsewhere").build());
        }
        MigrationWizardViewModel vm = planned(ConflictPolicy.FAIL, "1000");
        assertTrue(vm.plan().blockedProperty().get());
        assertFalse(vm.canNextProperty().get());
        vm.back();
        assertEquals(WizardPage.TARGET, vm.pageProperty().get());
    }

    @Test
    void savesTheReportAsJsonAndText() throws Exception {
        MigrationWizardViewModel vm = planned(ConflictPolicy.SKIP, "1000");
        vm.next();
        vm.next();
        vm.next();
        dialogs.chosenFile = dir.resolve("reports/migration.json");
        vm.finish().saveReport(FinishModel.Format.JSON);
        assertEquals(dialogs.chosenFile, vm.finish().savedReportProperty().get());
        String saved = Files.readString(dialogs.chosenFile);
        assertTrue(saved.trim().startsWith("{") && saved.contains("\"verification\""), saved);
        dialogs.chosenFile = dir.resolve("migration.txt");
        vm.finish().saveReport(FinishModel.Format.TEXT);
        assertTrue(Files.readString(dialogs.chosenFile).contains("Invalid records (skipped; the source is unchanged)"));
        assertTrue(vm.finish().savedTextProperty().get().contains("migration.txt"));
    }

    @Test
    void theTargetMustDifferFromTheSourceAndNeedsALocation() {
        MigrationWizardViewModel vm = wizard();
        vm.next();
        vm.target().backendProperty().set(BackendKind.JSON);
        vm.target().pathProperty().set(json.toString());
        assertNull(vm.target().locationProperty().get());
        assertTrue(vm.target().problemProperty().get().contains("source itself"));
        assertFalse(vm.canNextProperty().get());
        vm.target().backendProperty().set(BackendKind.SQLITE);
        assertNull(vm.target().locationProperty().get(), "the same file, read as another backend, is still the source");
        vm.target().pathProperty().set("~/elsewhere/sessions.db");
        assertEquals(new StoreLocation.Sqlite(dir.resolve("elsewhere/sessions.db")), vm.target().locationProperty().get(),
                "~ is the home folder, as in the settings and on the command line");
        vm.target().backendProperty().set(BackendKind.POSTGRES);
        vm.target().urlProperty().set("mysql://nope");
        assertFalse(vm.canNextProperty().get());
        vm.target().urlProperty().set("postgresql://alice@db.example.com/minsky");
        vm.target().passwordProperty().set("s3cret");
        assertTrue(vm.canNextProperty().get());
        assertTrue(vm.target().locationProperty().get().display().contains("****"));
        assertEquals("", vm.options().batchSizeProperty().get(), "empty at first: the target's own batch size");
        assertEquals(dev.minsky.sessions.migrate.MigrationOptions.AUTOMATIC, vm.options().options(false, false).batchSize());
        vm.options().batchSizeProperty().set("0");
        assertFalse(vm.canNextProperty().get());
        vm.options().batchSizeProperty().set("2,500");
        assertTrue(vm.canNextProperty().get());
        assertEquals(2500, vm.options().options(false, false).batchSize());
        vm.options().batchSizeProperty().set(" ");
        assertTrue(vm.canNextProperty().get(), "blank is the target's own again");
    }

    @Test
    void anUnreachableTargetFailsThePlanWithAMessage() {
        MigrationWizardViewModel vm = wizard();
        vm.next();
        vm.target().backendProperty().set(BackendKind.POSTGRES);
        vm.target().urlProperty().set("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
        vm.next();
        assertEquals(PlanModel.State.FAILED, vm.plan().stateProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertFalse(vm.canNextProperty().get());
        assertTrue(vm.canBackProperty().get());
    }
}
