package io.flightdeck.strategy.domain;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.strategy.domain.Completeness.Missing;
import io.flightdeck.strategy.domain.Completeness.Requirement;

/**
 * Which fields a strategy needs before the team can work from it: where, what for, for whom, about what, in which
 * voice and how often; and, when the campaign has money to spend, what the ads are bought for.
 */
final class StrategyCompleteness {

    static final String ADS_FIELD = "adsConfig";
    static final String ADS_LABEL = "Ads configuration";
    static final String ADS_WHY = "The campaign has a budget, so paid media needs an objective to optimise for.";

    private static final List<StrategyField> REQUIRED = List.of(StrategyField.PLATFORMS, StrategyField.GOALS,
            StrategyField.TARGET_AUDIENCE, StrategyField.CONTENT_PILLARS, StrategyField.BRAND_TONE, StrategyField.CADENCE);

    private StrategyCompleteness() {
    }

    /** @param budgeted whether the campaign has a budget above zero, which makes the ads configuration required */
    static Completeness of(int version, StrategyDetails details, boolean budgeted) {
        List<Requirement> checklist = new ArrayList<>();
        for (StrategyField field : REQUIRED) {
            checklist.add(new Requirement(field.key(), field.label(), field.why(), field.filledIn(details)));
        }
        if (budgeted) {
            boolean done = details.adsConfig() != null && details.adsConfig().objective() != null;
            checklist.add(new Requirement(ADS_FIELD, ADS_LABEL, ADS_WHY, done));
        }
        long done = checklist.stream().filter(Requirement::done).count();
        int score = Math.round(done * 100f / checklist.size());
        List<Missing> missing = checklist.stream().filter(r -> !r.done())
                .map(r -> new Missing(r.field(), r.label(), r.why())).toList();
        return new Completeness(version, missing.isEmpty(), score, missing, List.copyOf(checklist));
    }
}
