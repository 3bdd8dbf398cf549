package io.flightdeck.email.sending;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.email.abtest.AbTestSettings;
import io.flightdeck.email.abtest.InconclusiveRule;
import io.flightdeck.email.abtest.Metric;
import io.flightdeck.email.tracking.WebLink;
import io.flightdeck.shared.InvalidInputException;

/**
 * An A/B test as a person sets it up, checked: one to three variants besides the email itself (named B, C, D in the
 * order given), the share of the audience in the test, the metric (opens only when the person accepts that they
 * mislead), the goal address a conversion is a click to, when to decide, and the sample and confidence a winner needs.
 */
public record AbTestPlan(List<AbVariant> variants, int testShare, AbTestSettings settings, String goalUrl,
        Duration decideAfter) {

    public static final int MIN_SHARE = 2;
    public static final int MAX_SHARE = 50;
    public static final Duration MIN_WAIT = Duration.ofMinutes(15);
    public static final Duration MAX_WAIT = Duration.ofDays(14);

    /** What a person sends; missing numbers take the usual defaults (20 %, 4 hours, 100 each, 95 %). */
    public record Input(List<Content> variants, Integer testShare, Metric metric, String goalUrl, Integer decideAfterMinutes,
            Integer minimumSample, Double confidence, InconclusiveRule ifInconclusive, Boolean acceptOpensWarning) {
    }

    /** One variant's own content, as given. */
    public record Content(String subject, String preheader, String html) {
    }

    static AbTestPlan of(Input in, java.util.function.UnaryOperator<String> cleanHtml) {
        List<Content> given = in.variants() == null ? List.of() : in.variants();
        if (given.isEmpty() || given.size() > 3) {
            throw new InvalidInputException("variants", "Give one to three variants besides the email itself (B, C, D)");
        }
        List<AbVariant> variants = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Content c = given.get(i);
            String key = String.valueOf((char) ('B' + i));
            if (c == null) {
                throw new InvalidInputException("variants", "Variant " + key + " is missing");
            }
            variants.add(new AbVariant(key, blankToNull(c.subject()), blankToNull(c.preheader()),
                    c.html() == null || c.html().isBlank() ? null : cleanHtml.apply(c.html())));
        }
        int share = in.testShare() == null ? 20 : in.testShare();
        if (share < MIN_SHARE || share > MAX_SHARE) {
            throw new InvalidInputException("testShare", "The test share is between " + MIN_SHARE + " and " + MAX_SHARE
                    + " % of the audience; the rest gets the winner");
        }
        Metric metric = in.metric() == null ? Metric.CLICKS : in.metric();
        if (metric == Metric.OPENS && !Boolean.TRUE.equals(in.acceptOpensWarning())) {
            throw new InvalidInputException("acceptOpensWarning", "Opens mislead: Apple Mail Privacy Protection and "
                    + "scanners open mail nobody reads. Choose clicks or conversions, or accept the warning to judge on opens");
        }
        String goal = blankToNull(in.goalUrl());
        if (metric == Metric.CONVERSIONS) {
            goal = requireGoal(goal);
        } else {
            goal = null;
        }
        int minutes = in.decideAfterMinutes() == null ? 240 : in.decideAfterMinutes();
        Duration wait = Duration.ofMinutes(minutes);
        if (wait.compareTo(MIN_WAIT) < 0 || wait.compareTo(MAX_WAIT) > 0) {
            throw new InvalidInputException("decideAfterMinutes", "Decide between 15 minutes and 14 days after the send starts");
        }
        AbTestSettings settings = new AbTestSettings(metric, in.minimumSample() == null ? 100 : in.minimumSample(),
                in.confidence() == null ? 0.95 : in.confidence(),
                in.ifInconclusive() == null ? InconclusiveRule.SEND_VARIANT_A : in.ifInconclusive());
        if (settings.minimumSamplePerVariant() > 1_000_000) {
            throw new InvalidInputException("minimumSample", "The minimum sample is at most 1,000,000 per variant");
        }
        return new AbTestPlan(List.copyOf(variants), share, settings, goal, wait);
    }

    /**
     * The goal as the clicks it is compared with are kept: read by the WHATWG URL Standard, as the send reads each
     * link ({@link WebLink}), so {@code https://Shop.example/café} matches the clicks on that page.
     */
    private static String requireGoal(String goal) {
        if (goal == null) {
            throw new InvalidInputException("goalUrl", "A conversion is a click to the goal page: give its address");
        }
        if (goal.length() > 2000) {
            throw new InvalidInputException("goalUrl", "The goal is a web address such as https://shop.example/thanks");
        }
        try {
            return WebLink.parse(goal, "goalUrl").address();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("goalUrl", "The goal is a web address such as https://shop.example/thanks");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
