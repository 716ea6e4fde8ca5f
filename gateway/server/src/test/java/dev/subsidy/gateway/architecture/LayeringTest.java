package dev.subsidy.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed arrows between the modules (each module's README says what it may import), checked on
 * the production classes of every module the gateway ships: a rule broken here fails the build.
 *
 * <pre>
 * connectors/api ← signers, http, file, partners, reference      (the connector SDK: nothing of the gateway)
 * gateway/model                                                    (the vocabulary: nothing at all)
 * model ← policy, mapping, intake, verification, figures           (rules and reading: no Spring, no JDBC)
 * intake, mapping, connector SDK ← gateway/connectors (runtime)    (no server class)
 * everything ← gateway/server: web, security, storage (the only SQL), wiring
 * </pre>
 */
class LayeringTest {

    /** Production code of the shipped modules: not tests, not the test kit, simulators, demo or benchmarks. */
    private static final ImportOption SHIPPED = location -> !(location.contains("/test-classes/")
            || location.contains("connector-testkit") || location.contains("/connectors/testkit/")
            || location.contains("connector-simulators") || location.contains("/connectors/simulators/")
            || location.contains("gateway-demo") || location.contains("/gateway/demo/")
            || location.contains("gateway-bench") || location.contains("/gateway/bench/"));

    private static JavaClasses shipped;

    @BeforeAll
    static void importClasses() {
        shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(SHIPPED)
                .importPackages("dev.subsidy");
    }

    private static void check(ArchRule rule) {
        rule.check(shipped);
    }

    @Test
    void theShippedClassesAreAllThere() {
        // a rule over an empty import passes vacuously: make sure every module was found
        for (String pkg : new String[] {"dev.subsidy.model", "dev.subsidy.connector.api", "dev.subsidy.policy",
            "dev.subsidy.mapping", "dev.subsidy.intake", "dev.subsidy.runtime", "dev.subsidy.gateway"}) {
            assertThat(shipped.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void theModelDependsOnNothing() {
        check(classes().that().resideInAPackage("dev.subsidy.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.subsidy.model..", "java..")
                .because("the vocabulary is the bottom of the house"));
    }

    @Test
    void theConnectorSdkDependsOnNothingOfTheGateway() {
        check(noClasses().that().resideInAPackage("dev.subsidy.connector.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.subsidy.connector.api..", "java..",
                        "javax.net..", "org.slf4j..")
                .because("a connector is written against the API alone, like a Kafka Connect plugin"));
        check(noClasses().that().resideInAPackage("dev.subsidy.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.subsidy.gateway..", "dev.subsidy.runtime..",
                        "dev.subsidy.intake..", "dev.subsidy.policy..", "dev.subsidy.mapping..",
                        "dev.subsidy.verification..", "dev.subsidy.figures..")
                .because("connectors know the model's vocabulary at most, never the gateway"));
    }

    @Test
    void theRulesNeedNeitherSpringNorJdbc() {
        check(noClasses().that().resideInAnyPackage("dev.subsidy.model..", "dev.subsidy.policy..",
                        "dev.subsidy.verification..", "dev.subsidy.figures..", "dev.subsidy.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..")
                .because("policy, verification and figures are rules: testable and readable without a container"));
    }

    @Test
    void sqlIsWrittenOnlyInTheStoragePlace() {
        check(noClasses().that().resideOutsideOfPackage("dev.subsidy.gateway.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .because("storage is one place: every table is read and written under gateway/server/…/storage"));
    }

    @Test
    void theModulesBelowTheServerDoNotReachUp() {
        check(noClasses().that().resideInAnyPackage("dev.subsidy.runtime..", "dev.subsidy.intake..",
                        "dev.subsidy.mapping..", "dev.subsidy.policy..", "dev.subsidy.verification..",
                        "dev.subsidy.figures..")
                .should().dependOnClassesThat().resideInAPackage("dev.subsidy.gateway..")
                .because("the server hosts the modules; they never import it"));
        check(noClasses().that().resideInAnyPackage("dev.subsidy.intake..", "dev.subsidy.mapping..",
                        "dev.subsidy.policy..", "dev.subsidy.verification..", "dev.subsidy.figures..")
                .should().dependOnClassesThat().resideInAPackage("dev.subsidy.runtime..")
                .because("records flow from the connector runtime into the intake, not back"));
    }

    @Test
    void nothingShippedImportsTheDemoOrATestKit() {
        check(noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.subsidy.gateway.demo..",
                        "dev.subsidy.bench..",
                        "dev.subsidy.simulators..", "dev.subsidy.connector.testkit..", "org.junit..",
                        "com.github.tomakehurst..", "org.assertj..")
                .because("the demo and the simulators stand beside the product, never in it"));
    }

    /**
     * Every package is a slice, except that an {@code internal} package is one with its parent: it is
     * the implementation behind the parent's API (Resilience4j's layout), so the two call each other by
     * design, and nothing else may import the internal half.
     */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("dev.subsidy.")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(pkg.replaceAll("\\.internal(\\..*)?$", ""));
        }

        @Override
        public String getDescription() {
            return "packages of dev.subsidy (an internal package with its parent)";
        }
    };

    @Test
    void packagesFormNoCycles() {
        check(slices().assignedFrom(PACKAGES).should().beFreeOfCycles());
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirParent() {
        check(classes().that().resideInAPackage("..internal..")
                .should(onlyBeAccessedFromTheirParentPackage())
                .because("an internal package is an implementation detail of the package above it"));
    }

    private static ArchCondition<JavaClass> onlyBeAccessedFromTheirParentPackage() {
        return new ArchCondition<>("only be used from their parent package and below") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String parent = item.getPackageName().replaceAll("\\.internal(\\..*)?$", "");
                for (Dependency d : item.getDirectDependenciesToSelf()) {
                    String from = d.getOriginClass().getPackageName();
                    if (!from.equals(parent) && !from.startsWith(parent + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
