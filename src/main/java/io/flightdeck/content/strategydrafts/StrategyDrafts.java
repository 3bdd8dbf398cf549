package io.flightdeck.content.strategydrafts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.ContentGenerator;
import io.flightdeck.content.generation.GeneratedText;
import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.content.TextKind;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.strategy.StrategyAuthoring;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strategy drafts: the generation port writes a first strategy for a campaign from its facts (the built-in generator
 * from its type, or the workspace's AI provider), a person edits it and adopts it as the next strategy version.
 */
@Service
public class StrategyDrafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final StrategyAuthoring authoring;
    private final ContentGenerator generator;
    private final Brands brands;

    StrategyDrafts(CampaignDirectory campaigns, StrategyDirectory strategies, StrategyAuthoring authoring,
            ContentGenerator generator, Brands brands) {
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.authoring = authoring;
        this.generator = generator;
        this.brands = brands;
    }

    public StrategyDraft draft(UUID campaignId, String provider) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        String facts = "Type: " + campaign.type().label() + "\nChannels: "
                + String.join(", ", campaign.channels().stream().sorted().map(Channel::label).toList())
                + "\nObjective: " + (campaign.objective() == null ? "" : campaign.objective())
                + "\nDescription: " + (campaign.description() == null ? "" : campaign.description().replace('\n', ' '));
        ContentBrief brief = new ContentBrief(campaign.name(), null, List.of(), null, List.of(), null, null,
                campaign.description());
        GeneratedText text = generator.generate(new GenerationRequest(TextKind.STRATEGY_DRAFT, null, brief,
                brands.voiceFor(campaignId), facts, ThreadLocalRandom.current().nextLong(), provider, null));
        JsonNode json;
        try {
            json = JSON.readTree(text.text());
        } catch (JacksonException e) {
            throw new GenerationFailedException("malformed-answer", text.provider()
                    + " did not answer with a strategy we can read; try again or use the built-in generator", e);
        }
        var current = strategies.currentVersion(campaignId);
        return new StrategyDraft(campaign.channels().stream().sorted().toList(), strings(json.path("goals")),
                json.path("targetAudience").asString(null), strings(json.path("contentPillars")),
                json.path("brandTone").asString(null), json.path("cadence").asString(null),
                current.isPresent() ? current.getAsInt() : 0, text.provider());
    }

    /** Saves the (edited) draft as the campaign's next strategy version; returns its number. */
    public int adopt(UUID campaignId, StrategyDraft draft) {
        if (draft.goals().isEmpty()) {
            throw new InvalidInputException("goals", "a strategy needs at least one goal");
        }
        return authoring.saveVersion(campaignId, draft.platforms(), draft.goals(), draft.targetAudience(),
                draft.contentPillars(), draft.brandTone(), draft.cadence(), draft.basedOnVersion());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                String s = item.asString("").strip();
                if (!s.isEmpty() && out.size() < 10) {
                    out.add(s.length() > 200 ? s.substring(0, 200) : s);
                }
            }
        }
        return out;
    }
}
