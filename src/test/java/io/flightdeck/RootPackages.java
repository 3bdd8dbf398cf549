package io.flightdeck;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * The modules' root packages as the visibility rule sees them: which root types another module needs (it uses them,
 * they are events, or a needed type shows them in its signature), and which internals a needed type shows.
 */
final class RootPackages {

    private final Set<JavaClass> rootTypes = new LinkedHashSet<>();
    private final Set<JavaClass> needed = new LinkedHashSet<>();

    private RootPackages(JavaClasses classes) {
        for (JavaClass type : classes) {
            if (isModuleRoot(type.getPackageName()) && type.isTopLevelClass()
                    && type.getModifiers().contains(JavaModifier.PUBLIC) && !type.getSimpleName().equals("package-info")) {
                rootTypes.add(type);
            }
        }
        Set<JavaClass> usedOutside = new LinkedHashSet<>();
        for (JavaClass origin : classes) {
            String from = ArchitectureRulesTests.moduleOf(origin.getPackageName());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = topLevel(dependency.getTargetClass().getBaseComponentType());
                if (rootTypes.contains(target)
                        && !ArchitectureRulesTests.moduleOf(target.getPackageName()).equals(from)) {
                    usedOutside.add(target);
                }
            }
        }
        Deque<JavaClass> work = new ArrayDeque<>();
        for (JavaClass type : rootTypes) {
            if (type.isAnnotatedWith(DomainEvent.class) || usedOutside.contains(type)) {
                needed.add(type);
                work.add(type);
            }
        }
        while (!work.isEmpty()) {
            JavaClass type = work.poll();
            shown(type).map(RootPackages::topLevel)
                    .filter(rootTypes::contains)
                    .filter(needed::add)
                    .forEach(work::add);
        }
    }

    static RootPackages of(JavaClasses classes) {
        return new RootPackages(classes);
    }

    /** True for {@code io.flightdeck.<module>} itself, {@code shared} excluded: it is open to every module. */
    static boolean isModuleRoot(String packageName) {
        String module = ArchitectureRulesTests.moduleOf(packageName);
        return module != null && !module.equals("shared") && packageName.equals("io.flightdeck." + module);
    }

    /** Root types that no other module uses, that are no event and that no needed type shows. */
    Set<String> notNeededOutside() {
        Set<String> names = new TreeSet<>();
        rootTypes.stream().filter(type -> !needed.contains(type)).forEach(type -> names.add(type.getName()));
        return names;
    }

    /** A needed root type's signature naming a type inside its module, as "RootType -> InternalType". */
    Set<String> internalsShown() {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : needed) {
            String module = ArchitectureRulesTests.moduleOf(type.getPackageName());
            shown(type).map(RootPackages::topLevel)
                    .filter(other -> module.equals(ArchitectureRulesTests.moduleOf(other.getPackageName())))
                    .filter(other -> !isModuleRoot(other.getPackageName()))
                    .forEach(other -> found.add(type.getName() + " -> " + other.getName()));
        }
        return found;
    }

    /** The types a public type's public face names: supertypes, fields, parameters, results, thrown exceptions. */
    private static Stream<JavaClass> shown(JavaClass type) {
        Stream<JavaType> faces = Stream.concat(Stream.of(type.getSuperclass().orElse(null)), type.getInterfaces().stream());
        List<JavaField> fields = type.isRecord() || type.isEnum() ? List.copyOf(type.getFields())
                : type.getFields().stream().filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC)).toList();
        Stream<JavaType> fieldTypes = fields.stream().map(JavaField::getType);
        Stream<JavaType> members = type.getCodeUnits().stream()
                .filter(unit -> unit.getModifiers().contains(JavaModifier.PUBLIC) || type.isInterface())
                .flatMap(RootPackages::signature);
        return Stream.of(faces, fieldTypes, members).flatMap(s -> s)
                .filter(t -> t != null)
                .flatMap(t -> t.getAllInvolvedRawTypes().stream())
                .map(JavaClass::getBaseComponentType);
    }

    private static Stream<JavaType> signature(JavaCodeUnit unit) {
        return Stream.concat(Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream()),
                unit.getThrowsClause().getTypes().stream().map(t -> (JavaType) t));
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass top = type;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
