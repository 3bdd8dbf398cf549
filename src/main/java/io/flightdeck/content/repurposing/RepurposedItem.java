package io.flightdeck.content.repurposing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.content.generation.RepurposeFormat;
import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One piece made from a long text: a format's variation, its text (an X thread's posts too) and its status. */
@Entity
@Table(name = "repurposed_items")
class RepurposedItem extends TenantOwnedEntity {

    private UUID sourceId;
    @Enumerated(EnumType.STRING)
    private RepurposeFormat format;
    private int variation;
    @Column(name = "body")
    private String text;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> posts = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private RepurposedStatus status = RepurposedStatus.DRAFT;
    private UUID creativeId;
    private UUID updatedBy;
    private Instant updatedAt;
    @Version
    private Long version;

    protected RepurposedItem() {
    }

    RepurposedItem(UUID sourceId, RepurposeFormat format, int variation, String text, List<String> posts, UUID actor,
            Instant now) {
        this.sourceId = sourceId;
        this.format = format;
        this.variation = variation;
        this.text = text;
        this.posts = new ArrayList<>(posts);
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    /** Moves along draft → approved → scheduled → published; anything else is refused with the moves allowed. */
    void moveTo(RepurposedStatus to, UUID actor, Instant now) {
        if (to == status) {
            return;
        }
        if (!status.next().contains(to)) {
            throw new IllegalTransition("A " + status.name().toLowerCase() + " piece cannot become "
                    + to.name().toLowerCase(), status, to.name(),
                    status.next().stream().sorted().map(RepurposedStatus::name).toList());
        }
        status = to;
        updatedBy = actor;
        updatedAt = now;
    }

    void savedAs(UUID creative, UUID actor, Instant now) {
        creativeId = creative;
        updatedBy = actor;
        updatedAt = now;
    }

    UUID getSourceId() {
        return sourceId;
    }

    RepurposeFormat getFormat() {
        return format;
    }

    String getText() {
        return text;
    }

    UUID getCreativeId() {
        return creativeId;
    }

    RepurposedItemView view() {
        return new RepurposedItemView(getId(), sourceId, format, format.channel(), variation, text, List.copyOf(posts),
                text.codePointCount(0, text.length()), status, status.next(), creativeId, updatedAt,
                version == null ? 0 : version);
    }
}
