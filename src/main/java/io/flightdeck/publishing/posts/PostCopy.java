package io.flightdeck.publishing.posts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a post on a channel sends: its text, first comment and media, and the creative revision they come from, which
 * the content review approves (the text is never null, so Hibernate never reads the whole piece as null). A value:
 * an edit makes a new one.
 */
@Embeddable
class PostCopy {

    @Column(name = "text", nullable = false)
    private String text;
    @Column(name = "first_comment")
    private String firstComment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "media_asset_ids", nullable = false)
    private List<UUID> mediaAssetIds = new ArrayList<>();
    @Column(name = "creative_id")
    private UUID creativeId;
    @Column(name = "creative_revision")
    private Integer creativeRevision;
    // the network's own choices (a Reel, TikTok's privacy level): they change what goes out, so they travel with it;
    // null in rows written before there were any
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "network_options")
    private Map<String, String> networkOptions = new LinkedHashMap<>();

    protected PostCopy() {
    }

    PostCopy(String text, String firstComment, List<UUID> mediaAssetIds, UUID creativeId, Integer creativeRevision) {
        this(text, firstComment, mediaAssetIds, creativeId, creativeRevision, Map.of());
    }

    PostCopy(String text, String firstComment, List<UUID> mediaAssetIds, UUID creativeId, Integer creativeRevision,
            Map<String, String> networkOptions) {
        this.text = text;
        this.firstComment = firstComment;
        this.mediaAssetIds = new ArrayList<>(mediaAssetIds);
        this.creativeId = creativeId;
        this.creativeRevision = creativeRevision;
        this.networkOptions = new LinkedHashMap<>(networkOptions);
    }

    /** The same words and media, from this creative revision: when scheduled, and when the creative's copy changes. */
    PostCopy from(UUID creative, Integer revision) {
        return new PostCopy(text, firstComment, mediaAssetIds, creative, revision, networkOptions());
    }

    /** New words or media, from the same creative. */
    PostCopy edited(String newText, String newFirstComment, List<UUID> newMedia) {
        return new PostCopy(newText, newFirstComment, newMedia, creativeId, creativeRevision, networkOptions());
    }

    /** The same words and media with these choices for the network. */
    PostCopy withOptions(Map<String, String> options) {
        return new PostCopy(text, firstComment, mediaAssetIds, creativeId, creativeRevision, options);
    }

    /** Never null; empty when the post makes no choices. */
    Map<String, String> networkOptions() {
        return networkOptions == null ? Map.of() : networkOptions;
    }

    String text() {
        return text;
    }

    /** Null when the post has none. */
    String firstComment() {
        return firstComment;
    }

    List<UUID> mediaAssetIds() {
        return mediaAssetIds;
    }

    /** Null for a post written without a creative. */
    UUID creativeId() {
        return creativeId;
    }

    /** Null for a post written without a creative. */
    Integer creativeRevision() {
        return creativeRevision;
    }
}
