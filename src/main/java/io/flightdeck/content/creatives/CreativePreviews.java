package io.flightdeck.content.creatives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import io.flightdeck.content.brands.BrandCheck;
import io.flightdeck.content.brands.BrandFinding;

/**
 * A creative's channel variants: the caption with the hashtags each network takes, checked against the brand and the
 * network's limits. Pure; the editor calls it for every keystroke's preview, approvals for what the approver sees.
 */
public final class CreativePreviews {

    private CreativePreviews() {
    }

    public static List<ChannelPreview> of(CreativeView creative, BrandVoice brand) {
        return creative.channels().stream().map(channel -> of(channel, creative, brand)).toList();
    }

    static ChannelPreview of(Channel channel, CreativeView creative, BrandVoice brand) {
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
        return new ChannelPreview(channel, headline, post, cta, post.codePointCount(0, post.length()), limits.maxChars(),
                shown, dedupe(findings));
    }

    /** The same avoided word found in the caption and the headline is one finding per place; identical ones go. */
    private static List<BrandFinding> dedupe(List<BrandFinding> findings) {
        return findings.stream().distinct().toList();
    }

    static List<String> hashtags(String text) {
        return Arrays.stream(text.split("[\\s,]+")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.startsWith("#") ? t : "#" + t).distinct().toList();
    }

    private static String text(CreativeView creative, ComponentKind kind) {
        String t = creative.part(kind).text();
        return t == null ? "" : t.strip();
    }
}
