package io.flightdeck.content.creatives;

import java.util.Comparator;
import java.util.Set;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.strategy.StrategyBrief;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.stereotype.Component;

/** What a generator is told for a creative's part: the campaign, the strategy version, the topic and the brand. */
@Component
class CreativeBriefs {

    private final StrategyDirectory strategies;

    CreativeBriefs(StrategyDirectory strategies) {
        this.strategies = strategies;
    }

    ContentBrief brief(CampaignSnapshot campaign, Integer strategyVersion, String topic) {
        StrategyBrief s = strategyVersion == null ? null : strategies.brief(campaign.id(), strategyVersion).orElse(null);
        String about = topic != null ? topic : campaign.description();
        if (s == null) {
            return new ContentBrief(campaign.name(), null, campaign.objective() == null ? null
                    : java.util.List.of(campaign.objective()), null, null, null, null, about);
        }
        return new ContentBrief(campaign.name(), s.version(), s.goals(), s.targetAudience(), s.contentPillars(),
                s.brandTone(), s.constraints(), about);
    }

    GenerationRequest request(ComponentKind kind, Set<Channel> channels, ContentBrief brief, BrandVoice brand, long seed,
            String provider, String model) {
        return new GenerationRequest(kind.textKind(), strictest(channels), brief, brand, null, seed, provider, model);
    }

    /**
     * One text goes out on every channel of the creative, so it is written for the tightest limit among them (a caption
     * for X and LinkedIn must fit X). Channels without a character limit come last.
     */
    static Channel strictest(Set<Channel> channels) {
        return channels.stream().min(Comparator.comparingInt(CreativeBriefs::tightness)).orElse(null);
    }

    private static int tightness(Channel channel) {
        int max = PlatformLimits.of(channel).maxChars();
        return max == 0 ? Integer.MAX_VALUE : max;
    }
}
