package io.flightdeck.planning.templates;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's timeline templates. The built-in ones are copied in the first time the templates are read, so a
 * workspace can edit them like its own. Each campaign type has at most one default (exactly one while it has any live
 * template): the one new campaigns of that type are planned from.
 */
@Service
@Transactional
class TimelineTemplates implements TemplateLibrary {

    private final TimelineTemplateRepository templates;
    private final TemplateDefaults defaults;
    private final Clock clock;

    TimelineTemplates(TimelineTemplateRepository templates, TemplateDefaults defaults, Clock clock) {
        this.templates = templates;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** Live templates, by type and name; {@code type} null for all. */
    @Override
    @Transactional(readOnly = true)
    public List<TemplateView> list(CampaignType type) {
        defaults.seedIfNeeded();
        List<TimelineTemplate> rows = type == null ? templates.findByDeletedAtIsNullOrderByCampaignTypeAscNameAsc()
                : templates.findByCampaignTypeAndDeletedAtIsNull(type).stream()
                        .sorted(Comparator.comparing(TimelineTemplate::getName)).toList();
        return rows.stream().map(TimelineTemplates::view).toList();
    }

    /** Deleted templates that can be restored. */
    @Override
    @Transactional(readOnly = true)
    public List<TemplateView> deleted() {
        defaults.seedIfNeeded();
        return templates.findByDeletedAtIsNotNullOrderByDeletedAtDesc().stream().map(TimelineTemplates::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateView get(UUID id) {
        return view(live(id));
    }

    @Override
    public TemplateView create(TemplateChange change) {
        requireManager();
        defaults.seedIfNeeded();
        TemplateChange checked = TemplateValidation.check(change);
        boolean first = defaultRow(checked.campaignType()).isEmpty();
        TimelineTemplate template = templates.saveAndFlush(new TimelineTemplate(checked.campaignType(), checked.name(),
                checked.description(), first, checked.items(), clock.instant()));
        return view(template);
    }

    @Override
    @Transactional(readOnly = true)
    public void check(TemplateChange change) {
        requireManager();
        TemplateValidation.check(change);
    }

    /** Replaces name, description, type and items; moving a default to another type hands its old type's default on. */
    @Override
    public TemplateView update(UUID id, TemplateChange change, Long expectedVersion) {
        requireManager();
        TimelineTemplate template = live(id);
        if (expectedVersion != null && !expectedVersion.equals(template.getVersion())) {
            throw new PreconditionFailedException(template.getVersion());
        }
        TemplateChange checked = TemplateValidation.check(change);
        CampaignType before = template.getCampaignType();
        boolean moved = before != checked.campaignType();
        boolean isDefault = moved ? defaultRow(checked.campaignType()).isEmpty() : template.isDefaultForType();
        template.retype(checked.campaignType());
        template.change(checked.name(), checked.description(), isDefault, checked.items(), clock.instant());
        templates.saveAndFlush(template);
        if (moved) {
            promoteDefault(before);
        }
        return view(template);
    }

    @Override
    public void delete(UUID id) {
        requireManager();
        TimelineTemplate template = live(id);
        template.delete(clock.instant());
        boolean wasDefault = template.isDefaultForType();
        template.markDefault(false);
        templates.saveAndFlush(template);
        if (wasDefault) {
            promoteDefault(template.getCampaignType());
        }
    }

    @Override
    public TemplateView restore(UUID id) {
        requireManager();
        TimelineTemplate template = templates.findById(id).orElseThrow(() -> new NotFoundException("The template"));
        if (template.getDeletedAt() != null) {
            template.restore();
            template.markDefault(defaultRow(template.getCampaignType()).isEmpty());
            templates.saveAndFlush(template);
        }
        return view(template);
    }

    /** Makes the template the one new campaigns of its type are planned from. */
    @Override
    public TemplateView makeDefault(UUID id) {
        requireManager();
        TimelineTemplate template = live(id);
        for (TimelineTemplate other : templates.findByCampaignTypeAndDeletedAtIsNull(template.getCampaignType())) {
            if (!other.getId().equals(id) && other.isDefaultForType()) {
                other.markDefault(false);
            }
        }
        template.markDefault(true);
        templates.flush();
        return view(template);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TemplateView> defaultFor(CampaignType type) {
        if (defaults.builtins().stream().anyMatch(b -> b.type() == type)) {
            defaults.seedIfNeeded(); // types without a built-in one (Other) need no seeding to be looked up
        }
        return defaultRow(type).map(TimelineTemplates::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TemplateView> find(UUID id) {
        return templates.findById(id).map(TimelineTemplates::view);
    }

    private TimelineTemplate live(UUID id) {
        return templates.findById(id).filter(t -> t.getDeletedAt() == null)
                .orElseThrow(() -> new NotFoundException("The template"));
    }

    private Optional<TimelineTemplate> defaultRow(CampaignType type) {
        return templates.findByCampaignTypeAndDeletedAtIsNull(type).stream().filter(TimelineTemplate::isDefaultForType)
                .findFirst();
    }

    /** A type that lost its default gets its oldest live template as the new one, if it has any. */
    private void promoteDefault(CampaignType type) {
        if (defaultRow(type).isPresent()) {
            return;
        }
        templates.findByCampaignTypeAndDeletedAtIsNull(type).stream()
                .min(Comparator.comparing(TimelineTemplate::getCreatedAt).thenComparing(TimelineTemplate::getName))
                .ifPresent(t -> t.markDefault(true));
        templates.flush();
    }

    private static void requireManager() {
        if (!CurrentActor.require().role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers change timeline templates");
        }
    }

    static TemplateView view(TimelineTemplate t) {
        List<TemplateItem> items = t.getItems();
        long milestones = items.stream().filter(i -> i.kind() == TaskKind.MILESTONE).count();
        return new TemplateView(t.getId(), t.getCampaignType(), t.getName(), t.getDescription(), t.isDefaultForType(),
                items, TemplateValidation.durationDays(items), milestones, items.size() - milestones, t.getCreatedAt(),
                t.getUpdatedAt(), t.getDeletedAt(), t.getVersion() == null ? 0 : t.getVersion());
    }
}
