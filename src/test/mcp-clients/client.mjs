// The official TypeScript SDK's client against Flightdeck's MCP server, for McpTypeScriptClientTests: connects over
// Streamable HTTP with a Bearer key, lists the tools, calls one with the arguments given, and prints what it got as one
// JSON document. Usage: node client.mjs <url> <bearer token> <tool> <arguments as JSON>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, token, tool, args] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: "flightdeck-tests", version: "1.0.0" });
await client.connect(transport);
const tools = await client.listTools();
// callTool validates structuredContent against the tool's outputSchema (the SDK's own check)
const result = await client.callTool({ name: tool, arguments: JSON.parse(args) });
console.log(JSON.stringify({
  protocolVersion: transport.protocolVersion ?? null,
  server: client.getServerVersion(),
  tools: tools.tools.map((t) => ({ name: t.name, annotations: t.annotations, hasOutputSchema: !!t.outputSchema })),
  result,
}));
await client.close();
