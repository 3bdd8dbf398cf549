package io.flightdeck.campaigns.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in member's own campaigns that need them before launch: blocked (an open blocking readiness item), or at
 * risk (below the launch threshold with the start date near, or the start date passed without a launch), each with
 * the reason and where to act. Also says whether the workspace holds any campaign at all.
 */
@Service
@Transactional(readOnly = true)
public class CampaignAttention {

    /** How close the start date must be for a campaign below the threshold to count as at risk. */
    public static final int NEAR_DAYS = 14;

    /** Readiness runs every check per campaign, so the list is bounded. */
    static final int SCANNED = 10;

    private static final Set<CampaignStatus> BEFORE_LAUNCH = EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.PLANNING,
            CampaignStatus.READY);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * One campaign that needs its owner. {@code kind}: blocked or at-risk; {@code fixLabel} and {@code fixLink}: the
     * first blocker and where to resolve it, or null when the campaign page is the place.
     */
    public record Item(UUID campaignId, String name, String kind, String reason, String fixLabel, String fixLink) {

        public boolean blocked() {
            return "blocked".equals(kind);
        }
    }

    private final CampaignRepository campaigns;
    private final Campaigns service;
    private final CampaignReadiness readiness;
    private final Clock clock;

    CampaignAttention(CampaignRepository campaigns, Campaigns service, CampaignReadiness readiness, Clock clock) {
        this.campaigns = campaigns;
        this.service = service;
        this.readiness = readiness;
        this.clock = clock;
    }

    public boolean anyCampaign() {
        return campaigns.existsByDeletedAtIsNull();
    }

    public List<Item> mine() {
        UUID me = CurrentActor.require().userId();
        List<UUID> ids = campaigns.findOwnedIds(me, BEFORE_LAUNCH, PageRequest.of(0, SCANNED));
        var snapshots = service.findAll(ids);
        LocalDate today = LocalDate.now(clock);
        List<Item> items = new ArrayList<>();
        for (UUID id : ids) {
            CampaignSnapshot campaign = snapshots.get(id);
            if (campaign != null) {
                attention(campaign, readiness.readiness(id), today).ifPresent(items::add);
            }
        }
        return items;
    }

    static Optional<Item> attention(CampaignSnapshot campaign, Readiness readiness, LocalDate today) {
        List<ReadinessItem> blockers = readiness.blockers();
        if (!blockers.isEmpty()) {
            String reason = "Blocked by " + blockers.size() + (blockers.size() == 1 ? " open item: " : " open items: ")
                    + blockers.stream().map(ReadinessItem::label).collect(Collectors.joining(", "));
            ReadinessItem first = blockers.get(0);
            return Optional.of(new Item(campaign.id(), campaign.name(), "blocked", reason, first.label(),
                    first.fixLink()));
        }
        LocalDate start = campaign.startDate();
        if (start == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(today, start);
        String score = "readiness " + readiness.score() + " % of the " + readiness.threshold() + " % needed";
        if (days < 0) {
            return Optional.of(new Item(campaign.id(), campaign.name(), "at-risk",
                    "Was to start on " + DAY.format(start) + " and is not launched; " + score, null, null));
        }
        if (!readiness.meetsThreshold() && days <= NEAR_DAYS) {
            String when = days == 0 ? "starts today" : days == 1 ? "starts tomorrow" : "starts in " + days + " days";
            return Optional.of(new Item(campaign.id(), campaign.name(), "at-risk",
                    Character.toUpperCase(score.charAt(0)) + score.substring(1) + ", " + when, null, null));
        }
        return Optional.empty();
    }
}
