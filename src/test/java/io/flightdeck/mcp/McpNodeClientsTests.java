package io.flightdeck.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.NpmPackages;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server through clients nobody here wrote, from npm (pinned in {@code src/test/mcp-clients}): the official
 * TypeScript SDK's client lists the tools and reads structured output (checked by that SDK against the output schema),
 * and the official conformance suite's server scenarios that need none of its own test tools pass. The suite sends no
 * credentials, so it talks to a small proxy here that adds a test member's Bearer token, as docs/mcp.md says.
 */
@FlightdeckTest
class McpNodeClientsTests {

    private static final Path FOLDER = Path.of("src", "test", "mcp-clients");
    /** The suite's scenarios that depend only on the protocol, not on its fixture tools, resources or prompts. */
    private static final List<String> SCENARIOS = List.of("server-initialize", "ping", "tools-list", "resources-list",
            "prompts-list");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void theTypeScriptSdksClientListsTheToolsAndReadsStructuredOutput() {
        NpmPackages.require(FOLDER, "node_modules/@modelcontextprotocol/sdk/package.json", "the MCP client tests");
        Member owner = workspaces.workspace("MCP from TypeScript");
        campaigns.create(owner, "Harbour festival");
        String out = node(List.of("node", "client.mjs", "http://localhost:" + port + "/mcp", owner.token(),
                "list_campaigns", "{\"q\":\"harbour\"}"));
        Object document = JsonPath.parse(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no answer from the client:\n" + out))).json();
        assertThat(JsonPath.<List<String>>read(document, "$.tools[*].name")).contains("list_campaigns", "get_campaign");
        assertThat(JsonPath.<List<Boolean>>read(document, "$.tools[*].hasOutputSchema")).containsOnly(true);
        assertThat(JsonPath.<List<Object>>read(document,
                "$.tools[?(@.name == 'list_campaigns')].annotations.readOnlyHint")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(document, "$.result.structuredContent.items[*].name"))
                .containsExactly("Harbour festival");
        assertThat(JsonPath.<String>read(document, "$.result.content[0].text")).contains("Harbour festival");
    }

    @Test
    void theConformanceSuitesProtocolScenariosPass() throws IOException {
        NpmPackages.require(FOLDER, "node_modules/@modelcontextprotocol/conformance/package.json",
                "the MCP conformance tests");
        Member owner = workspaces.workspace("MCP conformance");
        HttpServer proxy = keyAddingProxy(owner.bearer());
        try {
            String url = "http://localhost:" + proxy.getAddress().getPort() + "/mcp";
            for (String scenario : SCENARIOS) {
                String out = node(List.of("node", "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                        "server", "--url", url, "--scenario", scenario));
                // the suite exits 1 on any failed check (checked in node()); every check counted passed
                assertThat(out).as(scenario).containsPattern("Passed: (\\d+)/\\1, 0 failed");
            }
        } finally {
            proxy.stop(0);
        }
    }

    /** Forwards every request to /mcp with the Authorization header added, the answer back as it came. */
    private HttpServer keyAddingProxy(String bearer) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        proxy.createContext("/mcp", exchange -> forward(http, exchange, bearer));
        proxy.start();
        return proxy;
    }

    private void forward(HttpClient http, HttpExchange exchange, String bearer) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()))
                    .header("Authorization", bearer);
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                String name = header.getKey();
                if (List.of("host", "content-length", "connection", "authorization").contains(name.toLowerCase())) {
                    continue;
                }
                header.getValue().forEach(value -> request.header(name, value));
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!List.of("content-length", "transfer-encoding", ":status").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String node(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(FOLDER.toFile())
                    .redirectErrorStream(true).start();
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
