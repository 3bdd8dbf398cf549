package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign spaces of the current workspace: create, read, list, update, archive (soft delete) and restore, delete for
 * good, mark as template, stats and performance totals. Callers check roles; the rules that depend on state are here
 * and in {@link CampaignSpace}.
 */
@Service
public class CampaignSpaces {

    static final int MAX_TAGS = 20;

    private final CampaignSpaceRepository spaces;
    private final CampaignDirectory campaigns;
    private final PerformanceDays performanceDays;
    private final EnteredSpaceNumbers enteredNumbers;
    private final Clock clock;

    CampaignSpaces(CampaignSpaceRepository spaces, CampaignDirectory campaigns, PerformanceDays performanceDays,
            EnteredSpaceNumbers enteredNumbers, Clock clock) {
        this.enteredNumbers = enteredNumbers;
        this.spaces = spaces;
        this.campaigns = campaigns;
        this.performanceDays = performanceDays;
        this.clock = clock;
    }

    @Transactional
    public CampaignSpaceView create(CampaignSpaceDetails details) {
        Actor actor = CurrentActor.require();
        CampaignSpace space = spaces.save(new CampaignSpace(validate(details), actor.userId(), clock.instant()));
        spaces.flush();
        return space.view();
    }

    /**
     * Hides a campaign's spaces from the lists while the campaign is in the trash, shows them again once it is back.
     * Reads the campaign's state now rather than trusting the event, so deliveries retried or out of order end right.
     */
    @Transactional
    int followCampaignTrash(UUID campaignId) {
        return spaces.markCampaignInTrash(campaignId, campaigns.find(campaignId).isEmpty());
    }

    @Transactional(readOnly = true)
    public CampaignSpaceView get(UUID id) {
        return find(id).view();
    }

    /** The spaces among these ids (archived ones too), by id, in one query: for pages that name the spaces they list. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, CampaignSpaceView> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return spaces.findAllById(ids).stream()
                .collect(Collectors.toMap(CampaignSpace::getId, CampaignSpace::view));
    }

    @Transactional(readOnly = true)
    public Page<CampaignSpaceView> list(CampaignSpaceFilter filter, Pageable pageable) {
        return spaces.findAll(filter.toSpecification(), pageable).map(CampaignSpace::view);
    }

    @Transactional
    public CampaignSpaceView update(UUID id, CampaignSpaceDetails details, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        CampaignSpace space = find(id);
        checkVersion(space, expectedVersion);
        space.update(validate(details), actor.userId(), clock.instant());
        spaces.flush();
        return space.view();
    }

    @Transactional
    public CampaignSpaceView markAsTemplate(UUID id, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        CampaignSpace space = find(id);
        checkVersion(space, expectedVersion);
        space.markAsTemplate(actor.userId(), clock.instant());
        spaces.flush();
        return space.view();
    }

    @Transactional
    public CampaignSpaceView recordPerformance(UUID id, SpacePerformance performance, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        CampaignSpace space = find(id);
        checkVersion(space, expectedVersion);
        if (performance.clicks() > performance.impressions()) {
            throw new InvalidInputException("clicks", "must not exceed impressions");
        }
        space.recordPerformance(performance, actor.userId(), clock.instant());
        spaces.flush();
        CampaignSpaceView view = space.view();
        enteredNumbers.record(view, clock.instant());
        return view;
    }

    /** The soft delete: the space is archived and can be restored. */
    @Transactional
    public void archive(UUID id) {
        Actor actor = CurrentActor.require();
        find(id).archive(actor.userId(), clock.instant());
    }

    @Transactional
    public CampaignSpaceView restore(UUID id) {
        Actor actor = CurrentActor.require();
        CampaignSpace space = find(id);
        space.restore(actor.userId(), clock.instant());
        spaces.flush();
        return space.view();
    }

    /** The hard delete: the space and its tags are gone for good, and its uses' numbers leave their assets' totals. */
    @Transactional
    public void deletePermanently(UUID id) {
        CampaignSpace space = find(id);
        performanceDays.withdrawSpace(id);
        enteredNumbers.withdraw(id);
        spaces.delete(space);
    }

    @Transactional(readOnly = true)
    public CampaignSpaceStats stats(UUID id) {
        CampaignSpace space = find(id);
        SpacePerformance p = space.performance();
        return new CampaignSpaceStats(space.getId(), space.getAssetCount(), space.getTotalAssetSizeBytes(), p.impressions(),
                p.clicks(), p.conversions(), p.spend(), space.getBudgetCurrency(), ratio(p.clicks(), p.impressions(), 4),
                ratio(p.conversions(), p.clicks(), 4), ratio(p.spend(), p.clicks()), ratio(p.spend(), p.conversions()),
                space.getPerformanceSyncedAt());
    }

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal amount, long count) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private CampaignSpace find(UUID id) {
        return spaces.findWithTags(id).orElseThrow(() -> new NotFoundException("The campaign space"));
    }

    private static void checkVersion(CampaignSpace space, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != space.getVersion()) {
            throw new PreconditionFailedException(space.getVersion());
        }
    }

    /** The rules of a space's details, checked without writing: a refused form shows them beside its own checks. */
    @Transactional(readOnly = true)
    public void check(CampaignSpaceDetails details) {
        validate(details);
    }

    /** Checks what bean validation cannot (the campaign lives in this workspace, tags) and tidies the text. */
    private CampaignSpaceDetails validate(CampaignSpaceDetails d) {
        // a campaign of another workspace is as absent as one that never existed
        campaigns.find(d.campaignId()).orElseThrow(() -> new NotFoundException("The campaign"));
        // every problem at once, so a form marks each field and the API lists them all
        InputProblems problems = new InputProblems();
        if (d.budget() != null && d.budget().amount().signum() < 0) {
            problems.add("budget.amount", "must not be negative");
        }
        Set<String> tags = d.tags() == null ? Set.of() : d.tags().stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        if (tags.size() > MAX_TAGS) {
            problems.add("tags", "at most " + MAX_TAGS + " tags");
        } else if (tags.stream().anyMatch(t -> t.length() > 60)) {
            problems.add("tags", "each tag is at most 60 characters");
        }
        problems.throwIfAny("The campaign space");
        return new CampaignSpaceDetails(d.campaignId(), d.name().strip(), blankToNull(d.description()), d.platform(),
                blankToNull(d.externalCampaignId()), blankToNull(d.objective()), blankToNull(d.audience()), d.budget(),
                d.importSource(), tags, blankToNull(d.category()), d.template(), d.active(), blankToNull(d.brand()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
