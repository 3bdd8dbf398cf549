package io.flightdeck.mcp.calls;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One tool call an assistant made, written once after the call whatever its end. Like every entity it is audited, so
 * the audit log holds each call beside the changes it made, under the same request.
 */
@Entity
@Table(name = "assistant_calls")
@Immutable
class AssistantCall extends TenantOwnedEntity {

    private UUID userId;
    /** As the person was named when they called: the page lists calls without reading the members. */
    private String userName;
    private UUID apiKeyId;
    private String clientName;
    private String clientVersion;
    private String tool;
    private String argumentsDigest;
    private String outcome;
    private String detail;
    private Instant occurredAt;

    protected AssistantCall() {
    }

    AssistantCall(UUID userId, String userName, UUID apiKeyId, AssistantClient client, String tool, String argumentsDigest,
            String outcome, String detail, Instant occurredAt) {
        this.userId = userId;
        this.userName = userName;
        this.apiKeyId = apiKeyId;
        this.clientName = client == null ? null : client.name();
        this.clientVersion = client == null ? null : client.version();
        this.tool = tool;
        this.argumentsDigest = argumentsDigest;
        this.outcome = outcome;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    AssistantCallView view() {
        return new AssistantCallView(getId(), occurredAt, userId, userName, apiKeyId, clientName, clientVersion, tool,
                argumentsDigest, outcome, detail);
    }
}
