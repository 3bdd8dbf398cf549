package io.flightdeck.content.generation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A 2,000-word post into the five formats, three variations each, within every network's limits. */
class LongTextRepurposerTests {

    static String longPost() {
        try (InputStream in = LongTextRepurposerTests.class.getResourceAsStream("/content/long-post.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ContentBrief BRIEF = new ContentBrief("Spring coffees", 2, List.of("Grow newsletter sign-ups"),
            "Home brewers", List.of("Origins", "Craft"), "warm", null, "our single-origin coffee");
    private static final BrandVoice BRAND = new BrandVoice("Northwind", "warm", List.of("freshly roasted"),
            List.of("cheap"), List.of("#Northwind", "#SlowMornings"), "Northwind Coffee Ltd. Terms at northwind.example.");

    private final LongTextRepurposer repurposer = new LongTextRepurposer();

    @Test
    void everyFormatGetsThreeDistinctVariationsWithinItsLimits() {
        List<RepurposedDraft> drafts = repurposer.repurpose(longPost(), "From farm to cup", BRIEF, BRAND,
                EnumSet.allOf(RepurposeFormat.class), 3, 42);

        assertThat(drafts).hasSize(15);
        for (RepurposeFormat format : RepurposeFormat.values()) {
            List<RepurposedDraft> mine = drafts.stream().filter(d -> d.format() == format).toList();
            assertThat(mine).extracting(RepurposedDraft::variation).containsExactly(1, 2, 3);
            assertThat(new HashSet<>(mine.stream().map(RepurposedDraft::text).toList())).as(format.name()).hasSize(3);
        }
        for (RepurposedDraft d : drafts) {
            int chars = d.text().codePointCount(0, d.text().length());
            switch (d.format()) {
                case LINKEDIN_POST -> assertThat(chars).isLessThanOrEqualTo(3_000);
                case INSTAGRAM_CAPTION -> {
                    assertThat(chars).isLessThanOrEqualTo(2_200);
                    assertThat(d.text().split("#", -1).length - 1).isLessThanOrEqualTo(30);
                }
                case TIKTOK_SCRIPT -> assertThat(d.text()).startsWith("HOOK (0–3 s): ").contains("BEAT 1").contains("CTA (");
                case X_THREAD -> {
                    assertThat(d.posts()).hasSizeBetween(5, 7);
                    for (int i = 0; i < d.posts().size(); i++) {
                        String post = d.posts().get(i);
                        assertThat(post.codePointCount(0, post.length())).isLessThanOrEqualTo(280);
                        assertThat(post).endsWith(" " + (i + 1) + "/" + d.posts().size());
                    }
                }
                case EMAIL_SECTION -> assertThat(d.text()).startsWith("From farm to cup\n\n").endsWith(BRAND.legalFooter());
            }
            assertThat(d.text().toLowerCase()).doesNotContainPattern("(?<![a-z])cheap(?![a-z])");
        }
    }

    @Test
    void theSameTextAndSeedGiveTheSamePieces() {
        Set<RepurposeFormat> formats = EnumSet.of(RepurposeFormat.X_THREAD, RepurposeFormat.LINKEDIN_POST);
        assertThat(repurposer.repurpose(longPost(), "T", BRIEF, BRAND, formats, 2, 7))
                .isEqualTo(repurposer.repurpose(longPost(), "T", BRIEF, BRAND, formats, 2, 7));
    }

    @Test
    void sentencesComeFromTheTextAndAreNeverCutMidway() {
        String post = longPost();
        RepurposedDraft linkedIn = repurposer.repurpose(post, "T", BRIEF, BrandVoice.none(),
                EnumSet.of(RepurposeFormat.LINKEDIN_POST), 1, 1).get(0);
        String first = linkedIn.text().lines().findFirst().orElseThrow();
        assertThat(post.replaceAll("\\s+", " ")).contains(first);
        assertThat(first).endsWith(".");
        assertThat(Channel.LINKEDIN).isEqualTo(RepurposeFormat.LINKEDIN_POST.channel());
    }

    @Test
    void aTextWithoutSentencesGivesNothingToPost() {
        assertThat(repurposer.repurpose("   ", "T", BRIEF, BRAND, EnumSet.allOf(RepurposeFormat.class), 3, 1)).isEmpty();
    }
}
