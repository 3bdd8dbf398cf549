package io.flightdeck.campaigns.templates;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates library of the current workspace: a template made from a campaign with the parts a person chose,
 * listed by category, renamed, moved to the bin and back. Starting a campaign from one is {@link CampaignStarter}'s.
 * Callers check roles; who may see a private template is decided here.
 */
@Service
public class CampaignTemplates implements io.flightdeck.campaigns.TemplateLibrary {

    static final int MAX_CATEGORY = 60;

    private final CampaignTemplateRepository templates;
    private final CampaignDirectory campaigns;
    private final TemplateSections sections;
    private final MemberDirectory members;
    private final JsonMapper json;
    private final Clock clock;

    CampaignTemplates(CampaignTemplateRepository templates, CampaignDirectory campaigns, TemplateSections sections,
            MemberDirectory members, JsonMapper json, Clock clock) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.sections = sections;
        this.members = members;
        this.json = json;
        this.clock = clock;
    }

    /** Every part a template can carry in this installation, in the order they are given to a new campaign. */
    public List<TemplatePart> parts() {
        return sections.offered();
    }

    /** Makes a template of the campaign with the chosen parts (all when none are named). */
    @Transactional
    public CampaignTemplateView fromCampaign(UUID campaignId, TemplateLabel label, Set<TemplatePart> parts) {
        Actor actor = CurrentActor.require();
        TemplateLabel checked = check(label);
        Set<TemplatePart> chosen = sections.chosen(parts);
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        Instant now = clock.instant();
        CampaignTemplate template = new CampaignTemplate(checked, actor.userId(), campaign.id(), campaign.type(), now);
        if (chosen.contains(TemplatePart.BRIEF)) {
            Integer days = campaign.startDate() == null || campaign.endDate() == null ? null
                    : (int) ChronoUnit.DAYS.between(campaign.startDate(), campaign.endDate());
            template.brief(campaign.description(), campaign.objective(), campaign.priority(), campaign.channels(),
                    campaign.tags(), days, campaign.budget());
            template.part(TemplatePart.BRIEF, new TemplatePartContent("{}", briefSummary(template)));
        }
        for (Map.Entry<TemplatePart, CampaignTemplateSection.Captured> part : sections.capture(campaign, chosen).entrySet()) {
            template.part(part.getKey(), new TemplatePartContent(json.writeValueAsString(part.getValue().content()),
                    part.getValue().summary()));
        }
        return view(templates.save(template));
    }

    /** A template of one part another module captured on its own; parts nobody offers are refused as elsewhere. */
    @Override
    @Transactional
    public UUID saveOnePart(UUID campaignId, String name, String description, String category, TemplatePart part,
            CampaignTemplateSection.Captured captured) {
        Actor actor = CurrentActor.require();
        TemplateLabel checked = check(new TemplateLabel(name, description, category, TemplateVisibility.WORKSPACE));
        sections.chosen(java.util.EnumSet.of(part));
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        CampaignTemplate template = new CampaignTemplate(checked, actor.userId(), campaign.id(), campaign.type(),
                clock.instant());
        template.part(part, new TemplatePartContent(json.writeValueAsString(captured.content()), captured.summary()));
        return templates.save(template).getId();
    }

    @Transactional(readOnly = true)
    public Page<CampaignTemplateView> list(String category, String text, Pageable pageable) {
        Actor actor = CurrentActor.require();
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
        Page<CampaignTemplate> page = templates.visible(actor.userId(), blankToNull(category), like, pageable);
        Map<UUID, String> names = members.displayNames(page.stream().map(CampaignTemplate::getOwnerId).toList());
        return page.map(t -> view(t, names));
    }

    /** Each category with the number of templates in it the member may see, by name. */
    @Transactional(readOnly = true)
    public List<TemplateCategory> categories() {
        return templates.categories(CurrentActor.require().userId()).stream()
                .map(row -> new TemplateCategory((String) row[0], ((Number) row[1]).intValue())).toList();
    }

    @Transactional(readOnly = true)
    public CampaignTemplateView get(UUID id) {
        return view(visible(id));
    }

    /** The dates and parts a campaign started from the template on {@code start} would get. */
    @Transactional(readOnly = true)
    public TemplatePreview preview(UUID id, java.time.LocalDate start) {
        CampaignTemplateView template = get(id);
        return new TemplatePreview(start, template.durationDays() == null ? null : start.plusDays(template.durationDays()),
                template.parts());
    }

    @Transactional
    public CampaignTemplateView update(UUID id, TemplateLabel label, Long expectedVersion) {
        CampaignTemplate template = visible(id);
        template.requireVersion(expectedVersion);
        template.label(check(label), clock.instant());
        templates.flush();
        return view(template);
    }

    /** Moves the template to the bin; {@link #restore} brings it back. */
    @Transactional
    public void delete(UUID id) {
        visible(id).delete(clock.instant());
    }

    @Transactional
    public CampaignTemplateView restore(UUID id) {
        CampaignTemplate template = templates.findById(id)
                .filter(t -> t.getDeletedAt() != null && t.visibleTo(CurrentActor.require().userId()))
                .orElseThrow(() -> new NotFoundException("The deleted template"));
        template.restore(clock.instant());
        return view(template);
    }

    /** A live template the member may see; another's private template is not found, as another workspace's is. */
    CampaignTemplate visible(UUID id) {
        UUID member = CurrentActor.require().userId();
        return templates.findById(id).filter(t -> t.getDeletedAt() == null && t.visibleTo(member))
                .orElseThrow(() -> new NotFoundException("The template"));
    }

    private static TemplateLabel check(TemplateLabel label) {
        String name = label.name() == null ? "" : label.name().strip();
        if (name.isEmpty() || name.length() > 160) {
            throw new InvalidInputException("name", "a template needs a name of 1 to 160 characters");
        }
        String description = blankToNull(label.description());
        if (description != null && description.length() > 2000) {
            throw new InvalidInputException("description", "at most 2,000 characters");
        }
        String category = blankToNull(label.category());
        if (category != null && category.length() > MAX_CATEGORY) {
            throw new InvalidInputException("category", "at most " + MAX_CATEGORY + " characters");
        }
        return new TemplateLabel(name, description, category == null ? "General" : category,
                label.visibility() == null ? TemplateVisibility.WORKSPACE : label.visibility());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    CampaignTemplateView view(CampaignTemplate template) {
        return view(template, members.displayNames(List.of(template.getOwnerId())));
    }

    private static CampaignTemplateView view(CampaignTemplate t, Map<UUID, String> names) {
        List<CampaignTemplateView.CarriedPart> parts = t.getParts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new CampaignTemplateView.CarriedPart(e.getKey(), e.getKey().label(), e.getValue().summary()))
                .toList();
        return new CampaignTemplateView(t.getId(), t.getName(), t.getDescription(), t.getCategory(), t.getVisibility(),
                t.getOwnerId(), names.getOrDefault(t.getOwnerId(), "Former member"), t.getSourceCampaignId(),
                t.getCampaignType(), t.getBrief(), t.getObjective(), t.getPriority(), t.getChannels(), t.getTags(),
                t.getDurationDays(), t.budget(), parts, t.getUses(), t.getCreatedAt(), t.getUpdatedAt(),
                t.getDeletedAt(), t.getVersion());
    }

    private static String briefSummary(CampaignTemplate t) {
        List<String> bits = new ArrayList<>();
        if (t.getDurationDays() != null) {
            bits.add(t.getDurationDays() + " days long");
        }
        if (!t.getChannels().isEmpty()) {
            bits.add(t.getChannels().size() + (t.getChannels().size() == 1 ? " channel" : " channels"));
        }
        if (t.budget() != null) {
            bits.add("a budget");
        }
        return bits.isEmpty() ? "Type and priority" : String.join(", ", bits);
    }
}
