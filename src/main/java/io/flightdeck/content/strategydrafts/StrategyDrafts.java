package io.flightdeck.content.strategydrafts;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PastResults;
import io.flightdeck.content.StrategyDraft;
import io.flightdeck.content.StrategyDrafting;
import io.flightdeck.content.TextKind;
import io.flightdeck.content.WhatWorkedBefore;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.ContentGenerator;
import io.flightdeck.content.generation.GeneratedText;
import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.strategy.StrategyAuthoring;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.stereotype.Service;

/**
 * Strategy drafts: the generation port writes a strategy for a campaign from its facts (the built-in generator from
 * its type, or the workspace's AI provider) and from what worked in the workspace's past campaigns
 * ({@link WhatWorkedBefore}, which guidance gives); a person edits it and adopts it as the next strategy version, or
 * guidance's API saves it for review.
 */
@Service
public class StrategyDrafts implements StrategyDrafting {

    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final StrategyAuthoring authoring;
    private final ContentGenerator generator;
    private final Brands brands;
    private final List<WhatWorkedBefore> whatWorked;

    StrategyDrafts(CampaignDirectory campaigns, StrategyDirectory strategies, StrategyAuthoring authoring,
            ContentGenerator generator, Brands brands, List<WhatWorkedBefore> whatWorked) {
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.authoring = authoring;
        this.generator = generator;
        this.brands = brands;
        this.whatWorked = whatWorked;
    }

    /** A draft from the campaign and what worked before it: the one the page and the API offer. */
    public StrategyDraft draft(UUID campaignId, String provider) {
        return draft(campaignId, provider, pastResults(campaignId));
    }

    /** What worked before the campaign, as every draft of it is given it (none without guidance). */
    public PastResults pastResults(UUID campaignId) {
        return whatWorked.isEmpty() ? PastResults.none() : whatWorked.get(0).forCampaign(campaignId);
    }

    @Override
    public StrategyDraft draft(UUID campaignId, String provider, PastResults past) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        List<Channel> channels = campaign.channels().stream().sorted().toList();
        ContentBrief brief = new ContentBrief(campaign.name(), null, List.of(), null, List.of(), null, null,
                campaign.description());
        GeneratedText text = generator.generate(new GenerationRequest(TextKind.STRATEGY_DRAFT, null, brief,
                brands.voiceFor(campaignId), facts(campaign, channels, past), ThreadLocalRandom.current().nextLong(),
                provider, null));
        StrategyAnswer.Read answer = StrategyAnswer.read(text.text(), text.provider(), campaign.channels());
        var current = strategies.currentVersion(campaignId);
        return new StrategyDraft(channels, answer.goals(), answer.targetAudience(), answer.contentPillars(),
                answer.brandTone(), answer.cadence(), answer.channelMix(), answer.budgetSplit(), answer.adObjective(),
                current.isPresent() ? current.getAsInt() : 0, text.provider());
    }

    /**
     * The campaign's brief and what worked before, one fact per line: the built-in generator reads the lines by their
     * names, an AI provider reads them as they are.
     */
    static String facts(CampaignSnapshot campaign, List<Channel> channels, PastResults past) {
        StringBuilder facts = new StringBuilder("Type: " + campaign.type().label()
                + "\nChannels: " + String.join(", ", channels.stream().map(Channel::label).toList())
                + "\nChannel keys: " + String.join(", ", channels.stream().map(Channel::name).toList())
                + "\nObjective: " + (campaign.objective() == null ? "" : campaign.objective())
                + "\nDescription: " + (campaign.description() == null ? "" : campaign.description().replace('\n', ' '))
                + (campaign.budget() == null ? "" : "\nBudget: " + campaign.budget().amount().toPlainString() + " "
                        + campaign.budget().currency()));
        if (!past.findings().isEmpty()) {
            facts.append("\nWhat worked in the workspace's past campaigns:");
            past.findings().forEach(f -> facts.append("\n- ").append(f.replace('\n', ' ')));
        }
        if (!past.channelStrength().isEmpty()) {
            facts.append("\nChannel strength: ").append(String.join(", ", channels.stream()
                    .filter(past.channelStrength()::containsKey)
                    .map(c -> c.name() + " " + String.format(Locale.ROOT, "%.2f", past.channelStrength().get(c)))
                    .toList()));
        }
        if (!past.strongPillars().isEmpty()) {
            facts.append("\nStrong pillars: ").append(String.join("; ", past.strongPillars()));
        }
        return facts.toString();
    }

    /** Saves the (edited) draft as the campaign's next strategy version; returns its number. */
    public int adopt(UUID campaignId, StrategyDraft draft) {
        if (draft.goals().isEmpty()) {
            throw new InvalidInputException("goals", "a strategy needs at least one goal");
        }
        return authoring.saveVersion(campaignId, draft.platforms(), draft.goals(), draft.targetAudience(),
                draft.contentPillars(), draft.brandTone(), draft.cadence(), draft.channelMix(), draft.budgetSplit(),
                draft.adObjective(), draft.basedOnVersion());
    }
}
