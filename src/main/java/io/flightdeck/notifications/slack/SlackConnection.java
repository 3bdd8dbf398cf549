package io.flightdeck.notifications.slack;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A workspace's Slack, one at most: the app installed (a bot token, which can message members and update what it
 * posted), or an incoming webhook (posts to the one channel it was made for, nothing else). Secrets are stored
 * encrypted ({@link io.flightdeck.shared.crypto.SecretCipher}); the caller encrypts and decrypts.
 */
@Entity
@Table(name = "slack_connections")
class SlackConnection extends TenantOwnedEntity {

    @Column(name = "team_id")
    private String teamId;
    @Column(name = "team_name")
    private String teamName;
    @Column(name = "bot_user_id")
    private String botUserId;
    @Column(name = "bot_token")
    private String botToken;
    @Column(name = "webhook_url")
    private String webhookUrl;
    @Column(name = "webhook_channel")
    private String webhookChannel;
    @Column(name = "connected_by", nullable = false)
    private UUID connectedBy;
    @Column(name = "connected_at", nullable = false)
    private Instant connectedAt;
    @Version
    private long version;

    protected SlackConnection() {
    }

    SlackConnection(UUID connectedBy, Instant now) {
        this.connectedBy = connectedBy;
        this.connectedAt = now;
    }

    /** The app installed: the bot, and the webhook the install made when one was asked for. */
    void installed(String team, String name, String botUser, String encryptedToken, String encryptedWebhook,
            String channel, UUID by, Instant now) {
        teamId = team;
        teamName = name;
        botUserId = botUser;
        botToken = encryptedToken;
        webhookUrl = encryptedWebhook;
        webhookChannel = channel;
        connectedBy = by;
        connectedAt = now;
    }

    /** An incoming webhook instead of the app: the bot's token is dropped, its members' links stay for later. */
    void webhook(String encryptedWebhook, String channel, UUID by, Instant now) {
        teamId = null;
        teamName = null;
        botUserId = null;
        botToken = null;
        webhookUrl = encryptedWebhook;
        webhookChannel = channel;
        connectedBy = by;
        connectedAt = now;
    }

    boolean hasBot() {
        return botToken != null;
    }

    String teamId() {
        return teamId;
    }

    String teamName() {
        return teamName;
    }

    String botToken() {
        return botToken;
    }

    String webhookUrl() {
        return webhookUrl;
    }

    String webhookChannel() {
        return webhookChannel;
    }

    UUID connectedBy() {
        return connectedBy;
    }

    Instant connectedAt() {
        return connectedAt;
    }
}
