package org.partybuilding.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout every service keeps (CONTRIBUTING.md, "Packages as layers"): its feature packages
 * ({@code org.partybuilding.<service>.<feature>}) form no cycle, and it imports no other service — only its own
 * packages and platform/'s ({@code org.partybuilding.platform}, {@code org.partybuilding.events},
 * {@code org.partybuilding.identifiers}). Each service's
 * {@code ArchitectureTest} calls {@link #check(String)} with its root package; the service's main classes only.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** Fails (with every offending dependency named) when the service's main code breaks the layout. */
    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes of " + servicePackage + " found to check");
        }
        slices().matching(servicePackage + ".(*)..")
                .namingSlices("package " + servicePackage + ".$1")
                .should().beFreeOfCycles()
                .because("a feature depends on shared domain types and lower features, never back (no package cycle)")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(resideInAPackage("org.partybuilding..")
                        .and(not(resideInAnyPackage(servicePackage + "..", "org.partybuilding.platform..",
                                "org.partybuilding.events..", "org.partybuilding.identifiers.."))))
                .because("services share only platform/ (events are the contract), never each other's code")
                .check(classes);
    }
}
