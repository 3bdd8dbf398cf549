package io.flightdeck.mcp.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One call a person asked for, of one tool of a connected MCP server, with a campaign's data: the ledger row written
 * with its idempotency key before the call leaves. The rules of its attempts live here: a call that never left is
 * tried again after a pause, up to {@link #ATTEMPTS} times; one that may have reached the server is never made again
 * but by a person ({@link #again}).
 */
@Entity
@Table(name = "mcp_tool_calls")
class ToolCall extends VersionedEntity {

    /** Attempts a call gets before it fails, when the server cannot be reached. */
    static final int ATTEMPTS = 4;
    /** The pause before each attempt after the first. */
    private static final List<Duration> PAUSES = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10));

    private UUID connectionId;
    @Column(nullable = false)
    private String connectionName;
    @Column(nullable = false, updatable = false)
    private UUID campaignId;
    @Column(nullable = false, updatable = false)
    private String tool;
    @Column(nullable = false, updatable = false)
    private String arguments;
    @Column(nullable = false, updatable = false)
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ToolCallState state;
    private int attempts;
    private Instant nextAttemptAt;
    private boolean toolError;
    private String answer;
    private String structured;
    private String reason;
    @Column(nullable = false, updatable = false)
    private UUID requestedBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;

    protected ToolCall() {
    }

    ToolCall(McpConnection connection, UUID campaignId, String tool, String arguments, UUID requestedBy, Instant now) {
        this.connectionId = connection.getId();
        this.connectionName = connection.name();
        this.campaignId = campaignId;
        this.tool = tool;
        this.arguments = arguments;
        this.idempotencyKey = "mcp-call-" + UUID.randomUUID();
        this.state = ToolCallState.WAITING;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An attempt begins: committed before the call leaves, so a crash after this point is known to be one. */
    void calling(Instant now) {
        state = ToolCallState.CALLING;
        attempts++;
        nextAttemptAt = null;
        startedAt = now;
        updatedAt = now;
    }

    /** The server answered. */
    void answered(boolean error, String text, String structuredJson, Instant now) {
        state = ToolCallState.DONE;
        toolError = error;
        answer = text;
        structured = structuredJson;
        reason = null;
        finish(now);
    }

    /** The call never left: another attempt after a pause, or failed when they are spent. Answers the next time. */
    Instant notSent(String why, Instant now) {
        reason = why;
        updatedAt = now;
        if (attempts >= ATTEMPTS) {
            state = ToolCallState.FAILED;
            reason = why + " (gave up after " + attempts + " attempts)";
            finish(now);
            return null;
        }
        state = ToolCallState.RETRYING;
        nextAttemptAt = now.plus(PAUSES.get(Math.min(attempts, PAUSES.size()) - 1));
        return nextAttemptAt;
    }

    /**
     * The server refused the call itself (an unknown tool, arguments it does not take), or it could not be made (its
     * connection removed): trying again is no use.
     */
    void refused(String why, Instant now) {
        state = ToolCallState.FAILED;
        reason = why;
        finish(now);
    }

    /** The call left and its answer was lost, or Flightdeck stopped while it was out: a person decides. */
    void inDoubt(String why, Instant now) {
        state = ToolCallState.IN_DOUBT;
        reason = why;
        finish(now);
    }

    /**
     * A person sends a failed or doubtful call again, under the same idempotency key (a server that honours it takes
     * the call once), with a new round of attempts.
     */
    void again(Instant now) {
        if (state != ToolCallState.FAILED && state != ToolCallState.IN_DOUBT) {
            throw new IllegalTransition("Only a failed call or one in doubt is made again; this one is "
                    + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), state, "call-again", List.of());
        }
        state = ToolCallState.WAITING;
        attempts = 0;
        reason = null;
        finishedAt = null;
        updatedAt = now;
    }

    private void finish(Instant now) {
        nextAttemptAt = null;
        finishedAt = now;
        updatedAt = now;
    }

    ToolCallState state() {
        return state;
    }

    UUID connectionId() {
        return connectionId;
    }

    UUID campaignId() {
        return campaignId;
    }

    String tool() {
        return tool;
    }

    String arguments() {
        return arguments;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String connectionName() {
        return connectionName;
    }

    ToolCallView view() {
        return new ToolCallView(getId(), campaignId, connectionId, connectionName, tool, arguments, idempotencyKey, state,
                attempts, nextAttemptAt, toolError, answer, structured, reason, requestedBy, createdAt, startedAt,
                finishedAt);
    }
}
