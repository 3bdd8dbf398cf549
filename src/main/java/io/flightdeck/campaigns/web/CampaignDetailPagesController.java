package io.flightdeck.campaigns.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignPanelContent;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.campaigns.domain.CampaignTransition;
import io.flightdeck.campaigns.domain.Readiness;
import io.flightdeck.campaigns.domain.CampaignLifecycle;
import io.flightdeck.campaigns.domain.CampaignReadiness;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.campaigns.domain.LaunchWalk;
import io.flightdeck.campaigns.domain.LaunchWarning;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign page: the header with its lifecycle actions, then one tab at a time, each at its own address. Overview
 * (readiness, next steps, details) and Activity are the campaigns module's; the tabs between them are the other
 * modules' {@link CampaignTab}s, filled with their {@link CampaignPanel}s.
 */
@Controller
class CampaignDetailPagesController {

    private final Campaigns campaigns;
    private final CampaignLifecycle lifecycle;
    private final CampaignReadiness scores;
    private final List<CampaignTab> tabs;
    private final Map<String, List<CampaignPanel>> panelsByTab;
    /** Where each card lives, so an old link to {@code /campaigns/{id}#card} still finds it. */
    private final Map<String, String> tabOfPanel;
    /** The cards filled in the page's own request, by panel key. */
    private final Map<String, CampaignPanelContent> contents;

    /** A card filled in the page's request: the fragment the page inserts where the card loads otherwise. */
    record InlinePanel(String template, String fragment) {
    }

    CampaignDetailPagesController(Campaigns campaigns, CampaignLifecycle lifecycle, CampaignReadiness scores,
            List<CampaignTab> moduleTabs, List<CampaignPanel> panels, List<CampaignPanelContent> contents) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.scores = scores;
        this.tabs = Stream.concat(Stream.concat(
                        Stream.of(new CampaignTab(CampaignTab.OVERVIEW, "Overview", Integer.MIN_VALUE)),
                        moduleTabs.stream().sorted(Comparator.comparingInt(CampaignTab::order))),
                        Stream.of(new CampaignTab(CampaignTab.ACTIVITY, "Activity", Integer.MAX_VALUE)))
                .toList();
        this.panelsByTab = panels.stream().sorted(Comparator.comparingInt(CampaignPanel::order))
                .collect(Collectors.groupingBy(CampaignPanel::tab));
        this.tabOfPanel = panels.stream().collect(Collectors.toMap(CampaignPanel::key, CampaignPanel::tab));
        this.contents = contents.stream().collect(Collectors.toMap(CampaignPanelContent::panelKey,
                Function.identity()));
    }

    @GetMapping("/campaigns/{id}")
    String overview(@PathVariable UUID id, Model model) {
        return tab(id, CampaignTab.OVERVIEW, model);
    }

    @GetMapping("/campaigns/{id}/tabs/{tab}")
    String tab(@PathVariable UUID id, @PathVariable String tab, Model model) {
        CampaignTab current = tabs.stream().filter(t -> t.key().equals(tab)).findFirst()
                .orElseThrow(() -> new NotFoundException("The campaign page's tab \"" + tab + "\""));
        addCampaign(id, model);
        List<CampaignPanel> panels = panelsByTab.getOrDefault(current.key(), List.of());
        // after the readiness above: a card filled here reads the same items without asking the checks again
        Map<String, InlinePanel> inline = new LinkedHashMap<>();
        for (CampaignPanel panel : panels) {
            CampaignPanelContent content = contents.get(panel.key());
            if (content != null) {
                model.addAllAttributes(content.model(id));
                inline.put(panel.key(), new InlinePanel(content.template(), content.fragment()));
            }
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("currentTab", current);
        model.addAttribute("panels", panels);
        model.addAttribute("inlinePanels", inline);
        model.addAttribute("tabOfPanel", tabOfPanel);
        return "campaigns/detail";
    }

    /** The name, status and lifecycle buttons; the page reloads them after any htmx action. */
    @GetMapping("/campaigns/{id}/header")
    String header(@PathVariable UUID id, Model model) {
        addCampaign(id, model);
        return "campaigns/fragments/header :: header";
    }

    /** The readiness card; the page reloads it after any htmx action and now and then for others' changes. */
    @GetMapping("/campaigns/{id}/readiness")
    String readiness(@PathVariable UUID id, Model model) {
        addCampaign(id, model);
        return "campaigns/fragments/readiness :: card";
    }

    @GetMapping("/campaigns/{id}/activity")
    String activity(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("activity", campaigns.activity(id, Paging.of(page, 15, Sort.unsorted())));
        return "campaigns/fragments/activity :: activity";
    }

    /** What the header, the launch dialog and the readiness card show, from one readiness. */
    private void addCampaign(UUID id, Model model) {
        CampaignView campaign = campaigns.get(id);
        Readiness readiness = scores.readiness(id);
        LaunchWalk walk = LaunchWalk.of(campaign.status());
        List<LaunchWarning> warnings = walk.steps().isEmpty() ? List.of() : lifecycle.launchWarnings(id, readiness);
        model.addAttribute("campaign", campaign);
        model.addAttribute("readiness", readiness);
        model.addAttribute("transitions", CampaignTransition.legalFrom(campaign.status()));
        model.addAttribute("walk", walk);
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.MANAGER));
        model.addAttribute("launchWarnings", warnings);
        model.addAttribute("canSchedule", warnings.stream().anyMatch(w -> w.key().equals(LaunchWarning.BEFORE_START)));
    }
}
