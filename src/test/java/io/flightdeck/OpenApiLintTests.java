package io.flightdeck;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.NpmPackages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what generated clients and the MCP server read, so it is linted like code by two linters
 * nobody here wrote, both pinned in {@code src/test/openapi/package.json}: Redocly CLI (rules in {@code redocly.yaml})
 * and Spectral ({@code spectral:oas}, in {@code .spectral.yaml}) must find no error. And since
 * springdoc names a schema by its class's simple name, two request or response records with the same simple name
 * would show one operation the other's body: every name must belong to one shape.
 */
@FlightdeckTest
class OpenApiLintTests {

    private static final Path LINT = Path.of("src/test/openapi");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void redoclyFindsNoErrorInTheDocument() throws Exception {
        Path document = document();
        Path redocly = NpmPackages.require(LINT, "node_modules/.bin/redocly", "the OpenAPI lint");
        Run lint = run(List.of(redocly.toAbsolutePath().toString(), "lint", document.toAbsolutePath().toString(),
                "--config", "redocly.yaml", "--format", "stylish", "--max-problems", "500"), LINT);
        assertThat(lint.exit()).as("Redocly found errors in the OpenAPI document:%n%s", lint.output()).isZero();
    }

    @Test
    void spectralFindsNoErrorInTheDocument() throws Exception {
        Path document = document();
        Path spectral = NpmPackages.require(LINT, "node_modules/.bin/spectral", "the OpenAPI lint");
        Run lint = run(List.of(spectral.toAbsolutePath().toString(), "lint", document.toAbsolutePath().toString(),
                "--ruleset", ".spectral.yaml", "--fail-severity", "error", "--display-only-failures", "--format", "text"), LINT);
        assertThat(lint.exit()).as("Spectral found errors in the OpenAPI document:%n%s", lint.output()).isZero();
    }

    @Test
    void everySchemaNameBelongsToOneShape() {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        mappings.getHandlerMethods().values().stream()
                .filter(method -> method.getBeanType().getPackageName().startsWith("io.flightdeck"))
                .forEach(method -> bodyTypes(method).forEach(type -> collect(type, classesByName, seen)));
        Map<String, Set<String>> shared = new HashMap<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                shared.put(name, classes);
            }
        });
        assertThat(shared).as("schema names used by more than one class").isEmpty();
        assertThat(classesByName).isNotEmpty();
    }

    private static List<Type> bodyTypes(HandlerMethod method) {
        List<Type> types = new ArrayList<>();
        types.add(method.getMethod().getGenericReturnType());
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                types.add(parameter.getGenericParameterType());
            }
            // A body read as a map but documented as a record names the record in its OpenAPI annotation.
            var documented = parameter.getParameterAnnotation(io.swagger.v3.oas.annotations.parameters.RequestBody.class);
            if (documented != null) {
                for (var content : documented.content()) {
                    types.add(content.schema().implementation());
                }
            }
        }
        return types;
    }

    /** The application's own classes reachable from a body type: the type, its generic arguments, record components. */
    private static void collect(Type type, Map<String, Set<String>> classesByName, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), classesByName, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, classesByName, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> type1) || !seen.add(type1)) {
            return;
        }
        Class<?> cls = type1.isArray() ? type1.getComponentType() : type1;
        if (!cls.getName().startsWith("io.flightdeck.")) {
            return;
        }
        // the schema's name: the simple name, unless @Schema(name = ...) gives it another, as springdoc reads it
        io.swagger.v3.oas.annotations.media.Schema schema =
                cls.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String schemaName = schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
        classesByName.computeIfAbsent(schemaName, name -> new java.util.TreeSet<>()).add(cls.getName());
        if (cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                collect(component.getGenericType(), classesByName, seen);
            }
        }
    }

    /** The document as the application serves it, written to {@code target/openapi/openapi.json}. */
    private Path document() throws IOException {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        Path document = Path.of("target/openapi/openapi.json");
        Files.createDirectories(document.getParent());
        Files.writeString(document, Json.body(docs), StandardCharsets.UTF_8);
        return document;
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
