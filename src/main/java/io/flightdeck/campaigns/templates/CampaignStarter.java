package io.flightdeck.campaigns.templates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.campaigns.domain.CampaignDetails;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a campaign from a template, or from another campaign (a clone), in one transaction: the campaign with the
 * brief, then each part its module gives it, dates counted from the new start. The new campaign is a draft owned by
 * the person who starts it; nothing approved, sent, published or measured comes along. What no longer exists since
 * the template was made (a deleted email list) is left out and named in the answer's notes.
 */
@Service
public class CampaignStarter {

    /** How far from today a new campaign may start: keeps a typo (year 2206) from laying out a plan of centuries. */
    private static final int MAX_YEARS_AHEAD = 5;

    private final CampaignTemplates templates;
    private final Campaigns campaigns;
    private final CampaignDirectory directory;
    private final TemplateSections sections;
    private final JsonMapper json;
    private final Clock clock;

    CampaignStarter(CampaignTemplates templates, Campaigns campaigns, CampaignDirectory directory,
            TemplateSections sections, JsonMapper json, Clock clock) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.directory = directory;
        this.sections = sections;
        this.json = json;
        this.clock = clock;
    }

    /** A new campaign from the template with the parts asked for (all it carries when none are named). */
    @Transactional
    public StartedCampaign fromTemplate(UUID templateId, NewCampaignFromTemplate request) {
        CampaignTemplate template = templates.visible(templateId);
        check(request);
        Set<TemplatePart> chosen = sections.chosen(request.parts());
        Map<TemplatePart, JsonNode> parts = new EnumMap<>(TemplatePart.class);
        template.getParts().forEach((part, content) -> {
            if (chosen.contains(part) && part != TemplatePart.BRIEF) {
                parts.put(part, json.readTree(content.content()));
            }
        });
        boolean brief = chosen.contains(TemplatePart.BRIEF) && template.getParts().containsKey(TemplatePart.BRIEF);
        LocalDate start = request.startDate();
        CampaignDetails details = brief
                ? new CampaignDetails(request.name().strip(), template.getBrief(), template.getCampaignType(),
                        template.getObjective(), template.getPriority(), template.getChannels(), template.getTags(),
                        start, template.getDurationDays() == null ? null : start.plusDays(template.getDurationDays()),
                        template.budget(), CurrentActor.require().userId())
                : bare(request.name().strip(), template.getCampaignType(), start);
        StartedCampaign started = start(details, parts, copy(request));
        template.used(clock.instant());
        return started;
    }

    /** A new campaign like the given one, with the parts asked for, as {@link #fromTemplate} makes it. */
    @Transactional
    public StartedCampaign cloneOf(UUID campaignId, NewCampaignFromTemplate request) {
        CampaignSnapshot source = directory.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        check(request);
        Set<TemplatePart> chosen = sections.chosen(request.parts());
        Map<TemplatePart, JsonNode> parts = new EnumMap<>(TemplatePart.class);
        for (Map.Entry<TemplatePart, CampaignTemplateSection.Captured> part : sections.capture(source, chosen).entrySet()) {
            parts.put(part.getKey(), part.getValue().content());
        }
        LocalDate start = request.startDate();
        CampaignDetails details = chosen.contains(TemplatePart.BRIEF)
                ? new CampaignDetails(request.name().strip(), source.description(), source.type(), source.objective(),
                        source.priority(), source.channels(), source.tags(), start,
                        source.startDate() == null || source.endDate() == null ? null
                                : start.plusDays(ChronoUnit.DAYS.between(source.startDate(), source.endDate())),
                        source.budget(), CurrentActor.require().userId())
                : bare(request.name().strip(), source.type(), start);
        return start(details, parts, copy(request));
    }

    private StartedCampaign start(CampaignDetails details, Map<TemplatePart, JsonNode> parts, TemplateCopy copy) {
        CampaignView created = campaigns.create(details);
        CampaignSnapshot campaign = directory.find(created.id()).orElseThrow();
        List<String> notes = sections.apply(campaign, parts, copy);
        return new StartedCampaign(campaigns.get(created.id()), notes);
    }

    private static CampaignDetails bare(String name, io.flightdeck.campaigns.CampaignType type, LocalDate start) {
        return new CampaignDetails(name, null, type, null, CampaignPriority.MEDIUM, Set.of(), Set.of(), start, null,
                null, CurrentActor.require().userId());
    }

    private void check(NewCampaignFromTemplate request) {
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 160) {
            throw new InvalidInputException("name", "the new campaign needs a name of 1 to 160 characters");
        }
        if (request.startDate() == null) {
            throw new InvalidInputException("startDate", "the new campaign needs a start date; the template's dates "
                    + "count from it");
        }
        LocalDate today = LocalDate.now(clock);
        if (request.startDate().isAfter(today.plusYears(MAX_YEARS_AHEAD))
                || request.startDate().isBefore(today.minusYears(1))) {
            throw new InvalidInputException("startDate", "choose a start within a year ago and " + MAX_YEARS_AHEAD
                    + " years from today");
        }
    }

    private static TemplateCopy copy(NewCampaignFromTemplate request) {
        return request.copy() == null ? TemplateCopy.DEFAULT : request.copy();
    }
}
