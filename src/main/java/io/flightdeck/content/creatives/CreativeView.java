package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import org.jspecify.annotations.Nullable;

/**
 * A creative as the API answers it.
 *
 * @param strategyVersion     the strategy version it was made from; null when the campaign had none
 * @param staleAgainstVersion the newer strategy version it has not caught up with; null when it is up to date
 * @param revision            counts every change of what it would post; a post records the revision it carries
 * @param channelTexts        a network's own text where a person wrote one, in place of the caption and hashtags
 * @param imageVariants       the rendered sizes of the current image; empty when it was not rendered here
 */
public record CreativeView(UUID id, UUID campaignId, String title, @Nullable String topic, CreativeMode mode,
        CreativeStatus status, Set<Channel> channels, @Nullable Integer strategyVersion,
        @Nullable Integer staleAgainstVersion, List<Part> components, boolean deleted, UUID createdBy,
        Instant createdAt, Instant updatedAt, long version, int revision, Map<Channel, String> channelTexts,
        List<UUID> imageVariants) {

    public boolean stale() {
        return staleAgainstVersion != null;
    }

    /** The same creative with other parts (the editor's unsaved texts, for its live preview). */
    public CreativeView withParts(List<Part> parts) {
        return new CreativeView(id, campaignId, title, topic, mode, status, channels, strategyVersion,
                staleAgainstVersion, parts, deleted, createdBy, createdAt, updatedAt, version, revision, channelTexts,
                imageVariants);
    }

    public Part part(ComponentKind kind) {
        return components.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }

    /** The text parts the editor shows: those its channels use, and any other that has text. */
    public List<Part> textParts() {
        List<ComponentKind> used = CreativeParts.textKindsFor(channels);
        return components.stream().filter(p -> p.kind().isText() && (used.contains(p.kind()) || !p.empty())).toList();
    }

    /**
     * One part of the creative.
     *
     * @param currentVersion       the version shown; null while the part is empty
     * @param edited               a person wrote the current text (a regeneration never replaces it)
     * @param changedSinceApproval the current version is not the one last approved
     */
    public record Part(ComponentKind kind, @Nullable Integer currentVersion, @Nullable String text,
            @Nullable UUID assetId, @Nullable VersionOrigin origin, boolean locked, boolean edited, boolean stale,
            int versionCount, boolean changedSinceApproval) {

        public boolean empty() {
            return currentVersion == null || (text == null || text.isBlank()) && assetId == null;
        }
    }
}
