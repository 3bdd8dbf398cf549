package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline generator: determinism, the networks' limits, variety, sensitivity to the brief, the brand's rules. */
class BuiltInGeneratorTests {

    private static final List<String> TONES = List.of("warm", "playful", "professional", "bold", "luxurious",
            "urgent", "calm", "witty and light", "expert");
    private static final List<String> AUDIENCES = List.of("Busy commuters", "Students", "Small business owners",
            "New parents", "Retired teachers", "Remote developers", "Weekend cyclists", "Home cooks");
    private static final List<String> PILLARS = List.of("Craft", "Sustainability", "Community", "Education",
            "Behind the scenes", "Customer stories", "Product tips", "Origins", "Wellbeing");
    private static final List<String> GOALS = List.of("Drive online sales", "Generate leads", "Build awareness",
            "Grow sign-ups", "Increase engagement", "Drive traffic to the blog");
    private static final List<String> TOPICS = List.of("our single-origin Ethiopian roast", "the spring collection",
            "a free workshop on budgeting", "the new mobile app", "our city marathon kit", "the autumn menu",
            "a 30-day yoga challenge", "the loyalty programme");

    private final BuiltInGenerator generator = new BuiltInGenerator();

    private static ContentBrief brief(String tone, String audience, List<String> pillars, List<String> goals, String topic) {
        return new ContentBrief("Spring push", 1, goals, audience, pillars, tone, null, topic);
    }

    private static ContentBrief randomBrief(Random r) {
        return brief(TONES.get(r.nextInt(TONES.size())), AUDIENCES.get(r.nextInt(AUDIENCES.size())),
                List.of(PILLARS.get(r.nextInt(PILLARS.size())), PILLARS.get(r.nextInt(PILLARS.size()))),
                List.of(GOALS.get(r.nextInt(GOALS.size()))), TOPICS.get(r.nextInt(TOPICS.size())));
    }

    private String write(TextKind kind, Channel channel, ContentBrief brief, BrandVoice brand, long seed) {
        return generator.generate(new GenerationRequest(kind, channel, brief, brand, null, seed, null, null)).text();
    }

    @Test
    void theSameRequestAndSeedGiveTheSameTextAndAnotherSeedAVariation() {
        ContentBrief b = brief("warm", "Busy commuters", List.of("Craft"), List.of("Drive online sales"), "our roast");
        String first = write(TextKind.CAPTION, Channel.INSTAGRAM, b, BrandVoice.none(), 1);
        assertThat(write(TextKind.CAPTION, Channel.INSTAGRAM, b, BrandVoice.none(), 1)).isEqualTo(first);
        Set<String> variations = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            variations.add(write(TextKind.CAPTION, Channel.INSTAGRAM, b, BrandVoice.none(), seed));
        }
        assertThat(variations).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyKindKeepsToEveryNetworksLimitEvenWithALongFooterAndManyHashtags() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tags.add("#Tag" + i);
        }
        BrandVoice heavy = new BrandVoice("Northwind", "warm", List.of("freshly roasted"), List.of(), tags,
                "Offer valid in participating stores until 31 December 2027 while stocks last. Terms apply, see "
                        + "northwind.example/terms for the details that our lawyers insist on.");
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            ContentBrief b = randomBrief(r);
            for (Channel channel : Channel.values()) {
                PlatformLimits limits = PlatformLimits.of(channel);
                for (TextKind kind : TextKind.values()) {
                    String text = write(kind, channel, b, heavy, i);
                    int length = text.codePointCount(0, text.length());
                    if ((kind == TextKind.CAPTION || kind == TextKind.REPURPOSE) && limits.limitsChars()) {
                        assertThat(length).as("%s on %s", kind, channel).isLessThanOrEqualTo(limits.maxChars());
                    }
                    if ((kind == TextKind.HEADLINE || kind == TextKind.EMAIL_SUBJECT) && limits.headlineMax() > 0) {
                        assertThat(length).as("%s on %s", kind, channel).isLessThanOrEqualTo(limits.headlineMax());
                    }
                    if (kind == TextKind.HASHTAGS && limits.maxHashtags() > 0) {
                        assertThat(text.split(" ")).hasSizeLessThanOrEqualTo(limits.maxHashtags());
                    }
                    boolean footerFits = !limits.limitsChars()
                            || heavy.legalFooter().length() + 40 < limits.maxChars();
                    if ((kind == TextKind.CAPTION || kind == TextKind.EMAIL_BODY) && footerFits) {
                        assertThat(text).as("%s on %s", kind, channel).endsWith(heavy.legalFooter());
                    }
                    if (kind != TextKind.STRATEGY_DRAFT) {
                        assertThat(text).doesNotContain("{");
                    }
                    assertThat(text).doesNotContain("null");
                }
            }
        }
    }

    @Test
    void aThousandDifferentBriefsGiveAtLeastNinetyPercentDistinctCaptions() {
        Random r = new Random(11);
        Set<String> briefs = new HashSet<>();
        Set<String> captions = new HashSet<>();
        while (briefs.size() < 1_000) {
            ContentBrief b = randomBrief(r);
            if (briefs.add(b.toString())) {
                captions.add(write(TextKind.CAPTION, Channel.LINKEDIN, b, BrandVoice.none(), 0));
            }
        }
        assertThat(captions.size() / 1_000.0).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void changingAnyOneStrategyFieldChangesTheOutput() {
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            ContentBrief b = randomBrief(r);
            String base = write(TextKind.CAPTION, Channel.FACEBOOK, b, BrandVoice.none(), i);
            String otherTone = TONES.get((TONES.indexOf(b.tone()) + 1) % TONES.size());
            String otherAudience = AUDIENCES.get((AUDIENCES.indexOf(b.targetAudience()) + 1) % AUDIENCES.size());
            List<String> otherPillars = List.of(PILLARS.get((PILLARS.indexOf(b.contentPillars().get(0)) + 1) % PILLARS.size()));
            List<String> otherGoals = List.of(GOALS.get((GOALS.indexOf(b.goals().get(0)) + 1) % GOALS.size()));
            assertThat(write(TextKind.CAPTION, Channel.FACEBOOK,
                    brief(otherTone, b.targetAudience(), b.contentPillars(), b.goals(), b.topic()), BrandVoice.none(), i))
                    .as("tone").isNotEqualTo(base);
            assertThat(write(TextKind.CAPTION, Channel.FACEBOOK,
                    brief(b.tone(), otherAudience, b.contentPillars(), b.goals(), b.topic()), BrandVoice.none(), i))
                    .as("audience").isNotEqualTo(base);
            assertThat(write(TextKind.CAPTION, Channel.FACEBOOK,
                    brief(b.tone(), b.targetAudience(), otherPillars, b.goals(), b.topic()), BrandVoice.none(), i))
                    .as("pillars").isNotEqualTo(base);
            assertThat(write(TextKind.CAPTION, Channel.FACEBOOK,
                    brief(b.tone(), b.targetAudience(), b.contentPillars(), otherGoals, b.topic()), BrandVoice.none(), i))
                    .as("goals").isNotEqualTo(base);
        }
    }

    @Test
    void aWordTheBrandAvoidsIsNeverWritten() {
        BrandVoice brand = new BrandVoice("Northwind", null, List.of(), List.of("new", "now", "here", "meet", "discover"),
                List.of(), null);
        Random r = new Random(8);
        for (int i = 0; i < 300; i++) {
            for (TextKind kind : List.of(TextKind.CAPTION, TextKind.HEADLINE, TextKind.CTA, TextKind.EMAIL_BODY)) {
                String text = write(kind, Channel.INSTAGRAM, randomBrief(r), brand, i).toLowerCase();
                for (String word : brand.wordsToAvoid()) {
                    assertThat(text).doesNotContainPattern("(?<![a-z])" + word + "(?![a-z])");
                }
            }
        }
    }

    @Test
    void aScriptHasAHookBeatsAndACallToAction() {
        String script = write(TextKind.SCRIPT, Channel.TIKTOK, brief("bold", "Students", List.of("Origins"),
                List.of("Grow sign-ups"), "the new app"), BrandVoice.none(), 2);
        assertThat(script.lines().toList()).hasSize(5);
        assertThat(script).startsWith("HOOK (0–3 s): ").contains("BEAT 1 (3–7 s): ").contains("CTA (15–18 s): ");
    }
}
