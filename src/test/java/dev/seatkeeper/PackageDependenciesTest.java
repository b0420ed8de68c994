package dev.seatkeeper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            Map.entry("audit", Set.of("platform", "security")),
            Map.entry("organizations", Set.of("platform", "security")),
            Map.entry("catalog", Set.of("platform", "security")),
            Map.entry("customers", Set.of("platform", "security", "events", "organizations")),
            Map.entry("sessions", Set.of("platform", "security", "organizations", "customers")),
            Map.entry(
                    "purchases",
                    Set.of("platform", "security", "events", "organizations", "catalog", "customers", "idempotency")),
            Map.entry(
                    "seats",
                    Set.of(
                            "platform",
                            "security",
                            "audit",
                            "events",
                            "organizations",
                            "catalog",
                            "customers",
                            "sessions",
                            "purchases",
                            "idempotency")),
            Map.entry(
                    "entitlements",
                    Set.of(
                            "platform",
                            "security",
                            "organizations",
                            "catalog",
                            "customers",
                            "purchases",
                            "seats",
                            "idempotency")),
            Map.entry(
                    "usage",
                    Set.of(
                            "platform",
                            "security",
                            "events",
                            "organizations",
                            "catalog",
                            "customers",
                            "purchases",
                            "seats")),
            Map.entry(
                    "reclaim",
                    Set.of(
                            "platform",
                            "security",
                            "events",
                            "organizations",
                            "catalog",
                            "customers",
                            "sessions",
                            "purchases",
                            "seats",
                            "idempotency")),
            Map.entry(
                    "portal",
                    Set.of(
                            "platform",
                            "security",
                            "audit",
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
    void theReadmeTableSaysWhatTheRulesSay() throws IOException {
        // A row of the README's "Layout" table: | `package` | what it holds | `dependency`, ... or nothing |
        var row = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]+) \\|$");
        var table = new TreeMap<String, Set<String>>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                table.put(m.group(1), namesIn(m.group(2), Pattern.compile("`([a-z]+)`")));
            }
        }
        assertEquals(
                new TreeMap<>(ALLOWED), table, "README.md, Layout: one row per package, its dependencies as the rules");
    }

    @Test
    void eachPackageInfoSaysWhatTheRulesSay() throws IOException {
        var said = new TreeMap<String, Set<String>>();
        for (String name : ALLOWED.keySet()) {
            String text = Files.readString(Path.of("src/main/java/dev/seatkeeper", name, "package-info.java"))
                    .replaceAll("\\s*\\n\\s*\\* ?", " ");
            Matcher m = Pattern.compile("May depend on ([^.;]+)[.;]").matcher(text);
            assertTrue(m.find(), name + "/package-info.java says what it may depend on");
            said.put(name, namesIn(m.group(1), Pattern.compile("\\b([a-z]+)\\b")));
        }
        assertEquals(new TreeMap<>(ALLOWED), said);
    }

    /** The package names {@code pattern} finds in {@code text}, other words ("only", "and", "nothing") left out. */
    private static Set<String> namesIn(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        var names = new TreeSet<String>();
        while (m.find()) {
            if (ALLOWED.containsKey(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everyPackageHasItsRule() {
        var packages = classes.stream()
                .map(c -> c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toSet());
        assertEquals(ALLOWED.keySet(), packages, "a new package needs its line in ALLOWED and in its package-info");
    }
}
