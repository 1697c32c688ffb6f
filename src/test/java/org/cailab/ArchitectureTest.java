package org.cailab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the features apart as STYLE.md describes; fails the build when a dependency crosses a line. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cailab");

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(CailabApplication.class).verify();
    }

    @Test
    void onlyViewsAndSecurityUseVaadin() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..ui..", "org.cailab.security")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnViews() {
        classes()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage("..ui..", "org.cailab.security")
                .check(CLASSES);
    }

    @Test
    void generatedJooqClassesStayInRepositories() {
        classes()
                .that()
                .resideInAPackage("org.cailab.db.jooq..")
                .should()
                .onlyHaveDependentClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "repositories or generated code",
                        c -> c.getPackageName().startsWith("org.cailab.db")
                                || c.getSimpleName().startsWith("Jooq")
                                || c.getEnclosingClass()
                                        .map(e -> e.getSimpleName().startsWith("Jooq"))
                                        .orElse(false)))
                .check(CLASSES);
    }

    /** Security owns the edge: every filter chain, API-key filter and study-link sign-in is declared in one place. */
    @Test
    void onlySecurityDeclaresFilterChains() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.cailab.security..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.web.SecurityFilterChain")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.config.annotation.web.builders.HttpSecurity")
                .check(CLASSES);
    }

    /**
     * Comparison and red teaming are thin task types on top of {@code crowdwork} and the dialogue kernel: neither
     * uses the other.
     */
    @Test
    void comparisonAndRedTeamDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("org.cailab.comparison..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.cailab.redteam..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.cailab.redteam..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.cailab.comparison..")
                .check(CLASSES);
    }

    @Test
    void ratingMathHasNoFrameworkDependencies() {
        noClasses()
                .that()
                .resideInAPackage("org.cailab.rating..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.context..",
                        "org.springframework.stereotype..",
                        "org.springframework.beans..",
                        "org.jooq..",
                        "com.vaadin..",
                        "java.sql..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
