package io.flightdeck.content.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.creatives.CreativeMode;
import io.flightdeck.content.brands.BrandDetails;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.CreativeDraft;
import io.flightdeck.content.creatives.CreativeEditor;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Content worth opening in the demo: a brand with its voice, words to avoid and legal footer, and for the live and
 * ready campaigns creatives drafted by the built-in generator, one of them edited by a person and one sent for review.
 * Order 60: after the campaigns, their strategies and the asset library.
 */
@Component
@Order(60)
class DemoContent implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final Brands brands;
    private final Creatives creatives;
    private final CreativeEditor editor;
    private final CampaignDirectory campaigns;
    private final MemberDirectory members;

    DemoContent(Brands brands, Creatives creatives, CreativeEditor editor, CampaignDirectory campaigns,
            MemberDirectory members) {
        this.brands = brands;
        this.creatives = creatives;
        this.editor = editor;
        this.campaigns = campaigns;
        this.members = members;
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        MemberSummary manager = members.find(workspace.member(Role.MANAGER)).orElseThrow();
        Actor actor = new Actor(manager.userId(), workspace.workspaceId(), Role.MANAGER, manager.email(),
                manager.displayName(), ZoneId.of("Europe/Berlin"), null);
        CurrentActor.runAs(actor, () -> {
            brands.create(new BrandDetails("Northwind Outfitters",
                    "Warm, plain and practical: we talk like a friend who knows the trail, never like a catalogue.",
                    List.of("built to last", "trail-tested"), List.of("cheap", "synergy", "revolutionary"),
                    List.of("#Northwind", "#OutThere"), List.of("#1f3a2e", "#e8dcc4", "#c2562b"), "Fraunces", "Inter",
                    List.of(), "Northwind Outfitters Ltd. Offers while stocks last."));
            List<CampaignSnapshot> shown = new ArrayList<>(campaigns.inStatus(CampaignStatus.ACTIVE, 2));
            shown.addAll(campaigns.inStatus(CampaignStatus.READY, 1));
            int made = 0;
            for (CampaignSnapshot campaign : shown) {
                Set<Channel> channels = campaign.channels().isEmpty() ? Set.of(Channel.INSTAGRAM, Channel.LINKEDIN)
                        : campaign.channels();
                CreativeView teaser = creatives.create(new CreativeDraft(campaign.id(), campaign.name() + " – teaser",
                        campaign.description(), channels, CreativeMode.AI, Map.of(), null, null, "built-in", null));
                made++;
                if (made == 1) {
                    // a person's touch: the demo shows a hybrid creative and a version history
                    editor.write(teaser.id(), ComponentKind.HEADLINE, "Out there, every weekend", null, null);
                }
                CreativeView launch = creatives.create(new CreativeDraft(campaign.id(), campaign.name() + " – launch day",
                        campaign.description(), channels, CreativeMode.AI, Map.of(), null, null, "built-in", null));
                made++;
                if (made == 2) {
                    try {
                        creatives.submit(launch.id());
                    } catch (RuntimeException e) {
                        // a workspace whose content scope is switched off has nothing to send it to
                        log.debug("Demo creative not sent for review: {}", e.getMessage());
                    }
                }
            }
            log.info("Demo content: a brand and {} creatives", made);
            return made;
        });
    }
}
