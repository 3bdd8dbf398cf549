package io.flightdeck;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.flightdeck.shared.ConflictException;
import jakarta.persistence.Entity;
import org.jmolecules.event.annotation.DomainEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules beside module verification: what stays package-private, and which way layers depend. Most modules keep their
 * internals in one {@code domain} package; a module split by feature (planning: {@code scheduling}, {@code team},
 * {@code tasks}, ...) counts every package but {@code web} as its domain side.
 */
class ArchitectureRulesTests {

    /** The domain side: {@code domain} packages, and every package of a module split by feature except its web layer. */
    private static final String[] DOMAIN_SIDE = {"io.flightdeck..domain..", "io.flightdeck.planning.."};

    // imported once for the class: an import per test took most of its two minutes
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flightdeck");

    private static final JavaClasses tests = new ClassFileImporter()
            .withImportOption(new ImportOption.OnlyIncludeTests())
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

    /**
     * No package but a web layer depends on a web layer: the domain, jobs and adapters never reach for a page or an
     * HTTP answer. Identity's {@code security} package is the HTTP security chain, so it counts as web; absolute links
     * that leave the app ({@code shared/links/PublicUrls}) are not web, since mail and jobs make them too.
     */
    @Test
    void onlyTheWebLayerDependsOnTheWebLayer() {
        noClasses().that().resideOutsideOfPackages("io.flightdeck..web..", "io.flightdeck.identity.security..")
                .should().dependOnClassesThat().resideInAPackage("io.flightdeck..web..")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerHandlesHttpRequests() {
        noClasses().that().resideInAnyPackage(DOMAIN_SIDE).and().resideOutsideOfPackage("io.flightdeck..web..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .check(classes);
    }

    /**
     * The one visibility rule: another module uses only a module's root package ({@code shared} is open to all);
     * inside a module any package, its web layer included, may use the module's internals.
     */
    @Test
    void otherModulesUseOnlyTheRootPackage() {
        classes().should(useOnlyTheRootPackageOfOtherModules()).check(classes);
    }

    /**
     * The root package holds exactly what other modules use: types another module uses, the events a module publishes
     * ({@link DomainEvent}), and what those types show in their signatures. Anything else belongs inside.
     */
    @Test
    void theRootPackageHoldsOnlyWhatOtherModulesUse() {
        assertThat(RootPackages.of(classes).notNeededOutside()).as("root types no other module needs").isEmpty();
    }

    /** What the root shows never leads into the module: its types' signatures name only root types of their module. */
    @Test
    void theRootShowsNoInternals() {
        assertThat(RootPackages.of(classes).internalsShown()).as("internal types in a root type's signature").isEmpty();
    }

    /** An event is a record in the root of the module that publishes it, where listeners in other modules may see it. */
    @Test
    void eventsAreRecordsInTheRoot() {
        classes().that().areAnnotatedWith(DomainEvent.class)
                .should(new ArchCondition<>("be records in a module's root package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!type.isRecord() || !RootPackages.isModuleRoot(type.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " is not a root record"));
                        }
                    }
                })
                .check(classes);
    }

    /**
     * An event another module hears is part of its module's API: a {@code @DomainEvent} record in the root package
     * (the rule above checks where such records live), so the module documenter and readers see it as one.
     */
    @Test
    void eventsHeardByAnotherModuleAreDomainEvents() {
        java.util.List<String> unmarked = new java.util.ArrayList<>();
        for (JavaClass listener : classes) {
            for (var method : listener.getMethods()) {
                boolean listens = method.isAnnotatedWith(ApplicationModuleListener.class)
                        || method.isAnnotatedWith(TransactionalEventListener.class)
                        || method.isAnnotatedWith(EventListener.class);
                if (!listens || method.getRawParameterTypes().size() != 1) {
                    continue;
                }
                JavaClass event = method.getRawParameterTypes().get(0);
                String from = moduleOf(event.getPackageName());
                String heardIn = moduleOf(listener.getPackageName());
                if (from != null && !from.equals("shared") && !from.equals(heardIn)
                        && !event.isAnnotatedWith(DomainEvent.class)) {
                    unmarked.add(event.getName() + " heard in " + listener.getSimpleName());
                }
            }
        }
        assertThat(unmarked).as("events other modules hear without @DomainEvent").isEmpty();
    }

    /**
     * An entity of email, notifications or analytics refuses a move through its state machine ({@code StateMove}),
     * so every refusal is the one 409 {@code illegal-transition} with the moves allowed; a conflict of its own slug
     * (a name taken) belongs to the service that finds it, never to a status check.
     */
    @Test
    void theLedgerModulesEntitiesRefuseMovesOnlyAsIllegalTransitions() {
        noClasses().that().areAnnotatedWith(Entity.class).and().resideInAnyPackage("io.flightdeck.email..",
                        "io.flightdeck.notifications..", "io.flightdeck.analytics..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ConflictException.class.getName())
                .because("a refused move is an IllegalTransition from the entity's StateMove enum").check(classes);
    }

    /**
     * A link that works without signing in is a token of the signed-link kit ({@code shared/links/SignedTokens}):
     * purpose-bound keys that rotate, constant-time checks, one layout. There were five hand-written formats; the
     * HMAC outside {@code shared} is left only to the two readers of tokens made before the kit, which live minutes.
     */
    @Test
    void signedLinksGoThroughTheKit() {
        noClasses().that().resideOutsideOfPackage("io.flightdeck.shared..")
                .and().doNotHaveFullyQualifiedName("io.flightdeck.assets.storage.FileLinks")
                .and().doNotHaveFullyQualifiedName("io.flightdeck.notifications.slack.SlackInstallState")
                .should().dependOnClassesThat().haveFullyQualifiedName("javax.crypto.Mac")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.flightdeck.shared.crypto.Hmac")
                .because("a signed token is made and checked by shared/links/SignedTokens").check(classes);
    }

    /**
     * A public type below a module's root is public for a reason: something outside its own package uses it (a test
     * of another package counts: it stands in for a module's user). One only its package uses is package-private, so
     * a module's internals stay visible as what they are.
     */
    @Test
    void aPublicTypeBelowTheRootIsUsedOutsideItsPackage() {
        java.util.Set<String> usedElsewhere = new java.util.HashSet<>();
        for (JavaClasses set : java.util.List.of(classes, tests)) {
            for (JavaClass user : set) {
                usedFrom(user).stream().filter(t -> !t.getPackageName().equals(user.getPackageName()))
                        .forEach(t -> usedElsewhere.add(outermost(t).getName()));
            }
        }
        java.util.List<String> unused = new java.util.ArrayList<>();
        for (JavaClass type : classes) {
            String module = moduleOf(type.getPackageName());
            if (module != null && !module.equals("shared") && type.getModifiers().contains(JavaModifier.PUBLIC)
                    && !type.getPackageName().equals("io.flightdeck." + module) && type.isTopLevelClass()
                    && !usedElsewhere.contains(type.getName()) && !USED_ONLY_THROUGH_CONSTANTS.contains(type.getName())) {
                unused.add(type.getName());
            }
        }
        assertThat(unused).as("public types below a module's root that nothing outside their package uses").isEmpty();
    }

    /** A compile-time constant is copied into its user's bytecode, so these uses are invisible to the rule above. */
    private static final java.util.Set<String> USED_ONLY_THROUGH_CONSTANTS = java.util.Set.of(
            "io.flightdeck.publishing.channels.SandboxChannel", "io.flightdeck.rendering.jobs.RenderJobSignals");

    /** The types a class names: its dependencies, and what the members it calls take and give back. */
    private static java.util.Set<JavaClass> usedFrom(JavaClass user) {
        java.util.Set<JavaClass> used = new java.util.HashSet<>();
        user.getDirectDependenciesFromSelf().forEach(d -> used.add(d.getTargetClass().getBaseComponentType()));
        java.util.stream.Stream.concat(user.getCodeUnitCallsFromSelf().stream().map(c -> c.getTarget()),
                user.getCodeUnitReferencesFromSelf().stream().map(r -> r.getTarget())).forEach(target -> {
                    used.add(target.getRawReturnType().getBaseComponentType());
                    target.getRawParameterTypes().forEach(p -> used.add(p.getBaseComponentType()));
                });
        return used;
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /**
     * A module reads identity's workspaces through its {@code WorkspaceDirectory}, never the table: SQL in strings is
     * a dependency no module rule sees (there were nine such reads in four modules, one taking a row lock).
     */
    @Test
    void onlyIdentityReadsTheWorkspacesTable() throws java.io.IOException {
        Pattern sql = Pattern.compile("(?i)\\b(from|join|update|into)\\s+workspaces\\b");
        java.nio.file.Path main = java.nio.file.Path.of("src", "main", "java", "io", "flightdeck");
        java.util.List<String> readers;
        try (var files = java.nio.file.Files.walk(main)) {
            readers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(main.resolve("identity")))
                    .filter(p -> {
                        try {
                            return sql.matcher(java.nio.file.Files.readString(p)).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(main::relativize).map(Object::toString).toList();
        }
        assertThat(readers).as("classes outside identity with SQL on the workspaces table").isEmpty();
    }

    /**
     * Tests go through other modules' public API like production code does, so a module can change its internals
     * without breaking other modules' tests: a test in {@code io.flightdeck.<module>..} may use its own module's
     * internals, but of any other module only the root package ({@code shared} is open to all). Test support and the
     * root-level tests belong to no module, so they use only root packages.
     */
    @Test
    void testsUseOnlyTheRootPackageOfOtherModules() {
        classes().should(useOnlyTheRootPackageOfOtherModules()).check(tests);
    }

    private static ArchCondition<JavaClass> useOnlyTheRootPackageOfOtherModules() {
        return new ArchCondition<>("use only the root package of other modules") {
            @Override
            public void check(JavaClass test, ConditionEvents events) {
                String own = moduleOf(test.getPackageName());
                for (Dependency dependency : test.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    String module = moduleOf(target);
                    boolean internal = module != null && !target.equals("io.flightdeck." + module);
                    if (internal && !module.equals("shared") && !module.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The module a package belongs to ({@code support} counts as one of its own), or null outside the modules. */
    static String moduleOf(String packageName) {
        if (!packageName.startsWith("io.flightdeck.")) {
            return null;
        }
        String rest = packageName.substring("io.flightdeck.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
