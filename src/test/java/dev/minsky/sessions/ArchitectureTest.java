package dev.minsky.sessions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md §1 (and docs/adr/0002 for Jackson in store.sql), enforced. */
@AnalyzeClasses(packages = "dev.minsky.sessions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "dev.minsky.sessions";

    @ArchTest
    static final ArchRule onlyTheSqlStoreUsesEbean = noClasses().that().resideOutsideOfPackage(BASE + ".store.sql..")
            .should().dependOnClassesThat().resideInAPackage("io.ebean..");

    @ArchTest
    static final ArchRule onlyStoresAndConfigUseJackson = noClasses()
            .that().resideOutsideOfPackages(BASE + ".store.json..", BASE + ".store.sql..", BASE + ".config..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule coreLayersNeverUseJavaFx = noClasses()
            .that().resideInAnyPackage(BASE + ".domain..", BASE + ".store..", BASE + ".migrate..", BASE + ".connect..",
                    BASE + ".config..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackage(BASE + ".cli..")
            .should(ACCESS_STANDARD_STREAMS).because("only the cli package talks to the terminal");

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses().that().resideInAPackage(BASE + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", BASE + ".config..", BASE + ".migrate..",
                    BASE + ".connect..", BASE + ".cli..", BASE + ".gui..", "java.sql..", "java.nio.file..");

    @ArchTest
    static final ArchRule theStoreInterfaceKnowsNoImplementation = noClasses()
            .that().resideInAPackage(BASE + ".store")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store.json..", BASE + ".store.sql..");

    @ArchTest
    static final ArchRule storesDependOnlyDownward = noClasses().that().resideInAPackage(BASE + ".store..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".config..", BASE + ".migrate..",
                    BASE + ".connect..", BASE + ".cli..", BASE + ".gui..");

    @ArchTest
    static final ArchRule engineNamesNoImplementationOrFace = noClasses()
            .that().resideInAnyPackage(BASE + ".migrate..", BASE + ".connect..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store.json..", BASE + ".store.sql..",
                    BASE + ".config..", BASE + ".cli..", BASE + ".gui..")
            .because("the engine and the check work on what they are given (DESIGN §1)");

    @ArchTest
    static final ArchRule configServesTheFacesOnly = noClasses().that().resideInAPackage(BASE + ".config..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".cli..", BASE + ".gui..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theFacesAreIndependent = noClasses().that().resideInAPackage(BASE + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".gui..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(BASE + ".(**)").should().beFreeOfCycles();
}
