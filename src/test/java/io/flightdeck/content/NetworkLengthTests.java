package io.flightdeck.content;

import io.flightdeck.campaigns.Channel;
import org.junit.jupiter.api.Test;

import static io.flightdeck.campaigns.Channel.INSTAGRAM;
import static io.flightdeck.campaigns.Channel.LINKEDIN;
import static io.flightdeck.campaigns.Channel.TWITTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lengths as the networks count them, every expected number counted by hand (and, for X, checked against the
 * character counter of X's composer rules: twitter-text's version 3 configuration).
 */
class NetworkLengthTests {

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦, 7 code points
    private static final String THUMBS_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD"; // 👍🏽, 2 code points

    @Test
    void plainTextCountsOneACharacterEverywhere() {
        assertThat(NetworkLength.of(TWITTER, "Fresh beans today")).isEqualTo(17);
        assertThat(NetworkLength.of(LINKEDIN, "Fresh beans today")).isEqualTo(17);
        assertThat(NetworkLength.of(TWITTER, "Line one\n\nline two")).isEqualTo(18);
        assertThat(NetworkLength.of(TWITTER, null)).isZero();
        assertThat(NetworkLength.of(TWITTER, "")).isZero();
    }

    @Test
    void theReportedPostIs134OnXWhereItsLinkIsLong() {
        // 111 characters of text, then a 40-character link that X counts as 23: 134, not 151 (nor the 137 once shown)
        String text = "Our spring roast is here: brisk, sweet and ready for slow mornings. Taste it early and tell us "
                + "what you think: https://roastery.com/spring?utm_source=x";
        assertThat(text).hasSize(151);
        assertThat(NetworkLength.of(TWITTER, text)).isEqualTo(134);
        assertThat(NetworkLength.of(LINKEDIN, text)).as("LinkedIn counts the link as written").isEqualTo(151);
    }

    @Test
    void xCountsEveryLinkAs23WithOrWithoutItsScheme() {
        String longLink = "https://example.com/" + "a".repeat(40); // 60 characters
        assertThat(NetworkLength.of(TWITTER, "New roast " + longLink)).isEqualTo(10 + 23);
        assertThat(NetworkLength.of(TWITTER, "http://x.co")).isEqualTo(23);
        // X links a bare domain by itself, so it counts as a link too
        assertThat(NetworkLength.of(TWITTER, "example.com/x")).isEqualTo(23);
        assertThat(NetworkLength.of(TWITTER, "Menu at example.com/spring today")).isEqualTo(8 + 23 + 6);
        assertThat(NetworkLength.of(TWITTER, "Test https://test.com test https://test.com test.com test"))
                .isEqualTo(5 + 23 + 6 + 23 + 1 + 23 + 5);
        // what X does not link is counted as written: an unknown top-level domain, a domain label over 63 characters
        assertThat(NetworkLength.of(TWITTER, "Terms at northwind.example.")).isEqualTo(27);
        assertThat(NetworkLength.of(TWITTER, "randomurl".repeat(7) + "s.com")).isEqualTo(68);
        assertThat(NetworkLength.of(LINKEDIN, "example.com/x")).isEqualTo(13);
    }

    @Test
    void xWeighsCjkAsTwoAndLatinCyrillicAndMostPunctuationAsOne() {
        assertThat(NetworkLength.of(TWITTER, "咖啡")).isEqualTo(4);
        assertThat(NetworkLength.of(TWITTER, "Kaffee 咖啡")).isEqualTo(7 + 4);
        assertThat(NetworkLength.of(TWITTER, "コーヒー")).isEqualTo(8);
        assertThat(NetworkLength.of(TWITTER, "커피")).isEqualTo(4);
        assertThat(NetworkLength.of(TWITTER, "Привет мир")).isEqualTo(10);
        assertThat(NetworkLength.of(TWITTER, "Café crème")).isEqualTo(10);
        // an en dash weighs 1, an ellipsis (outside X's light ranges) 2
        assertThat(NetworkLength.of(TWITTER, "a–b")).isEqualTo(3);
        assertThat(NetworkLength.of(TWITTER, "wait…")).isEqualTo(6);
        assertThat(NetworkLength.of(LINKEDIN, "Kaffee 咖啡")).isEqualTo(9);
    }

    @Test
    void xCountsEachEmojiAsTwoHoweverManyCodePointsMakeIt() {
        assertThat(NetworkLength.of(TWITTER, "☕")).isEqualTo(2);
        assertThat(NetworkLength.of(TWITTER, "\uD83D\uDE80")).isEqualTo(2); // 🚀
        assertThat(NetworkLength.of(TWITTER, THUMBS_MEDIUM)).as("with a skin tone").isEqualTo(2);
        assertThat(NetworkLength.of(TWITTER, FAMILY)).as("a ZWJ family").isEqualTo(2);
        assertThat(NetworkLength.of(TWITTER, "\uD83C\uDDE9\uD83C\uDDEA")).as("a flag").isEqualTo(2);
        assertThat(NetworkLength.of(TWITTER, "Roast day " + FAMILY + THUMBS_MEDIUM)).isEqualTo(10 + 2 + 2);
        // the other networks count code points
        assertThat(NetworkLength.of(LINKEDIN, "☕")).isEqualTo(1);
        assertThat(NetworkLength.of(LINKEDIN, THUMBS_MEDIUM)).isEqualTo(2);
        assertThat(NetworkLength.of(INSTAGRAM, FAMILY)).isEqualTo(7);
    }

    @Test
    void casesFromTwitterTextsConformanceSuite() {
        // conformance/validate.yml of twitter/twitter-text, WeightedTweetsWithDiscountedEmojiCounterTest (version 3)
        assertThat(NetworkLength.of(TWITTER, "Hi http://test.co")).isEqualTo(26);
        assertThat(NetworkLength.of(TWITTER, "H\uD83D\uDC31☺" + FAMILY)).isEqualTo(7);
        assertThat(NetworkLength.of(TWITTER, "\uD83D\uDE37\uD83D\uDC7E\uD83D\uDE21\uD83D\uDD25\uD83D\uDCA9")).isEqualTo(10);
        assertThat(NetworkLength.of(TWITTER, "\uD83D\uDE4B\uD83C\uDFFD\uD83D\uDC68\u200D\uD83C\uDFA4")).isEqualTo(4);
        assertThat(NetworkLength.of(TWITTER, "1\u20E3")).as("a keycap").isEqualTo(2);
        assertThat(NetworkLength.of(TWITTER, FAMILY.repeat(140))).isEqualTo(280);
        assertThat(NetworkLength.of(TWITTER, "故".repeat(160))).isEqualTo(320);
    }

    @Test
    void aTextExactlyAtTheLimitFitsAndOneMoreDoesNot() {
        assertThat(NetworkLength.of(TWITTER, "a".repeat(280))).isEqualTo(280);
        assertThat(NetworkLength.over(TWITTER, "a".repeat(280))).isFalse();
        assertThat(NetworkLength.over(TWITTER, "a".repeat(281))).isTrue();
        // 256 + a space + a link of any length = 280
        String withLink = "b".repeat(256) + " https://example.com/spring/" + "a".repeat(60);
        assertThat(NetworkLength.over(TWITTER, withLink)).isFalse();
        assertThat(NetworkLength.over(TWITTER, "b" + withLink)).isTrue();
        assertThat(NetworkLength.over(TWITTER, "咖".repeat(140))).isFalse();
        assertThat(NetworkLength.over(TWITTER, "咖".repeat(140) + "a")).isTrue();
        assertThat(NetworkLength.over(LINKEDIN, "a".repeat(3_000))).isFalse();
        assertThat(NetworkLength.over(LINKEDIN, "a".repeat(3_001))).isTrue();
        assertThat(NetworkLength.limit(INSTAGRAM)).isEqualTo(2_200);
        assertThat(NetworkLength.over(Channel.BLOG, "a".repeat(100_000))).as("no limit").isFalse();
    }
}
