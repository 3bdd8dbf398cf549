package io.flightdeck.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.mcp.client.ConformanceClient;
import io.flightdeck.support.NpmPackages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flightdeck's MCP client (the check and the tool call, as an admin runs them) against the official conformance
 * suite's client scenarios: the suite starts its test server and runs {@link ConformanceClient} in a JVM of its own,
 * then judges what reached its server. The scenarios that apply to a client with a pasted secret and no OAuth,
 * elicitation or sampling; docs/mcp.md ("Conformance") names the others and why. No application context: nothing
 * here touches a database.
 */
class McpConformanceClientTests {

    private static final Path FOLDER = Path.of("src", "test", "mcp-clients");

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "tools_call"})
    void theConformanceSuitesClientScenarioPasses(String scenario) throws IOException {
        // the suite's own SDK, pinned below it (package.json, overrides): its tools_call server needs one before 1.26
        NpmPackages.require(FOLDER,
                "node_modules/@modelcontextprotocol/conformance/node_modules/@modelcontextprotocol/sdk/package.json",
                "the MCP conformance tests");
        String out = node(List.of("node", "node_modules/@modelcontextprotocol/conformance/dist/index.js", "client",
                "--command", clientCommand(), "--scenario", scenario, "--timeout", "30000"));
        // the suite exits 1 on a failed check, a warning or a client that exited with an error (checked in node())
        assertThat(out).as(scenario).containsPattern("Passed: ([1-9]\\d*)/\\1, 0 failed, 0 warnings")
                .contains("OVERALL: PASSED");
    }

    /**
     * A script in target/ that starts this JVM's java with this JVM's class path on {@link ConformanceClient}. The
     * suite splits its --command on spaces and appends the server's address, so the command is the script's path
     * alone, relative to the folder the suite runs in.
     */
    private static String clientCommand() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path script = Path.of("target", "conformance-client.sh").toAbsolutePath();
        Files.writeString(script, "#!/bin/sh\n# written by McpConformanceClientTests\nexec " + quoted(java)
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + quoted(System.getProperty("java.class.path")) + " "
                + ConformanceClient.class.getName() + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String command = FOLDER.toAbsolutePath().relativize(script).toString();
        assertThat(command).as("the suite splits its command on spaces").doesNotContain(" ");
        return command;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String node(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " timed out:\n" + out);
            }
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
