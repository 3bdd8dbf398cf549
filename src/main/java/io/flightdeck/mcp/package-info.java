/**
 * Flightdeck for AI assistants over the Model Context Protocol: a stateless Streamable HTTP server at {@code /mcp}
 * (any node answers any request), signed in with a personal API key or an access token as for the API. The tools
 * come from the modules: each contributes its own as {@link io.flightdeck.shared.assistant.AssistantTool} beans on
 * the services its REST controller uses, so a call is checked and validated exactly as the API call is. Nothing
 * outside calls this module; it publishes {@link io.flightdeck.mcp.McpConnectionHealthChanged} when a connected
 * server breaks or answers again, which the notifications module tells the admins of.
 * <p>
 * Inside: {@code server} (the transport, the server, tool specifications and schemas), {@code calls} (what assistants
 * did), {@code client} (Flightdeck as an MCP client: outside MCP servers an admin connects, each checked with the SDK's
 * client and its tools listed, by hand or by the recurring health watch; their tools called with a campaign's data
 * through the ledger {@code mcp_tool_calls}, which is why this module reads campaigns) and {@code web} (the protected
 * resource metadata of RFC 9728, the assistants, MCP servers and connected tools pages and their API).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistants (MCP)", allowedDependencies = {"shared", "campaigns"})
package io.flightdeck.mcp;
