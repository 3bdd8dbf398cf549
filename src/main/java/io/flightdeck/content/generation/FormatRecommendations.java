package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The best format for a content pillar (seed 002's recommendations): a small curated table of what each kind of
 * content does best where, with the reason, matched on the pillar's words.
 */
public final class FormatRecommendations {

    /** @param pillar the pillar as the strategy names it */
    public record Recommendation(String pillar, RepurposeFormat format, String reason) {
    }

    private record Rule(String pattern, RepurposeFormat format, String reason) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("educat|how.?to|tip|guide|learn|expert|insight|thought", RepurposeFormat.LINKEDIN_POST,
                    "Explaining and teaching travels furthest on LinkedIn, where short paragraphs and a question invite discussion."),
            new Rule("behind|team|culture|people|day in|making", RepurposeFormat.TIKTOK_SCRIPT,
                    "Behind-the-scenes moments work as short vertical video: a hook in three seconds, real people, no polish."),
            new Rule("product|launch|collection|design|visual|style|craft|food|travel", RepurposeFormat.INSTAGRAM_CAPTION,
                    "Products and craft are seen before they are read: Instagram's image-first feed with a short caption suits them."),
            new Rule("news|announce|event|update|trend|opinion|industry", RepurposeFormat.X_THREAD,
                    "News and opinions move fast: an X thread breaks a story into posts people can quote and share."),
            new Rule("customer|story|stories|case|community|loyal|offer|sale|promotion", RepurposeFormat.EMAIL_SECTION,
                    "Stories and offers for people who already know you belong in the newsletter, where they get read in full."));

    private FormatRecommendations() {
    }

    public static List<Recommendation> forPillars(List<String> pillars) {
        List<Recommendation> out = new ArrayList<>();
        for (String pillar : pillars) {
            String p = pillar.toLowerCase(Locale.ROOT);
            Rule rule = RULES.stream().filter(r -> java.util.regex.Pattern.compile(r.pattern()).matcher(p).find())
                    .findFirst().orElse(null);
            out.add(rule != null ? new Recommendation(pillar, rule.format(), rule.reason())
                    : new Recommendation(pillar, RepurposeFormat.LINKEDIN_POST,
                            "No strong signal in this pillar's name: a LinkedIn post is the most forgiving place to start."));
        }
        return out;
    }
}
