package io.flightdeck.mcp.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.flightdeck.mcp.calls.AssistantCalls;
import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.links.LinkKeys;
import io.flightdeck.shared.ratelimit.RateLimits;
import io.flightdeck.shared.security.PublicPaths;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.swagger.v3.core.converter.ModelConverter;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server: stateless Streamable HTTP at {@code /mcp} (each POST is answered on its own, nothing kept between
 * requests, so any node answers any request behind a load balancer), in the API's security chain, so a request
 * carries a personal API key or an access token and runs in the caller's workspace with their role. The tools'
 * handlers run on the request's own thread, where that sign-in and the workspace scope are. A browser page on
 * another origin is refused (the DNS-rebinding defence the transport specification asks for): only the origins in
 * {@code flightdeck.mcp.allowed-origins} and the app's own base URL may send one.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    static final String PATH = "/mcp";
    /** The largest JSON-RPC message accepted, in bytes: a tool call with a long text fits many times over. */
    static final int MAX_REQUEST = 1024 * 1024;

    @Bean
    HttpServletStatelessServerTransport mcpTransport(@Value("${flightdeck.base-url:}") String baseUrl,
            @Value("${flightdeck.mcp.allowed-origins:}") List<String> allowedOrigins) {
        List<String> origins = new ArrayList<>(allowedOrigins.stream().filter(o -> !o.isBlank()).toList());
        if (!baseUrl.isBlank()) {
            origins.add(baseUrl.replaceAll("(https?://[^/]+).*", "$1"));
        }
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(mcpJson())
                .messageEndpoint(PATH)
                .securityValidator(DefaultServerTransportSecurityValidator.builder().allowedOrigins(origins).build())
                .maxRequestSize(MAX_REQUEST)
                .build();
    }

    @Bean
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<AssistantTool> tools,
            JsonMapper json, Validator validator, List<ModelConverter> converters, TransactionTemplate transactions,
            IdempotencyKeys idempotency, LinkKeys keys, AssistantLimits.Source limits, AssistantCalls calls, Clock clock,
            RateLimits rateLimits,
            @Value("${flightdeck.mcp.calls-per-minute:120}") int callsPerMinute,
            @Value("${flightdeck.mcp.writes-per-minute:30}") int writesPerMinute) {
        Map<String, AssistantTool> byName = tools.stream()
                .collect(Collectors.toMap(AssistantTool::name, Function.identity()));
        ToolAccess access = new ToolAccess(byName, limits);
        WriteCalls writes = new WriteCalls(json, transactions, idempotency,
                keys.tokens("flightdeck:mcp-confirmations", WriteCalls.LIFETIME), clock);
        ToolSpecs specs = new ToolSpecs(json, validator, new ToolSchemas(converters), access,
                new CallLimits(rateLimits, callsPerMinute, writesPerMinute), writes, calls);
        return McpServer.sync(transport)
                .serverInfo("flightdeck", "1")
                .instructions("Flightdeck plans, approves, publishes and measures marketing campaigns. You act as the "
                        + "person whose key you hold, in their workspace, with their role: list before you get, and "
                        + "use the ids the lists answer. Every change is previewed: call a tool that writes with dryRun: "
                        + "true, show the person what would change, and confirm only with their agreement.")
                .jsonMapper(mcpJson())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).build())
                .immediateExecution(true)
                .addToolFilter(access)
                .tools(tools.stream().sorted(Comparator.comparing(AssistantTool::name)).map(specs::of).toList())
                .resourceTemplates(new ToolResources(byName, access, json).specifications())
                .prompts(Prompts.specifications())
                .build();
    }

    /**
     * The servlet at /mcp. It is made with the web server, before the other beans, so it takes the server lazily (see
     * {@link ClientNaming}): taken here, every tool's services would be made before their settings are all known.
     */
    @Bean
    ServletRegistrationBean<ClientNaming> mcpServlet(HttpServletStatelessServerTransport transport,
            ObjectProvider<McpStatelessSyncServer> server, ObjectProvider<AssistantCalls> calls, JsonMapper json) {
        ServletRegistrationBean<ClientNaming> registration =
                new ServletRegistrationBean<>(new ClientNaming(transport, server, calls, json, MAX_REQUEST), PATH);
        registration.setName("mcp");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    static PublicPaths mcpMetadataPaths() {
        return PublicPaths.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/**");
    }

    /**
     * The SDK's own mapper. The transport writes a refused request's error (malformed JSON, a wrong Accept header) by
     * serialising the exception itself, which Jackson would do with its stack trace: an exception is written as its
     * message and code only.
     */
    private static McpJsonMapper mcpJson() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().addMixIn(Throwable.class, ErrorWithoutTrace.class).build());
    }

    @JsonIgnoreProperties({"stackTrace", "suppressed", "cause", "localizedMessage"})
    private abstract static class ErrorWithoutTrace {
    }
}
