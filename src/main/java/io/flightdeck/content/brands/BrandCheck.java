package io.flightdeck.content.brands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.content.NetworkLength;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;

/**
 * Checks a text against its brand and its network: words the brand avoids (whole words, any case), the legal footer
 * where the brand has one (captions and email bodies), and the network's hard limits. Pure, so it runs on every
 * keystroke's preview as cheaply as on a save.
 */
public final class BrandCheck {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");

    private BrandCheck() {
    }

    public static List<BrandFinding> check(String text, TextKind kind, PlatformLimits limits, BrandVoice brand) {
        List<BrandFinding> findings = new ArrayList<>();
        String body = text == null ? "" : text;
        for (String word : brand.wordsToAvoid()) {
            Matcher m = wholeWord(word).matcher(body);
            if (m.find()) {
                findings.add(new BrandFinding("avoided-word", true,
                        "“" + m.group() + "” is on " + brandName(brand) + "’s list of words to avoid", m.group()));
            }
        }
        if (brand.legalFooter() != null && needsFooter(kind) && !body.isBlank()
                && !normalise(body).contains(normalise(brand.legalFooter()))) {
            findings.add(new BrandFinding("missing-footer", false,
                    "The legal footer of " + brandName(brand) + " is missing", brand.legalFooter()));
        }
        boolean headline = kind == TextKind.HEADLINE || kind == TextKind.EMAIL_SUBJECT;
        int max = headline ? limits.headlineMax() : limits.maxChars();
        // a post's text is counted as its network counts it (X weighs links, CJK and emoji), so this finding and the
        // preview's counter agree; a headline in code points
        int length = headline ? body.codePointCount(0, body.length()) : NetworkLength.of(limits.channel(), body);
        if (max > 0 && length > max && kind != TextKind.SCRIPT) {
            findings.add(new BrandFinding("over-limit", true, length + " characters; " + label(limits) + " allows "
                    + String.format(Locale.ROOT, "%,d", max), null));
        }
        if (limits.maxHashtags() > 0) {
            long tags = HASHTAG.matcher(body).results().count();
            if (tags > limits.maxHashtags()) {
                findings.add(new BrandFinding("too-many-hashtags", true,
                        tags + " hashtags; " + label(limits) + " allows " + limits.maxHashtags(), null));
            }
        }
        return findings;
    }

    private static boolean needsFooter(TextKind kind) {
        return kind == TextKind.CAPTION || kind == TextKind.EMAIL_BODY || kind == TextKind.REPURPOSE;
    }

    /** A word or phrase on its own: letters or digits right before or after it make it part of another word. */
    static Pattern wholeWord(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String brandName(BrandVoice brand) {
        return brand.name() == null ? "the brand" : brand.name();
    }

    private static String label(PlatformLimits limits) {
        return limits.channel() == null ? "the limit" : limits.channel().label();
    }
}
