package io.flightdeck.mcp.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.mcp.client.McpToolCall.Answered;
import io.flightdeck.mcp.client.McpToolCall.NotSent;
import io.flightdeck.mcp.client.McpToolCall.Outcome;
import io.flightdeck.mcp.client.McpToolCall.Refused;
import io.flightdeck.mcp.client.McpToolCall.Unknown;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.jobs.CrashHold;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt of one tool call, in three steps: begin (committed as CALLING, the address and secret read), the call
 * outside any transaction, and record (done, another attempt, in doubt or failed). A run that finds its call CALLING
 * was cut off by a crash after the call may have left: the call is put in doubt for a person, never made again on
 * its own, so no tool runs twice unseen.
 * <p>
 * {@code flightdeck.mcp.tool-call-hold-at} ({@code before-call}, {@code after-call}) holds a runner thread for the
 * crash test ({@link CrashHold}); never set in production.
 */
@Component
class ToolCallRunner {

    static final Set<String> BOUNDARIES = Set.of("before-call", "after-call");

    private final ToolCallRepository calls;
    private final McpConnectionRepository connections;
    private final McpToolCall mcp;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CrashHold hold;

    /** What an attempt needs once its transaction has ended. */
    private record Attempt(String url, String secret, String tool, Map<String, Object> arguments, String key) {
    }

    ToolCallRunner(ToolCallRepository calls, McpConnectionRepository connections, McpToolCall mcp, SecretCipher cipher,
            TransactionTemplate tx, Clock clock, @Value("${flightdeck.mcp.tool-call-hold-at:}") String holdAt) {
        this.calls = calls;
        this.connections = connections;
        this.mcp = mcp;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.mcp.tool-call-hold-at", holdAt, BOUNDARIES);
    }

    /** Makes the call's attempt that is due; answers when the next one is, or empty when the call is settled. */
    Optional<Instant> step(UUID callId) {
        Attempt attempt = tx.execute(status -> begin(callId));
        if (attempt == null) {
            return Optional.empty();
        }
        hold.reached("before-call", "tool call " + callId);
        Outcome outcome = mcp.call(attempt.url(), attempt.secret(), attempt.tool(), attempt.arguments(), attempt.key());
        hold.reached("after-call", "tool call " + callId);
        return Optional.ofNullable(tx.execute(status -> record(callId, outcome)));
    }

    /** When the job gives up on a run that kept throwing: the call may have left, so it waits for a person. */
    void giveUp(UUID callId, String cause) {
        tx.executeWithoutResult(status -> calls.findById(callId).filter(c -> c.state().open())
                .ifPresent(c -> c.inDoubt("Flightdeck could not finish the call (" + cause + "); it may have reached "
                        + "the server", clock.instant())));
    }

    private Attempt begin(UUID callId) {
        ToolCall call = calls.findById(callId).orElse(null);
        if (call == null || !call.state().open()) {
            return null;
        }
        Instant now = clock.instant();
        if (call.state() == ToolCallState.CALLING) {
            call.inDoubt("Flightdeck stopped while the call was out: it may have reached the server. Check there, "
                    + "then make it again if it did not", now);
            return null;
        }
        McpConnection connection = call.connectionId() == null ? null
                : connections.findById(call.connectionId()).orElse(null);
        if (connection == null) {
            call.refused("Not called: the connection to " + call.connectionName() + " was removed", now);
            return null;
        }
        call.calling(now);
        Map<String, Object> arguments;
        try {
            arguments = McpJsonDefaults.getMapper().readValue(call.arguments(), new TypeRef<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("Tool call " + callId + " keeps arguments that are not JSON", e);
        }
        return new Attempt(connection.url(), connection.secret() == null ? null : cipher.decrypt(connection.secret()),
                call.tool(), arguments, call.idempotencyKey());
    }

    private Instant record(UUID callId, Outcome outcome) {
        ToolCall call = calls.findById(callId).orElseThrow();
        Instant now = clock.instant();
        if (outcome instanceof Answered answered) {
            call.answered(answered.toolError(), answered.text(), answered.structured(), now);
        } else if (outcome instanceof Refused refused) {
            call.refused(refused.error(), now);
        } else if (outcome instanceof NotSent notSent) {
            return call.notSent(notSent.error(), now);
        } else if (outcome instanceof Unknown unknown) {
            call.inDoubt(unknown.error() + " The call may have reached the server.", now);
        }
        return null;
    }
}
