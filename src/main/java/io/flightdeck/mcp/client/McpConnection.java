package io.flightdeck.mcp.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.mcp.McpConnectionHealthChanged;
import io.flightdeck.mcp.client.McpConnectionView.McpHealth;
import io.flightdeck.mcp.client.McpConnectionView.McpServerTool;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An outside MCP server an admin connected: its address, the bearer secret it wants (encrypted with
 * {@link io.flightdeck.shared.crypto.SecretCipher}, or none), and what the last check found. A check that reached the
 * server replaces the tools snapshot; one that did not keeps the last snapshot and says what went wrong, in words.
 */
@Entity
@Table(name = "mcp_connections")
class McpConnection extends VersionedEntity {

    /** The ending shown only for a secret at least this long: four characters of a short one give too much away. */
    static final int SHOWN_ENDING_FROM = 16;

    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String url;
    /** Encrypted; null when the server wants no secret. */
    private String secret;
    private String secretEnding;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private McpHealth health;
    private Instant checkedAt;
    private String lastError;
    private String serverName;
    private String serverVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<McpServerTool> tools = new ArrayList<>();
    private Instant toolsListedAt;
    @Column(nullable = false, updatable = false)
    private UUID createdBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected McpConnection() {
    }

    McpConnection(String name, String url, String encryptedSecret, String plainSecret, UUID createdBy, Instant now) {
        this.name = name;
        this.url = url;
        this.health = McpHealth.UNTESTED;
        useSecret(encryptedSecret, plainSecret);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new name and address. Another address is another server: what the last check found no longer applies, so the
     * connection is untested again and its snapshot goes.
     */
    void change(String newName, String newUrl, Instant now) {
        if (!newUrl.equals(url)) {
            url = newUrl;
            untested();
            serverName = null;
            serverVersion = null;
            tools = new ArrayList<>();
            toolsListedAt = null;
        }
        name = newName;
        updatedAt = now;
    }

    /** Another secret, or none ({@code null}); the same server, so its snapshot stays, but the check must be redone. */
    void replaceSecret(String encryptedSecret, String plainSecret, Instant now) {
        useSecret(encryptedSecret, plainSecret);
        untested();
        updatedAt = now;
    }

    /**
     * The check reached the server: its name, version and tools as it listed them now. Answering again after it was
     * broken (or for the first time) is a change the notifications module hears: it settles the alarm it raised.
     * {@code checkedBy} is the admin who asked, null for the automatic check.
     */
    void reached(String newServerName, String newServerVersion, List<McpServerTool> listed, UUID checkedBy, Instant now) {
        if (health != McpHealth.HEALTHY) {
            registerEvent(new McpConnectionHealthChanged(getTenantId(), getId(), name, McpHealth.HEALTHY.name(), null,
                    checkedBy, now));
        }
        health = McpHealth.HEALTHY;
        checkedAt = now;
        lastError = null;
        serverName = newServerName;
        serverVersion = newServerVersion;
        tools = new ArrayList<>(listed);
        toolsListedAt = now;
        updatedAt = now;
    }

    /**
     * The check did not get through; the last snapshot stays, dated by {@code toolsListedAt}. Only the change to broken
     * is told (the admins hear it once), not every check that finds it still broken.
     */
    void broken(String error, UUID checkedBy, Instant now) {
        if (health != McpHealth.BROKEN) {
            registerEvent(new McpConnectionHealthChanged(getTenantId(), getId(), name, McpHealth.BROKEN.name(), error,
                    checkedBy, now));
        }
        health = McpHealth.BROKEN;
        checkedAt = now;
        lastError = error;
        updatedAt = now;
    }

    /**
     * Whether a check that reached the server found just what the last one did (the same server, version and tools),
     * so that only the times move.
     */
    boolean reachedAgain(String foundServerName, String foundServerVersion, List<McpServerTool> listed) {
        return health == McpHealth.HEALTHY && Objects.equals(serverName, foundServerName)
                && Objects.equals(serverVersion, foundServerVersion) && Objects.equals(tools, listed);
    }

    /** Whether a check that failed failed as the last one did, in the same words. */
    boolean brokenAgain(String error) {
        return health == McpHealth.BROKEN && Objects.equals(lastError, error);
    }

    private void useSecret(String encryptedSecret, String plainSecret) {
        secret = encryptedSecret;
        secretEnding = plainSecret != null && plainSecret.length() >= SHOWN_ENDING_FROM
                ? plainSecret.substring(plainSecret.length() - 4) : null;
    }

    private void untested() {
        health = McpHealth.UNTESTED;
        checkedAt = null;
        lastError = null;
    }

    McpConnectionView view() {
        return new McpConnectionView(getId(), name, url, secret != null, secretEnding, health, checkedAt, lastError,
                serverName, serverVersion, toolsListedAt, tools == null ? List.of() : List.copyOf(tools), createdAt, updatedAt, version);
    }

    String url() {
        return url;
    }

    String name() {
        return name;
    }

    /** The tools of the last check that reached the server. */
    List<McpServerTool> tools() {
        return tools == null ? List.of() : tools;
    }

    Instant toolsListedAt() {
        return toolsListedAt;
    }

    /** Encrypted, or null. */
    String secret() {
        return secret;
    }

    long version() {
        return version;
    }
}
