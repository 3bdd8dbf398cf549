package io.flightdeck.mcp.client;

import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.flightdeck.mcp.client.McpConnectionView.McpServerTool;
import org.slf4j.LoggerFactory;

/**
 * Flightdeck's MCP client as the official conformance suite's client scenarios run it
 * ({@code npx conformance client --command ...}, see McpConformanceClientTests): the suite starts a test server, runs
 * this with the server's address as the last argument and the scenario in {@code MCP_CONFORMANCE_SCENARIO}, then
 * judges what reached its server. It does what Flightdeck does, with no database: {@link McpServerCheck} (initialize,
 * list the tools, close) and {@link McpToolCall} (initialize, call one tool, close). The exit code says whether
 * Flightdeck's side saw the outcome it expects; the suite's checks say whether the server saw a conforming client.
 */
public final class ConformanceClient {

    private ConformanceClient() {
    }

    public static void main(String[] args) {
        // no Spring here to configure logging: logback's default is DEBUG for everything, which buries the outcome
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        if (args.length == 0) {
            System.err.println("Usage: ConformanceClient <server url> (scenario in MCP_CONFORMANCE_SCENARIO)");
            System.exit(2);
        }
        String url = args[args.length - 1];
        String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "");
        System.exit(run(scenario, url) ? 0 : 1);
    }

    static boolean run(String scenario, String url) {
        McpServerCheck.Outcome checked = new McpServerCheck().check(url, null);
        System.out.println("check: " + checked);
        if (!(checked instanceof McpServerCheck.Reached reached)) {
            return false;
        }
        return switch (scenario) {
            case "initialize" -> true;
            case "tools_call" -> answered(call(url, "add_numbers", Map.of("a", 2, "b", 3)));
            // what an admin can do with any server: call each tool it lists (none of the suite's others take arguments)
            default -> reached.tools().stream().map(McpServerTool::name).map(tool -> call(url, tool, Map.of()))
                    .toList().stream().allMatch(ConformanceClient::answered); // toList: every tool called, even after a miss
        };
    }

    private static McpToolCall.Outcome call(String url, String tool, Map<String, Object> arguments) {
        McpToolCall.Outcome outcome = new McpToolCall().call(url, null, tool, arguments, UUID.randomUUID().toString());
        System.out.println("call " + tool + ": " + outcome);
        return outcome;
    }

    private static boolean answered(McpToolCall.Outcome outcome) {
        return outcome instanceof McpToolCall.Answered answered && !answered.toolError();
    }
}
