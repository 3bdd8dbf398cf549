package io.flightdeck.analytics.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts sent from elsewhere (an ad platform's export, a data warehouse, a script) through the bulk API: every fact is
 * checked, and all are refused together if one is wrong, before any is written; then they are kept like any source's
 * (once per key: sent again, or revised, a fact replaces its number). The sources Flightdeck writes itself are not
 * open to the API, so nothing from outside can overwrite the numbers of an email send.
 */
@Service
public class FactIngest {

    /** Facts in one request: a minute's worth from a busy platform, and a body of a few megabytes. */
    public static final int MAX_FACTS = 10_000;
    /** Problems told at most: ten thousand wrong facts make one long answer nobody reads. */
    static final int MAX_PROBLEMS = 100;
    /**
     * Sources whose facts Flightdeck computes itself, and spend entered by hand ({@code entered}), which only managers
     * write: through this API a contributor could otherwise overwrite it.
     */
    static final Set<String> OWN_SOURCES = Set.of("email", "publishing", "assets", "entered", SimulatedNumbers.SANDBOX);

    private final MetricFacts facts;
    private final CampaignDirectory campaigns;

    FactIngest(MetricFacts facts, CampaignDirectory campaigns) {
        this.facts = facts;
        this.campaigns = campaigns;
    }

    /** One fact as sent, not yet checked. */
    public record FactInput(String source, String objectType, String objectId, UUID campaignId, String channel,
            Metric metric, Granularity granularity, Instant periodStart, BigDecimal value, String currency) {
    }

    /** Checks every fact, then writes them all; answers how many were written. */
    @Transactional
    public int ingest(List<FactInput> inputs) {
        InputProblems problems = new InputProblems();
        if (inputs == null || inputs.isEmpty()) {
            problems.add("facts", "Send at least one fact");
        } else if (inputs.size() > MAX_FACTS) {
            problems.add("facts", "At most " + MAX_FACTS + " facts a request; this one has " + inputs.size()
                    + ". Send them in several.");
        }
        problems.throwIfAny("The facts");
        List<MetricFact> checked = new ArrayList<>(inputs.size());
        Set<UUID> campaignIds = new HashSet<>();
        for (int i = 0; i < inputs.size() && problems.size() < MAX_PROBLEMS; i++) {
            MetricFact fact = check(inputs.get(i), "facts[" + i + "]", problems);
            if (fact != null) {
                checked.add(fact);
                if (fact.campaignId() != null) {
                    campaignIds.add(fact.campaignId());
                }
            }
        }
        if (problems.size() >= MAX_PROBLEMS) {
            problems.add("facts", "The first " + MAX_PROBLEMS + " problems are listed; there may be more");
        }
        problems.throwIfAny("The facts");
        // another workspace's campaign is not found, as everywhere (404), once the facts themselves are right
        Map<UUID, CampaignSnapshot> known = campaigns.findAll(campaignIds);
        for (int i = 0; i < checked.size(); i++) {
            UUID campaign = checked.get(i).campaignId();
            if (campaign != null && !known.containsKey(campaign)) {
                throw new NotFoundException("Campaign " + campaign + ", named by facts[" + i + "],");
            }
        }
        facts.upsert(checked);
        return checked.size();
    }

    private static MetricFact check(FactInput in, String at, InputProblems problems) {
        if (in == null) {
            problems.add(at, "A fact, not null");
            return null;
        }
        if (in.source() != null && OWN_SOURCES.contains(in.source())) {
            problems.add(at + ".source", "Flightdeck writes the " + in.source() + " facts itself: name your own "
                    + "source, such as google-ads or warehouse");
            return null;
        }
        if (in.channel() != null && !isChannel(in.channel())) {
            problems.add(at + ".channel", "Not a channel: " + in.channel() + " (one of "
                    + java.util.Arrays.toString(Channel.values()) + ")");
            return null;
        }
        try {
            return new MetricFact(in.source(), in.objectType(), in.objectId(), in.campaignId(), in.channel(),
                    in.metric(), in.granularity(), in.periodStart(), in.value(), in.currency());
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(at + "." + p.field(), p.message()));
            return null;
        }
    }

    private static boolean isChannel(String name) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
