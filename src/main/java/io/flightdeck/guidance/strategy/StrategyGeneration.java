package io.flightdeck.guidance.strategy;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PastResults;
import io.flightdeck.content.StrategyDraft;
import io.flightdeck.content.StrategyDrafting;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.strategy.StrategyAuthoring;
import io.flightdeck.strategy.StrategyBrief;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 002's {@code generate-strategy}: a full strategy drafted from the campaign's brief, its brand and what worked
 * in the workspace's past campaigns, through the content generator (built-in or the workspace's AI provider), saved
 * as the campaign's next strategy version for review, with the evidence kept beside it. The generator is called
 * outside any transaction; a malformed answer fails before anything is saved.
 */
@Service
public class StrategyGeneration {

    static final String REVIEW = "Awaiting review: a new strategy version sends the strategy approval back for review";

    private final CampaignDirectory campaigns;
    private final WhatWorked whatWorked;
    private final StrategyDrafting drafting;
    private final StrategyAuthoring authoring;
    private final StrategyDirectory strategies;
    private final StrategyGenerationEntryRepository entries;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StrategyGeneration(CampaignDirectory campaigns, WhatWorked whatWorked, StrategyDrafting drafting,
            StrategyAuthoring authoring, StrategyDirectory strategies, StrategyGenerationEntryRepository entries,
            PlatformTransactionManager transactions, Clock clock) {
        this.campaigns = campaigns;
        this.whatWorked = whatWorked;
        this.drafting = drafting;
        this.authoring = authoring;
        this.strategies = strategies;
        this.entries = entries;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What worked, as a draft would be given it now (for the page, before anyone generates). */
    public StrategyEvidence evidence(UUID campaignId) {
        return whatWorked.forCampaign(campaign(campaignId));
    }

    /**
     * Drafts, saves and records a strategy version; another workspace's campaign is not found.
     *
     * @param provider the provider's name, {@code built-in}, or null for the workspace's default
     */
    public GeneratedStrategy generate(UUID campaignId, String provider) {
        Drafted drafted = draft(campaignId, provider);
        return view(transaction.execute(status -> save(campaignId, drafted)));
    }

    /** A draft and the evidence it was given; the generator is asked here, so call it outside any transaction. */
    record Drafted(StrategyDraft draft, StrategyEvidence evidence) {
    }

    Drafted draft(UUID campaignId, String provider) {
        StrategyEvidence evidence = whatWorked.forCampaign(campaign(campaignId));
        return new Drafted(drafting.draft(campaignId, provider, pastResults(evidence)), evidence);
    }

    /**
     * Saves the draft as the campaign's next version with the record of its evidence, in the caller's transaction: so
     * no version exists without its evidence. On top of whatever is newest by then: every version stays in the
     * history, so nothing is overwritten.
     */
    StrategyGenerationEntry save(UUID campaignId, Drafted drafted) {
        StrategyDraft draft = drafted.draft();
        int version = authoring.saveVersion(campaignId, draft.platforms(), draft.goals(), draft.targetAudience(),
                draft.contentPillars(), draft.brandTone(), draft.cadence(), draft.channelMix(), draft.budgetSplit(),
                draft.adObjective(), null);
        return entries.save(new StrategyGenerationEntry(campaignId, version, draft.provider(), drafted.evidence(),
                CurrentActor.require().userId(), clock.instant()));
    }

    /** A generation of the campaign, for its page; another campaign's or workspace's is not found. */
    public GeneratedStrategy find(UUID campaignId, UUID generationId) {
        campaign(campaignId);
        return entries.findByIdAndCampaignId(generationId, campaignId).map(this::view)
                .orElseThrow(() -> new NotFoundException("The generated strategy"));
    }

    private GeneratedStrategy view(StrategyGenerationEntry entry) {
        StrategyBrief brief = strategies.brief(entry.campaignId(), entry.strategyVersion())
                .orElseThrow(() -> new NotFoundException("Version " + entry.strategyVersion() + " of the strategy"));
        boolean current = strategies.currentVersion(entry.campaignId()).stream()
                .anyMatch(v -> v == entry.strategyVersion());
        return new GeneratedStrategy(entry.getId(), entry.campaignId(), entry.strategyVersion(),
                current ? "Current" : "No longer current", REVIEW, entry.provider(), brief.platforms(), brief.goals(),
                brief.targetAudience(), brief.contentPillars(), brief.brandTone(), brief.cadence(), brief.channelMix(),
                brief.budgetSplit(), entry.createdAt(), entry.evidence());
    }

    /** The evidence as the generator takes it: findings, strengths of the channels, pillars above the average. */
    static PastResults pastResults(StrategyEvidence evidence) {
        Map<Channel, Double> strength = new LinkedHashMap<>();
        evidence.channels().forEach(c -> strength.put(c.channel(), c.strength()));
        List<String> strong = evidence.pillars().stream().filter(p -> p.score() > 1)
                .sorted(Comparator.comparingDouble(StrategyEvidence.PillarEvidence::score).reversed())
                .map(StrategyEvidence.PillarEvidence::pillar).limit(3).toList();
        return new PastResults(evidence.findings(), strength, strong);
    }

    /** The campaign in the current workspace; another workspace's is not found. */
    CampaignSnapshot campaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }
}
