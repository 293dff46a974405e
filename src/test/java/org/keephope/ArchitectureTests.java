package org.keephope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

/** Rules of docs/ARCHITECTURE.md that Spring Modulith does not see; ModularityTests checks the modules' arrows. */
class ArchitectureTests {

    static final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.keephope");

    /** A repository, or a class nested in one (a row mapper, a record of its rows). */
    static final DescribedPredicate<JavaClass> inARepository =
            DescribedPredicate.describe("in a @Repository class", c -> isRepository(c));

    private static boolean isRepository(JavaClass c) {
        return c.isAnnotatedWith(Repository.class)
                || c.getEnclosingClass().map(ArchitectureTests::isRepository).orElse(false);
    }

    @Test
    void sqlLivesInRepositoriesOnly() {
        noClasses()
                .that(DescribedPredicate.not(inARepository))
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(NamedParameterJdbcTemplate.class)
                .because("SQL and row mapping belong to a module's package-private @Repository classes")
                .check(main);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areMetaAnnotatedWith(Controller.class)
                .should()
                .notBePublic()
                .because("a module's routes are not part of its interface")
                .check(main);
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .notBePublic()
                .because("other modules use a module's facade, never its tables")
                .check(main);
    }

    @Test
    void noFieldInjection() {
        noFields()
                .should()
                .beAnnotatedWith(Autowired.class)
                .because("dependencies come in through the constructor")
                .check(main);
    }
}
