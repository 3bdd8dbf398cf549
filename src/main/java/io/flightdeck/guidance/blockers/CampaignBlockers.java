package io.flightdeck.guidance.blockers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessItems;
import io.flightdeck.campaigns.ReadinessScoring;
import io.flightdeck.shared.NotFoundException;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ClassUtils;

/**
 * A campaign's blockers: every module's readiness check asked once (once per GET request with the readiness card), each unmet item kept with the module that
 * reported it, most severe first and, within a severity, the heaviest first (the checks' own order breaks ties).
 * Nothing here is written or remembered: the same campaign gives the same blockers until something changes.
 */
@Service
public class CampaignBlockers {

    /** Severity first, then the item's weight; a stable sort keeps the checks' order among equals. */
    static final Comparator<Blocker> ORDER = Comparator.comparing(Blocker::severity)
            .thenComparing(Comparator.comparingInt(Blocker::weight).reversed());

    private final CampaignDirectory campaigns;
    /** The same items the campaign's readiness card shows, asked once per GET request for both cards. */
    private final ReadinessItems checks;
    private final ReadinessScoring scoring;
    private final Clock clock;

    CampaignBlockers(CampaignDirectory campaigns, ReadinessItems checks, ReadinessScoring scoring, Clock clock) {
        this.campaigns = campaigns;
        this.checks = checks;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Blocker> blockers(UUID campaignId) {
        return blockers(campaign(campaignId));
    }

    /** The blockers of a campaign the caller has already read (a list of them, say). */
    @Transactional(readOnly = true)
    public List<Blocker> blockers(CampaignSnapshot campaign) {
        return blockersOf(items(campaign));
    }

    /** The score and the blockers from one pass over the checks, so the two never disagree. */
    @Transactional(readOnly = true)
    public CampaignEvaluation evaluate(UUID campaignId) {
        CampaignSnapshot campaign = campaign(campaignId);
        List<Reported> reported = items(campaign);
        return new CampaignEvaluation(campaign.id(), clock.instant(),
                scoring.score(reported.stream().map(Reported::item).toList()), blockersOf(reported), List.of());
    }

    private CampaignSnapshot campaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    /** An item with the module whose check reported it. */
    private record Reported(ReadinessItem item, String module) {
    }

    private List<Reported> items(CampaignSnapshot campaign) {
        List<Reported> reported = new ArrayList<>();
        checks.of(campaign).forEach(checked -> reported.add(new Reported(checked.item(), moduleOf(checked.check()))));
        return reported;
    }

    private static List<Blocker> blockersOf(List<Reported> reported) {
        return reported.stream().filter(r -> !r.item().done()).map(r -> Blocker.of(r.item(), r.module()))
                .sorted(ORDER).toList();
    }

    /**
     * The module a check belongs to, from its package: modules are the direct subpackages of the application's base
     * package, which is the parent of the package the extension point lives in. So a new module's check is named
     * without a list to keep up to date.
     */
    static String moduleOf(Object check) {
        String base = ReadinessCheck.class.getPackageName();
        String prefix = base.substring(0, base.lastIndexOf('.') + 1);
        String name = ClassUtils.getUserClass(AopUtils.getTargetClass(check)).getPackageName();
        if (!name.startsWith(prefix)) {
            return name;
        }
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
