package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;

/**
 * What a creative says, and the rules across its parts: which parts a creative has, the editor's save over several
 * parts, a network's own text in place of the caption and hashtags, whether there is anything to review, and the mode
 * the parts' authors give the creative. It works on the creative's own collections, which only the creative hands
 * out; the rules of one part are {@link CreativeComponent}'s.
 */
final class CreativeParts {

    private final List<CreativeComponent> components;
    private final Set<Channel> channels;
    private final Map<Channel, String> channelTexts;

    CreativeParts(List<CreativeComponent> components, Set<Channel> channels, Map<Channel, String> channelTexts) {
        this.components = components;
        this.channels = channels;
        this.channelTexts = channelTexts;
    }

    /** Every kind of part, each empty: a creative has them all, and shows the ones its channels use. */
    static List<CreativeComponent> empty() {
        List<CreativeComponent> all = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            all.add(new CreativeComponent(kind));
        }
        return all;
    }

    /** The text parts a creative for these channels has: a script only where video is the format. */
    static List<ComponentKind> textKindsFor(Set<Channel> channels) {
        List<ComponentKind> kinds = new ArrayList<>(List.of(ComponentKind.CAPTION, ComponentKind.HASHTAGS,
                ComponentKind.HEADLINE, ComponentKind.CTA));
        if (channels.contains(Channel.TIKTOK) || channels.contains(Channel.YOUTUBE)) {
            kinds.add(ComponentKind.SCRIPT);
        }
        return kinds;
    }

    CreativeComponent of(ComponentKind kind) {
        return components.stream().filter(c -> c.getKind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + " among the creative's parts"));
    }

    /**
     * The editor's save: each text part whose text differs from its current one gets a new version; parts that are
     * not text, and those left out (null), stay as they are.
     *
     * @return the parts that changed
     */
    List<ComponentKind> writeTexts(Map<ComponentKind, String> texts, UUID author, Integer strategyVersion, Instant now) {
        List<ComponentKind> changed = new ArrayList<>();
        texts.forEach((kind, text) -> {
            if (kind.isText() && text != null && of(kind).writeIfChanged(text, author, strategyVersion, now)) {
                changed.add(kind);
            }
        });
        return changed;
    }

    /**
     * A network's own text (null or blank: the network takes the caption and hashtags again). Written for a network, the
     * creative is for that network.
     *
     * @return whether the text differs from what the network had
     */
    boolean writeChannelText(Channel channel, String text) {
        String clean = text == null || text.isBlank() ? null : text.strip();
        if (Objects.equals(clean, channelTexts.get(channel))) {
            return false;
        }
        if (clean == null) {
            channelTexts.remove(channel);
        } else {
            channels.add(channel);
            channelTexts.put(channel, clean);
        }
        return true;
    }

    boolean isEmpty() {
        return components.stream().allMatch(CreativeComponent::isEmpty);
    }

    /** The words in the text parts, as the approval shows the reviewer's load. */
    int wordCount() {
        return components.stream().filter(c -> c.getKind().isText() && c.getText() != null)
                .mapToInt(c -> c.getText().strip().isEmpty() ? 0 : c.getText().strip().split("\\s+").length).sum();
    }

    /** AI, manual or hybrid, from who wrote the text parts that have text. */
    CreativeMode mode() {
        return VersionOrigin.modeOf(components.stream().filter(c -> c.getKind().isText() && !c.isEmpty())
                .map(CreativeComponent::getCurrentOrigin).toList());
    }

    /** Marks the texts made from a strategy version older than {@code strategyVersion}. */
    void markStale(int strategyVersion) {
        components.forEach(c -> c.markStale(strategyVersion));
    }

    /** The parts a refresh rewrites: stale, neither locked nor a person's. */
    List<ComponentKind> refreshable() {
        return components.stream().filter(CreativeComponent::refreshable).map(CreativeComponent::getKind).toList();
    }

    /** The text parts the channels need that nobody wrote and nobody locked: what a generated creative waits for. */
    List<ComponentKind> emptyTexts() {
        return textKindsFor(channels).stream().filter(kind -> of(kind).isEmpty() && !of(kind).isLocked()).toList();
    }

    /** Each part as the API shows it, in the order of the kinds, marked where it changed since the approval. */
    List<CreativeView.Part> views(Optional<ApprovedVersions> approved) {
        return components.stream().sorted(Comparator.comparing(CreativeComponent::getKind))
                .map(c -> new CreativeView.Part(c.getKind(), c.getCurrentVersion(), c.getText(), c.getAssetId(),
                        c.getCurrentOrigin(), c.isLocked(), c.isEdited(), c.isStale(), c.getVersionCount(),
                        approved.isPresent() && approved.get().changed(c)))
                .toList();
    }
}
