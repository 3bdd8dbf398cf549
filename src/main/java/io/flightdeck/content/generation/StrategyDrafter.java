package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in generator's first strategy for a campaign: goals, pillars, a tone, an audience and an ad objective that
 * suit its type, a cadence per channel, the channel mix (following the cadence) and the budget split over the
 * campaign's channels.
 * What worked in the workspace's past campaigns, when the facts carry it, leads: the pillars that did best come first,
 * and the mix and split lean toward the stronger channels (the budget more than the content, which every channel
 * needs some of). Curated, like the phrase book; a person is expected to edit it.
 */
final class StrategyDrafter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a campaign of one type is usually for: goals to choose from, pillars, tones, whom it speaks to, and what
     * its ads are bought for (the objective's name, as the strategy's ads section keeps it).
     */
    private record Plan(List<String> goals, List<String> pillars, List<String> tones, String audience,
            String adObjective) {
    }

    private static final Map<String, Plan> PLANS = Map.of(
            "product launch", new Plan(List.of("Reach 50,000 people in the launch month", "Drive 1,000 sign-ups or pre-orders",
                    "Get 200 product reviews or testimonials"),
                    List.of("Product features", "Behind the scenes", "Customer stories", "How-to and tips", "Launch countdown"),
                    List.of("confident and clear", "bold and energetic", "warm and excited"),
                    "Existing customers ready for what is next, and early adopters who buy in this category", "SALES"),
            "brand awareness", new Plan(List.of("Grow followers by 20 % in the quarter", "Double branded search volume",
                    "Reach 100,000 people"), List.of("Brand story", "Community", "Values in action", "Culture", "Education"),
                    List.of("warm and human", "playful", "inspiring"),
                    "People in the brand's market who do not know it yet, and those who already follow it", "AWARENESS"),
            "lead generation", new Plan(List.of("Generate 300 qualified leads", "Book 50 demos", "Grow the newsletter by 2,000"),
                    List.of("Education", "Case studies", "Expert insights", "Product tips", "Industry news"),
                    List.of("professional and clear", "expert and helpful", "confident"),
                    "Decision makers and their teams at companies that fit the customer profile", "LEADS"),
            "event", new Plan(List.of("Sell out the event", "Get 500 registrations", "Reach 1,000 people with the recap"),
                    List.of("Speakers and agenda", "Behind the scenes", "Countdown", "Attendee stories", "Recap"),
                    List.of("excited and welcoming", "bold", "warm"),
                    "Past attendees, people working in the field and those who follow the speakers", "LEADS"),
            "seasonal promotion", new Plan(List.of("Drive 25 % more online sales than last season", "Clear the seasonal stock",
                    "Win 1,000 new customers"), List.of("Offers", "Gift ideas", "Product highlights", "Customer stories"),
                    List.of("urgent and upbeat", "playful", "warm"),
                    "Existing customers and shoppers looking for this season's offers", "SALES"),
            "content series", new Plan(List.of("Publish every week of the quarter", "Grow engagement by 30 %",
                    "Grow subscribers by 1,500"), List.of("Education", "Interviews", "Behind the scenes", "Tips", "Community"),
                    List.of("curious and friendly", "expert", "warm"),
                    "Subscribers and people who follow the topic, looking to learn something each week", "ENGAGEMENT"));

    private static final Plan DEFAULT = new Plan(List.of("Reach 20,000 people", "Drive 500 site visits", "Grow engagement by 15 %"),
            List.of("Product highlights", "Customer stories", "Behind the scenes", "Tips"),
            List.of("warm and clear", "friendly", "confident"),
            "Existing customers and people like them", "TRAFFIC");

    /** How much content each channel takes in a week, as the cadence plans it: what the channel mix leans on. */
    private static final Map<String, Double> POSTS_A_WEEK = Map.of("EMAIL", 1.0, "LINKEDIN", 3.0, "TWITTER", 5.0,
            "BLOG", 0.5);

    private StrategyDrafter() {
    }

    static String draft(ContentBrief brief, String facts, SplittableRandom random) {
        Map<String, String> f = facts(facts);
        Plan plan = PLANS.getOrDefault(f.getOrDefault("type", "").toLowerCase(Locale.ROOT), DEFAULT);
        List<String> goals = new ArrayList<>();
        if (f.get("objective") != null) {
            goals.add(f.get("objective"));
        }
        List<String> pool = new ArrayList<>(plan.goals());
        while (goals.size() < 3 && !pool.isEmpty()) {
            goals.add(pool.remove(random.nextInt(pool.size())));
        }
        List<String> pillars = new ArrayList<>(plan.pillars());
        while (pillars.size() > 4) {
            pillars.remove(random.nextInt(pillars.size()));
        }
        List<String> strong = list(f.get("strong pillars"), ";");
        for (int i = Math.min(2, strong.size()) - 1; i >= 0; i--) {
            pillars.remove(strong.get(i));
            pillars.add(0, strong.get(i));
        }
        while (pillars.size() > 5) {
            pillars.remove(pillars.size() - 1);
        }
        Map<String, Double> strength = strength(f.get("channel strength"));
        Map<String, Double> content = new LinkedHashMap<>();
        Map<String, Double> budget = new LinkedHashMap<>();
        for (String key : list(f.get("channel keys"), ",")) {
            // bounded, so one lucky channel never takes everything and a weak one keeps a share to prove itself
            double s = Math.max(0.5, Math.min(2.5, strength.getOrDefault(key, 1.0)));
            // the budget follows what worked; the content follows it less and the cadence too (an email a week is
            // less content than four Instagram posts), so the two splits differ even with no history to lean on
            content.put(key, Math.sqrt(POSTS_A_WEEK.getOrDefault(key, 4.0) * s));
            budget.put(key, s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("goals", goals);
        // whom the type of campaign speaks to, for a person to narrow: the brief is not an audience
        out.put("targetAudience", plan.audience());
        out.put("contentPillars", pillars);
        out.put("brandTone", plan.tones().get(random.nextInt(plan.tones().size())));
        out.put("cadence", cadence(f.getOrDefault("channels", "")));
        out.put("channelMix", ChannelShares.of(content));
        out.put("budgetSplit", ChannelShares.of(budget));
        out.put("adObjective", plan.adObjective());
        return JSON.writeValueAsString(out);
    }

    private static Map<String, String> facts(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.substring(colon + 1).isBlank()) {
                    f.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
        }
        return f;
    }

    private static List<String> list(String text, String separator) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(separator)) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** {@code EMAIL 1.80, INSTAGRAM 0.60}: each channel's results against the workspace's average. */
    private static Map<String, Double> strength(String text) {
        Map<String, Double> strength = new LinkedHashMap<>();
        for (String item : list(text, ",")) {
            int space = item.lastIndexOf(' ');
            if (space > 0) {
                try {
                    strength.put(item.substring(0, space).strip(), Double.parseDouble(item.substring(space + 1)));
                } catch (NumberFormatException e) {
                    // a value the writer of the facts did not mean as a number counts as average
                }
            }
        }
        return strength;
    }

    private static String cadence(String channels) {
        List<String> parts = new ArrayList<>();
        for (String channel : channels.split(",\\s*")) {
            String c = channel.strip();
            if (c.isEmpty()) {
                continue;
            }
            String lower = c.toLowerCase(Locale.ROOT);
            parts.add(lower.contains("email") ? "one email a week" : lower.contains("linkedin") ? "three LinkedIn posts a week"
                    : lower.contains("x (") || lower.contains("twitter") ? "a post on X every weekday"
                    : lower.contains("blog") ? "two blog posts a month" : "four " + c + " posts a week");
        }
        return parts.isEmpty() ? "Three posts a week on the campaign's main channel" : capitalise(String.join(", ", parts));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
