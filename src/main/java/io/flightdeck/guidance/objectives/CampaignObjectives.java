package io.flightdeck.guidance.objectives;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns' objectives: read, and set by a member who may edit the campaign (the web layer checks the role). Reads
 * and writes go through JPA, so the tenant filter keeps each workspace to its own.
 */
@Service
public class CampaignObjectives {

    /** The largest target accepted: larger numbers are typing mistakes, and the column holds 16 digits. */
    static final BigDecimal MAX_TARGET = new BigDecimal("1000000000000");

    private final ObjectiveRepository objectives;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    CampaignObjectives(ObjectiveRepository objectives, CampaignDirectory campaigns, Clock clock) {
        this.objectives = objectives;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The campaign's objective, or empty when none is set; 404 for a campaign not in the workspace. */
    @Transactional(readOnly = true)
    public Optional<CampaignObjective> of(UUID campaignId) {
        requireCampaign(campaignId);
        return objectives.findByCampaignId(campaignId).map(Objective::view);
    }

    /** The objectives of the given campaigns that have one, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, CampaignObjective> of(Collection<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return objectives.findByCampaignIdIn(campaignIds).stream().map(Objective::view)
                .collect(Collectors.toMap(CampaignObjective::campaignId, Function.identity()));
    }

    /**
     * Sets the campaign's objective, replacing any before. Refuses a missing metric, a target that is not above 0
     * (or above 100 for a percentage, or absurdly large), a money metric without a currency and a count with one,
     * each problem named; nothing is written then.
     */
    @Transactional
    public CampaignObjective set(UUID campaignId, String metric, BigDecimal value, String currency) {
        requireCampaign(campaignId);
        CampaignObjective.Target target = validate(metric, value, currency);
        Objective objective = objectives.findByCampaignId(campaignId).orElseGet(() -> new Objective(campaignId));
        objective.set(target, CurrentActor.require().userId(), clock.instant());
        try {
            return objectives.saveAndFlush(objective).view();
        } catch (DataIntegrityViolationException e) {
            // two first settings at once: the other one won; setting again replaces it
            throw new org.springframework.dao.OptimisticLockingFailureException("The objective was set meanwhile", e);
        }
    }

    static CampaignObjective.Target validate(String metricName, BigDecimal value, String currency) {
        InputProblems problems = new InputProblems();
        ObjectiveMetric metric = null;
        if (metricName == null || metricName.isBlank()) {
            problems.add("metric", "Choose a metric: " + names());
        } else {
            try {
                metric = ObjectiveMetric.valueOf(metricName.trim());
            } catch (IllegalArgumentException e) {
                problems.add("metric", "Unknown metric " + metricName + ": choose one of " + names());
            }
        }
        if (value == null) {
            problems.add("target", "Give the target as a number above 0");
        } else if (value.signum() <= 0) {
            problems.add("target", "The target must be above 0");
        } else if (value.compareTo(MAX_TARGET) > 0) {
            problems.add("target", "The target must be at most 1,000,000,000,000");
        } else if (metric != null && metric.percentage() && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("target", "A rate is in percent: at most 100");
        } else if (value.scale() > 4 && value.stripTrailingZeros().scale() > 4) {
            problems.add("target", "At most 4 decimal places");
        }
        String code = currency == null || currency.isBlank() ? null : currency.trim();
        if (metric != null && metric.money() && code == null) {
            problems.add("currency", metric.label() + " is money: give its currency (such as EUR)");
        } else if (metric != null && !metric.money() && code != null) {
            problems.add("currency", metric.label() + " is not money: leave the currency out");
        } else if (code != null && !code.matches("[A-Z]{3}")) {
            problems.add("currency", "A currency is a three-letter ISO 4217 code such as EUR");
        }
        problems.throwIfAny("The objective is not valid");
        return new CampaignObjective.Target(metric, value.stripTrailingZeros().scale() < 0
                ? value.setScale(0) : value.stripTrailingZeros(), code);
    }

    private static String names() {
        return java.util.Arrays.stream(ObjectiveMetric.values()).map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    private void requireCampaign(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }
}
