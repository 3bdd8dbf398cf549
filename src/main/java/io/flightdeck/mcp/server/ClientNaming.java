package io.flightdeck.mcp.server;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.flightdeck.mcp.calls.AssistantCalls;
import io.flightdeck.mcp.calls.AssistantClient;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet at {@code /mcp}: the SDK's stateless transport, with one thing noted on the way. A stateless server
 * hears the client's name and version only in {@code initialize}, and later calls may reach any node, so this reads
 * the body of each POST first and, for an initialize, stores the client for the caller; the transport then reads the
 * same bytes. Bodies over the transport's limit are passed on unread, for it to refuse.
 */
final class ClientNaming extends HttpServlet {

    private final HttpServletStatelessServerTransport transport;
    private final ObjectProvider<McpStatelessSyncServer> server;
    private final ObjectProvider<AssistantCalls> calls;
    private final JsonMapper json;
    private final int maxBody;

    /**
     * The server and the calls' record are looked up on the first request, not when the servlet is registered: the
     * servlet is made while the web server is created, before the application's other beans, and the server pulls in
     * every module's tools (and their services' settings) with it.
     */
    ClientNaming(HttpServletStatelessServerTransport transport, ObjectProvider<McpStatelessSyncServer> server,
            ObjectProvider<AssistantCalls> calls, JsonMapper json, int maxBody) {
        this.transport = transport;
        this.server = server;
        this.calls = calls;
        this.json = json;
        this.maxBody = maxBody;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        transport.init(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException,
            IOException {
        server.getObject(); // built once: building it hands the transport its handler
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > maxBody) {
            transport.service(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBody + 1);
        noteClient(body);
        transport.service(new Replayed(request, body), response);
    }

    private void noteClient(byte[] body) {
        // every tool call passes here: parse only a body that can be an initialize
        if (!new String(body, StandardCharsets.UTF_8).contains("\"initialize\"")) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (RuntimeException unreadable) {
            return; // the transport answers malformed JSON with the protocol's parse error
        }
        if (message.isObject() && "initialize".equals(message.path("method").asString(""))) {
            JsonNode info = message.path("params").path("clientInfo");
            String name = info.path("name").asString("");
            if (!name.isBlank()) {
                String version = info.path("version").asString("");
                calls.getObject().clientSeen(new AssistantClient(name, version.isBlank() ? null : version));
            }
        }
    }

    /** The request with its body read once here and served again from memory. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the body is all in memory: it is available, and read, at once
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] into, int offset, int length) {
                    return bytes.read(into, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
