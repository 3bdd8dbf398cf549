package io.flightdeck.mcp.calls;

/** The client an assistant runs in, as its initialize named it: Claude Desktop, Cursor, an SDK's own client. */
public record AssistantClient(String name, String version) {

    public String label() {
        return version == null || version.isBlank() ? name : name + " " + version;
    }
}
