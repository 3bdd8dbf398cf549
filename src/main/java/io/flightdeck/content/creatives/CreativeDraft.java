package io.flightdeck.content.creatives;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;

/**
 * A new creative. With mode AI the generator writes every text part the channels need (the texts given here are
 * kept instead, as a person's); with MANUAL only the given texts are filled in.
 *
 * @param channels empty for the campaign's own channels
 * @param texts    parts a person wrote, by kind (text kinds only)
 * @param provider the generator to write with; null for the workspace's default
 */
public record CreativeDraft(UUID campaignId, String title, String topic, Set<Channel> channels, CreativeMode mode,
        Map<ComponentKind, String> texts, UUID imageAssetId, UUID videoAssetId, String provider, String model) {

    public CreativeDraft {
        channels = channels == null ? Set.of() : channels;
        texts = texts == null ? Map.of() : texts;
        mode = mode == null ? CreativeMode.AI : mode;
    }
}
