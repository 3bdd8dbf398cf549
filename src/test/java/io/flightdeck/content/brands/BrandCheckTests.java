package io.flightdeck.content.brands;

import java.util.List;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The brand check, by hand: avoided words as whole words in any case, the footer, the networks' limits. */
class BrandCheckTests {

    private static final BrandVoice BRAND = new BrandVoice("Northwind", null, List.of(), List.of("cheap", "best in class"),
            List.of(), "Terms apply.");

    private static List<String> codes(String text, TextKind kind, Channel channel) {
        return BrandCheck.check(text, kind, PlatformLimits.of(channel), BRAND).stream().map(BrandFinding::code).toList();
    }

    @Test
    void anAvoidedWordIsFoundAsAWholeWordInAnyCaseButNotInsideAnother() {
        assertThat(codes("So CHEAP! Terms apply.", TextKind.CAPTION, Channel.INSTAGRAM)).containsExactly("avoided-word");
        assertThat(codes("Cheapside market. Terms apply.", TextKind.CAPTION, Channel.INSTAGRAM)).isEmpty();
        assertThat(codes("Our best in class kit. Terms apply.", TextKind.CAPTION, Channel.INSTAGRAM)).containsExactly("avoided-word");
        assertThat(BrandCheck.check("So Cheap.", TextKind.CTA, PlatformLimits.NONE, BRAND).get(0).excerpt()).isEqualTo("Cheap");
    }

    @Test
    void theFooterIsAskedOfCaptionsAndEmailsOnly() {
        assertThat(codes("Hello there.", TextKind.CAPTION, Channel.LINKEDIN)).containsExactly("missing-footer");
        assertThat(codes("Hello there.\n\nTerms   apply.", TextKind.CAPTION, Channel.LINKEDIN)).isEmpty();
        assertThat(codes("Hello there.", TextKind.HEADLINE, Channel.LINKEDIN)).isEmpty();
        assertThat(BrandCheck.check("Hello.", TextKind.CAPTION, PlatformLimits.NONE, BRAND).get(0).blocking()).isFalse();
    }

    @Test
    void aNetworksLimitsBlock() {
        String post = "x".repeat(281) + " Terms apply.";
        assertThat(codes(post, TextKind.CAPTION, Channel.TWITTER)).containsExactly("over-limit");
        assertThat(codes(post, TextKind.CAPTION, Channel.LINKEDIN)).isEmpty();
        // as each network counts: X an emoji as 2 (133 × 2 + 13 = 279 fits, 134 × 2 + 13 = 281 does not), LinkedIn as 1
        assertThat(codes("🚀".repeat(133) + " Terms apply.", TextKind.CAPTION, Channel.TWITTER)).isEmpty();
        assertThat(codes("🚀".repeat(134) + " Terms apply.", TextKind.CAPTION, Channel.TWITTER))
                .containsExactly("over-limit");
        assertThat(codes("🚀".repeat(267) + " Terms apply.", TextKind.CAPTION, Channel.LINKEDIN)).isEmpty();
        // and X a link as 23, whatever its length
        assertThat(codes("x".repeat(240) + " https://example.com/" + "a".repeat(80) + " Terms apply.", TextKind.CAPTION,
                Channel.TWITTER)).isEmpty();
        String tags = "Terms apply. " + "#a ".repeat(31);
        assertThat(codes(tags, TextKind.CAPTION, Channel.INSTAGRAM)).containsExactly("too-many-hashtags");
        assertThat(codes("x".repeat(31), TextKind.HEADLINE, Channel.SEARCH_ADS)).containsExactly("over-limit");
    }
}
