package io.flightdeck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.NpmPackages;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client generated from the OpenAPI document by tools nobody here wrote ({@code openapi-typescript} for the types,
 * {@code openapi-fetch} for the calls, pinned in {@code src/test/openapi-client}) compiles with TypeScript's strict
 * checks and takes a campaign round trip over real HTTP (create, read, update with If-Match, plan, list, a refused
 * launch as a problem, trash, restore: {@code roundtrip.ts}). A field or operation the document lacks fails the
 * compile; an answer the document misdescribes fails the run.
 */
@FlightdeckTest
class GeneratedClientTests {

    private static final Path CLIENT = Path.of("src/test/openapi-client");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @LocalServerPort
    int port;

    @Test
    void aGeneratedClientCompilesAndTakesACampaignRoundTrip() throws Exception {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        Path document = Path.of("target/openapi/generated-client.json").toAbsolutePath();
        Files.createDirectories(document.getParent());
        Files.writeString(document, Json.body(docs), StandardCharsets.UTF_8);

        Path bin = NpmPackages.require(CLIENT, "node_modules/.bin/tsc", "the generated client").getParent().toAbsolutePath();
        Run generate = run(List.of(bin.resolve("openapi-typescript").toString(), document.toString(), "--output",
                "generated/api.d.ts"), Map.of());
        assertThat(generate.exit()).as("openapi-typescript:%n%s", generate.output()).isZero();
        Run compile = run(List.of(bin.resolve("tsc").toString(), "--project", "tsconfig.json"), Map.of());
        assertThat(compile.exit()).as("the generated client does not compile:%n%s", compile.output()).isZero();

        TestWorkspaces.Member manager = workspaces.withoutApprovals("Generated client");
        Run roundTrip = run(List.of("node", "build/roundtrip.js"),
                Map.of("BASE_URL", "http://localhost:" + port, "TOKEN", manager.token()));
        assertThat(roundTrip.exit()).as("the round trip failed:%n%s", roundTrip.output()).isZero();
        assertThat(roundTrip.output()).contains("created, read, updated, planned, listed, refused, trashed, restored");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
