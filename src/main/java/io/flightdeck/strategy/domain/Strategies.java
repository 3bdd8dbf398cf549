package io.flightdeck.strategy.domain;

import io.flightdeck.shared.persistence.ConcurrentWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.strategy.AdObjective;
import io.flightdeck.strategy.StrategyAuthoring;
import io.flightdeck.strategy.StrategyInvalidated;
import io.flightdeck.strategy.StrategyRevised;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Strategies of the current workspace's campaigns: save a new version, read, list, invalidate, completeness and
 * diffs. Callers check roles; the rules that depend on state are here. What other modules read is in
 * {@link StrategyLookup}.
 */
@Service
public class Strategies implements StrategyAuthoring {

    /** Enough for a burst of simultaneous saves of one strategy; each round of clashes lets at least one through. */
    static final int MAX_ATTEMPTS = 12;
    /** Two saves that picked the same next number, or met on a row: the later one tries again on the rows as they are. */
    private static final org.springframework.core.retry.RetryTemplate SAVE_CLASHES = ConcurrentWrites.retrying(
            e -> e instanceof ConcurrencyFailureException || (e instanceof DataIntegrityViolationException
                    && isNumberClash(e)), MAX_ATTEMPTS, java.time.Duration.ofMillis(5));
    private static final String NUMBER_CONSTRAINT = "strategy_versions_number_uq";

    private final StrategyVersionRepository versions;
    private final CampaignDirectory campaigns;
    private final StrategyViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Strategies(StrategyVersionRepository versions, CampaignDirectory campaigns, StrategyViews views,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.versions = versions;
        this.campaigns = campaigns;
        this.views = views;
        this.events = events;
        this.clock = clock;
        // Each attempt in a transaction of its own: after a constraint violation PostgreSQL refuses every further
        // statement of the failed transaction, so a retry inside it (or inside a caller's, such as the
        // Idempotency-Key one) could never succeed.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Checks details without saving them, for a form that could not read all of its own: every problem at once. */
    public void check(StrategyDetails details) {
        StrategyRules.check(details);
    }

    /**
     * Saves the details as the campaign's next version; the previous current version becomes superseded. Saves
     * racing each other all succeed with consecutive numbers: a clash on the unique number is retried afresh.
     *
     * @param basedOnVersion the newest version the writer saw (0 for none); when given and no longer the newest, the
     *                       save is refused with a 409 {@code strategy-changed} instead of overwriting someone's work
     */
    public StrategyView save(UUID campaignId, StrategyDetails details, Integer basedOnVersion) {
        Actor actor = CurrentActor.require();
        StrategyDetails checked = StrategyRules.check(details);
        try {
            return SAVE_CLASHES.invoke(() -> ownTransaction.execute(status -> saveOnce(actor, campaignId, checked,
                    basedOnVersion)));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            if (e instanceof DataIntegrityViolationException && !isNumberClash(e)) {
                throw e;
            }
            throw new ConflictException("strategy-busy", "Too many people saved this strategy at the same moment; save again");
        }
    }

    /**
     * Saves the first version of a campaign made in the caller's transaction (one started from a template): it cannot
     * see a campaign not yet committed from a transaction of its own, and nobody else can race a campaign nobody sees.
     */
    StrategyView saveFirst(UUID campaignId, StrategyDetails details) {
        return saveOnce(CurrentActor.require(), campaignId, StrategyRules.check(details), 0);
    }

    private StrategyView saveOnce(Actor actor, UUID campaignId, StrategyDetails details, Integer basedOnVersion) {
        requireCampaign(campaignId);
        Optional<StrategyVersion> latest = versions.findFirstByCampaignIdOrderByNumberDesc(campaignId);
        int head = latest.map(StrategyVersion::getNumber).orElse(0);
        if (basedOnVersion != null && basedOnVersion != head) {
            throw new ConflictException("strategy-changed", head == 0
                    ? "The strategy you based this on no longer exists"
                    : "Version " + head + " was saved since you opened version " + basedOnVersion
                            + "; look at it and apply your changes on top", Map.of("currentVersion", head));
        }
        int number = head + 1;
        Instant now = clock.instant();
        latest.filter(StrategyVersion::isCurrent).ifPresent(previous -> previous.supersede(number, actor.userId(), now));
        StrategyVersion created = versions.save(new StrategyVersion(campaignId, number, details, actor.userId(), now));
        // Flushed before the event, so an attempt that loses the race never announces a version.
        versions.flush();
        events.publishEvent(new StrategyRevised(actor.workspaceId(), campaignId, created.getId(), number,
                head == 0 ? null : head, actor.userId(), now));
        return views.of(created);
    }

    @Transactional
    public StrategyView invalidate(UUID campaignId, int number, String reason) {
        Actor actor = CurrentActor.require();
        StrategyVersion version = find(campaignId, number);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the version is invalidated");
        }
        if (reason.strip().length() > StrategyRules.MAX_REASON) {
            throw new InvalidInputException("reason", "is at most " + StrategyRules.MAX_REASON + " characters");
        }
        if (!version.isCurrent()) {
            throw new ConflictException("strategy-not-current", "Version " + number + " is already "
                    + version.getStatus().label().toLowerCase() + "; only the current version can be invalidated",
                    Map.of("currentState", version.getStatus().name()));
        }
        Instant now = clock.instant();
        version.invalidate(reason.strip(), actor.userId(), now);
        versions.flush();
        events.publishEvent(new StrategyInvalidated(actor.workspaceId(), campaignId, version.getId(), number,
                reason.strip(), actor.userId(), now));
        return views.of(version);
    }

    @Transactional(readOnly = true)
    public Optional<StrategyView> findCurrent(UUID campaignId) {
        requireCampaign(campaignId);
        return versions.findByCampaignIdAndStatus(campaignId, StrategyStatus.CURRENT).map(views::of);
    }

    @Transactional(readOnly = true)
    public StrategyView current(UUID campaignId) {
        return findCurrent(campaignId).orElseThrow(() -> new NotFoundException("A current strategy for this campaign"));
    }

    /** The newest version whatever its status: what the editor starts from. */
    @Transactional(readOnly = true)
    public Optional<StrategyView> latest(UUID campaignId) {
        requireCampaign(campaignId);
        return versions.findFirstByCampaignIdOrderByNumberDesc(campaignId).map(views::of);
    }

    @Transactional(readOnly = true)
    public StrategyView get(UUID campaignId, int number) {
        return views.of(find(campaignId, number));
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public Page<StrategyView> list(UUID campaignId, Pageable pageable) {
        requireCampaign(campaignId);
        return views.of(versions.findByCampaignIdOrderByNumberDesc(campaignId, pageable));
    }

    @Transactional(readOnly = true)
    public Completeness completeness(UUID campaignId, int number) {
        CampaignSnapshot campaign = requireCampaign(campaignId);
        StrategyVersion version = find(campaignId, number);
        return StrategyCompleteness.of(number, version.details(), budgeted(campaign));
    }

    /** What changed from one version to another, field by field in form order. */
    @Transactional(readOnly = true)
    public List<FieldChange> diff(UUID campaignId, int from, int to) {
        StrategyVersion older = find(campaignId, from);
        StrategyVersion newer = find(campaignId, to);
        return StrategyDiff.between(older.details(), newer.details());
    }

    /** Two versions field by field, changed or not, for a side-by-side view. */
    @Transactional(readOnly = true)
    public List<FieldComparison> compare(UUID campaignId, int from, int to) {
        StrategyVersion older = find(campaignId, from);
        StrategyVersion newer = find(campaignId, to);
        return StrategyDiff.compare(older.details(), newer.details());
    }

    @Override
    public int saveVersion(UUID campaignId, List<io.flightdeck.campaigns.Channel> platforms, List<String> goals,
            String targetAudience, List<String> contentPillars, String brandTone, String cadence,
            Map<io.flightdeck.campaigns.Channel, Integer> channelMix, Map<io.flightdeck.campaigns.Channel, Integer> budgetSplit,
            AdObjective adObjective, Integer basedOnVersion) {
        Optional<StrategyVersion> latest = versions.findFirstByCampaignIdOrderByNumberDesc(campaignId);
        StrategyDetails kept = latest.map(StrategyVersion::details).orElse(StrategyDetails.empty());
        AdsConfig was = kept.adsConfig();
        AdsConfig ads = budgetSplit == null && adObjective == null ? was
                : new AdsConfig(adObjective != null ? adObjective : was == null ? null : was.objective(),
                        budgetSplit != null ? budgetSplit : was == null ? Map.of() : was.budgetSplit(),
                        was == null ? null : was.biddingNotes());
        return save(campaignId, new StrategyDetails(platforms, goals, targetAudience, contentPillars, brandTone,
                kept.constraints(), cadence, ads, channelMix == null ? kept.channelMix() : channelMix),
                basedOnVersion).version();
    }

    /** Completeness of a version already read, or of an empty strategy (version 0) when there is none. */
    public Completeness completenessOf(CampaignSnapshot campaign, StrategyView version) {
        return version == null ? StrategyCompleteness.of(0, StrategyDetails.empty(), budgeted(campaign))
                : StrategyCompleteness.of(version.version(), version.details(), budgeted(campaign));
    }

    /** The campaign a strategy belongs to, from the current workspace only. */
    @Transactional(readOnly = true)
    public CampaignSnapshot campaign(UUID campaignId) {
        return requireCampaign(campaignId);
    }

    static boolean budgeted(CampaignSnapshot campaign) {
        return campaign.budget() != null && campaign.budget().amount().signum() > 0;
    }

    private StrategyVersion find(UUID campaignId, int number) {
        requireCampaign(campaignId);
        return versions.findByCampaignIdAndNumber(campaignId, number)
                .orElseThrow(() -> new NotFoundException("Version " + number + " of the strategy"));
    }

    private CampaignSnapshot requireCampaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    /** A clash on the version number, as opposed to any other broken constraint (which a retry would not fix). */
    private static boolean isNumberClash(Throwable e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase().contains(NUMBER_CONSTRAINT)) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().toLowerCase().contains(NUMBER_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    /** Where each version that still exists lives, for links from elsewhere (the audit log); one query. */
    @Transactional(readOnly = true)
    public Map<UUID, StrategyVersionPlace> places(Collection<UUID> versionIds) {
        Map<UUID, StrategyVersionPlace> places = new java.util.HashMap<>();
        versions.findAllById(versionIds).forEach(v -> places.put(v.getId(), new StrategyVersionPlace(v.getCampaignId(), v.getNumber())));
        return places;
    }

    /** A version's campaign and number. */
    public record StrategyVersionPlace(UUID campaignId, int version) {
    }
}
