package io.flightdeck.content.creatives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.NetworkPostPreview;
import io.flightdeck.content.NetworkPostPreview.PreviewMedia;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import io.flightdeck.content.brands.BrandCheck;
import io.flightdeck.content.brands.BrandFinding;

/**
 * A creative's channel variants: for each network the post that the scheduler will send from it (the caption with the
 * hashtags the network takes, and the video or else the image), checked against the brand and the network's limit.
 * The headline, call to action and script are checked too, but are no part of the post: nothing sends them. Pure; the
 * editor calls it for every keystroke's preview, approvals for what the approver sees, the scheduler for the text.
 */
final class CreativePreviews {

    private CreativePreviews() {
    }

    /** Without the media's pictures (the files are still listed) and posted in the brand's name. */
    public static List<ChannelPreview> of(CreativeView creative, BrandVoice brand) {
        return of(creative, brand, brand.name(), Map.of());
    }

    /**
     * @param author who the post shows as posting it before an account is chosen: the brand, else the campaign
     * @param cards  the creative's image, its rendered sizes and video as the asset directory has them, for their
     *               pictures and for which size each network gets
     */
    public static List<ChannelPreview> of(CreativeView creative, BrandVoice brand, String author,
            Map<UUID, AssetCard> cards) {
        return creative.channels().stream().map(channel -> of(channel, creative, brand, author, cards)).toList();
    }

    static ChannelPreview of(Channel channel, CreativeView creative, BrandVoice brand) {
        return of(channel, creative, brand, brand.name(), Map.of());
    }

    private static ChannelPreview of(Channel channel, CreativeView creative, BrandVoice brand, String author,
            Map<UUID, AssetCard> cards) {
        PlatformLimits limits = PlatformLimits.of(channel);
        String caption = text(creative, ComponentKind.CAPTION);
        List<String> tags = hashtags(text(creative, ComponentKind.HASHTAGS));
        List<String> shown = limits.maxHashtags() > 0 && tags.size() > limits.maxHashtags()
                ? tags.subList(0, limits.maxHashtags()) : tags;
        // a network's own text (a post's copy edited for that network) is posted as written, hashtags included
        String own = creative.channelTexts().get(channel);
        String post = own != null ? own : shown.isEmpty() ? caption : caption.isEmpty() ? String.join(" ", shown)
                : caption + "\n\n" + String.join(" ", shown);
        List<BrandFinding> findings = new ArrayList<>(BrandCheck.check(post, TextKind.CAPTION, limits, brand));
        if (shown.size() < tags.size()) {
            findings.add(new BrandFinding("too-many-hashtags", false, channel.label() + " takes "
                    + limits.maxHashtags() + " hashtags; the last " + (tags.size() - shown.size()) + " are left out", null));
        }
        String headline = text(creative, ComponentKind.HEADLINE);
        if (!headline.isEmpty()) {
            BrandCheck.check(headline, TextKind.HEADLINE, limits, brand).stream()
                    .map(f -> new BrandFinding(f.code(), f.blocking(), "Headline: " + f.message(), f.excerpt()))
                    .forEach(findings::add);
        }
        String cta = text(creative, ComponentKind.CTA);
        BrandCheck.check(cta, TextKind.CTA, PlatformLimits.NONE, brand).stream()
                .map(f -> new BrandFinding(f.code(), f.blocking(), "Call to action: " + f.message(), f.excerpt()))
                .forEach(findings::add);
        String script = text(creative, ComponentKind.SCRIPT);
        if (!script.isEmpty() && (channel == Channel.TIKTOK || channel == Channel.YOUTUBE)) {
            BrandCheck.check(script, TextKind.SCRIPT, PlatformLimits.NONE, brand).stream()
                    .map(f -> new BrandFinding(f.code(), f.blocking(), "Script: " + f.message(), f.excerpt()))
                    .forEach(findings::add);
        }
        NetworkPostPreview preview = NetworkPostPreview.of(channel, channel.label(), author, null, post, null,
                media(channel, creative, cards), null);
        return new ChannelPreview(channel, preview, shown, dedupe(findings));
    }

    /**
     * What the scheduler attaches from a creative on this network ({@link MediaFit}, as CreativePostCopy gives it): its
     * video where the network takes one, else the image's size that fits the network (X's 1200×628, not the square
     * one). A file the directory does not know (yet) is still listed, without a picture.
     */
    static List<PreviewMedia> media(Channel channel, CreativeView creative, Map<UUID, AssetCard> cards) {
        UUID video = asset(creative, ComponentKind.VIDEO);
        List<UUID> attached = MediaFit.media(channel, asset(creative, ComponentKind.IMAGE), video,
                creative.imageVariants(), cards);
        if (attached.isEmpty()) {
            return List.of();
        }
        UUID file = attached.get(0);
        return cards.get(file) == null ? List.of(new PreviewMedia(file, null, null, file.equals(video)))
                : PreviewMedia.of(attached, cards);
    }

    /** The same avoided word found in the caption and the headline is one finding per place; identical ones go. */
    private static List<BrandFinding> dedupe(List<BrandFinding> findings) {
        return findings.stream().distinct().toList();
    }

    static List<String> hashtags(String text) {
        return Arrays.stream(text.split("[\\s,]+")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.startsWith("#") ? t : "#" + t).distinct().toList();
    }

    private static UUID asset(CreativeView creative, ComponentKind kind) {
        return creative.components().stream().filter(p -> p.kind() == kind).findFirst()
                .map(CreativeView.Part::assetId).orElse(null);
    }

    private static String text(CreativeView creative, ComponentKind kind) {
        String t = creative.part(kind).text();
        return t == null ? "" : t.strip();
    }
}
