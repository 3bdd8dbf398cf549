package io.flightdeck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules beside module verification: what stays package-private, and which way layers depend. */
class ArchitectureRulesTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flightdeck");

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(classes);
    }

    @Test
    void entitiesAreNotPublic() {
        classes().that().areAnnotatedWith(Entity.class).should().notHaveModifier(JavaModifier.PUBLIC).check(classes);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().areInterfaces().and().areAssignableTo(Repository.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(classes);
    }

    @Test
    void domainNeverDependsOnWeb() {
        noClasses().that().resideInAPackage("io.flightdeck..domain..")
                .should().dependOnClassesThat().resideInAPackage("io.flightdeck..web..")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerHandlesHttpRequests() {
        noClasses().that().resideInAPackage("io.flightdeck..domain..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .check(classes);
    }
}
