package dev.seatkeeper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies run one way, as their package-info files and the README's layout say: {@code platform} at
 * the bottom, {@code security} (with {@code events} and {@code operations}) on it, the features above, {@code portal}
 * on top. Read from the compiled classes, so an import, a field type or a call that runs the other way fails here.
 */
class PackageDependenciesTest {
    private static final String ROOT = "dev.seatkeeper";

    /** Each package and the packages of Seatkeeper it may use (besides itself and any library). */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("platform", Set.of()),
            Map.entry("security", Set.of("platform")),
            Map.entry("events", Set.of("platform")),
            Map.entry("operations", Set.of("platform")),
            Map.entry("webhooks", Set.of("platform", "security", "events")),
            Map.entry("pages", Set.of("platform")),
            Map.entry("idempotency", Set.of("platform", "security")),
            Map.entry("organizations", Set.of("platform", "security")),
            Map.entry("catalog", Set.of("platform", "security")),
            Map.entry("customers", Set.of("platform", "security", "events", "organizations")),
            Map.entry("sessions", Set.of("platform", "security", "organizations", "customers")),
            Map.entry("purchases", Set.of("platform", "security", "organizations", "catalog", "customers")),
            Map.entry(
                    "seats",
                    Set.of(
                            "platform",
                            "security",
                            "events",
                            "organizations",
                            "catalog",
                            "customers",
                            "sessions",
                            "purchases",
                            "idempotency")),
            Map.entry(
                    "portal",
                    Set.of(
                            "platform",
                            "security",
                            "organizations",
                            "customers",
                            "sessions",
                            "purchases",
                            "seats",
                            "idempotency")));

    private static JavaClasses classes;

    @BeforeAll
    static void readCompiledClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        ALLOWED.forEach((name, allowed) -> {
            String[] reachable = Stream.concat(Stream.of(name), allowed.stream())
                    .map(p -> ROOT + "." + p + "..")
                    .toArray(String[]::new);
            classes()
                    .that()
                    .resideInAPackage(ROOT + "." + name + "..")
                    .should()
                    .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(reachable)))
                    .because("package-info of " + name + " says what it may depend on")
                    .check(classes);
        });
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackageHasItsRule() {
        var packages = classes.stream()
                .map(c -> c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toSet());
        assertEquals(ALLOWED.keySet(), packages, "a new package needs its line in ALLOWED and in its package-info");
    }
}
