package io.flightdeck.email.templates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The templates a workspace writes its email from: the four built-ins (read-only, ids {@code builtin-…}) and its own,
 * made blank or as a copy of a built-in or another template. HTML is sanitised before it is stored and merge tags are
 * checked, so what is stored always renders. The controllers check roles.
 */
@Service
public class EmailTemplates {

    /** What a create or an update asks for; a null field of an update keeps what is there. */
    public record TemplateChange(String name, EmailTemplateKind kind, String subject, String preheader, String html) {
    }

    private static final int MAX_HTML = 200_000;

    private final EmailTemplateRepository templates;
    private final EntityManager entities;
    private final Clock clock;

    EmailTemplates(EmailTemplateRepository templates, EntityManager entities, Clock clock) {
        this.templates = templates;
        this.entities = entities;
        this.clock = clock;
    }

    /** Built-ins first, then the workspace's by name; one page of them. */
    @Transactional(readOnly = true)
    public Page<EmailTemplateSummary> list(Pageable page) {
        List<EmailTemplateSummary> items = new ArrayList<>();
        long offset = page.getOffset();
        int builtIns = BuiltInTemplates.ALL.size();
        for (long i = offset; i < builtIns && items.size() < page.getPageSize(); i++) {
            BuiltInTemplates.BuiltIn b = BuiltInTemplates.ALL.get((int) i);
            items.add(new EmailTemplateSummary(b.id(), b.name(), b.kind(), true, b.subject(), null, 0));
        }
        int wanted = page.getPageSize() - items.size();
        if (wanted > 0) {
            entities.createQuery("select t from EmailTemplate t order by t.nameKey, t.id", EmailTemplate.class)
                    .setFirstResult((int) Math.max(0, offset - builtIns)).setMaxResults(wanted).getResultList()
                    .forEach(t -> items.add(t.summary()));
        }
        return new PageImpl<>(items, page, builtIns + templates.count());
    }

    @Transactional(readOnly = true)
    public EmailTemplateView get(String id) {
        Optional<BuiltInTemplates.BuiltIn> builtIn = BuiltInTemplates.find(id);
        if (builtIn.isPresent()) {
            BuiltInTemplates.BuiltIn b = builtIn.get();
            return new EmailTemplateView(b.id(), b.name(), b.kind(), true, b.subject(), b.preheader(), b.html(), null, null,
                    null, null, 0, List.of());
        }
        return find(id).view(List.of());
    }

    /** The content a campaign sends from this template (built-in or the workspace's). */
    @Transactional(readOnly = true)
    public EmailContent content(String templateId) {
        return get(templateId).content();
    }

    /** The id a ledger keeps for this template: its UUID, or a fixed one derived from a built-in's name. */
    public static UUID ledgerId(String templateId) {
        return BuiltInTemplates.find(templateId).map(b -> UUID.nameUUIDFromBytes(b.id().getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).orElseGet(() -> UUID.fromString(templateId));
    }

    /**
     * A new template: blank (what {@code change} says), or a copy of {@code copyFrom} (a built-in's or a template's
     * id) with {@code change}'s fields over it. The name must be free in the workspace, in any case.
     */
    @Transactional
    public EmailTemplateView create(TemplateChange change, String copyFrom) {
        EmailTemplateView source = copyFrom == null || copyFrom.isBlank() ? null : source(copyFrom);
        String name = change.name() != null ? change.name() : source == null ? null : "Copy of " + source.name();
        EmailTemplateKind kind = change.kind() != null ? change.kind()
                : source == null ? EmailTemplateKind.CUSTOM : source.kind();
        EmailContent content = new EmailContent(
                pick(change.subject(), source == null ? "" : source.subject()),
                pick(change.preheader(), source == null ? "" : source.preheader()),
                pick(change.html(), source == null ? "" : source.html()));
        EmailHtml.Sanitised clean = checked(content);
        String checkedName = EmailTemplate.checkedName(name);
        refuseTaken(EmailTemplate.key(checkedName), null);
        EmailTemplate made = new EmailTemplate(checkedName, kind,
                new EmailContent(content.subject(), content.preheader(), clean.html()), actor(), clock.instant());
        return templates.saveAndFlush(made).view(clean.removed());
    }

    /** Changes a workspace template; refused (412) when {@code expectedVersion} is not the current one. */
    @Transactional
    public EmailTemplateView update(String id, TemplateChange change, Long expectedVersion) {
        return change(id, change, expectedVersion, null);
    }

    /**
     * One save, one version: {@code design} null for the HTML editor (an HTML change drops the block design), or the
     * block editor's design, kept only when the sanitiser removed nothing from its export.
     */
    private EmailTemplateView change(String id, TemplateChange change, Long expectedVersion, String design) {
        if (BuiltInTemplates.find(id).isPresent()) {
            throw new ConflictException("builtin-template", "Built-in templates cannot be changed; make a copy and "
                    + "change that");
        }
        EmailTemplate template = find(id);
        if (expectedVersion != null && expectedVersion != template.version()) {
            throw new PreconditionFailedException(template.version());
        }
        EmailContent now = template.content();
        EmailContent content = new EmailContent(pick(change.subject(), now.subject()),
                pick(change.preheader(), now.preheader()), pick(change.html(), now.html()));
        EmailHtml.Sanitised clean = checked(content);
        EmailTemplateView current = template.view(List.of());
        String name = EmailTemplate.checkedName(pick(change.name(), current.name()));
        refuseTaken(EmailTemplate.key(name), template.getId());
        template.change(name, change.kind() != null ? change.kind() : current.kind(),
                new EmailContent(content.subject(), content.preheader(), clean.html()), actor(), clock.instant());
        if (design != null) {
            template.design(clean.removed().isEmpty() && TemplateDesigns.safe(design) ? design : null);
        } else if (change.html() != null && !change.html().equals(now.html())) {
            template.design(null);
        }
        templates.flush();
        return template.view(clean.removed());
    }

    /**
     * Saves what the block editor made: its exported HTML goes through {@link #update} (merge tags, links, sanitising,
     * version), and its project data is kept beside it only when the sanitiser removed nothing and it holds nothing
     * that runs ({@link TemplateDesigns#safe}), so the design reopened in the editor always matches the HTML that is
     * sent and cannot run anything in a colleague's browser. Answers the template and whether the design was kept.
     */
    @Transactional
    public DesignSaved saveDesign(String id, String designJson, String html, Long expectedVersion) {
        String design = TemplateDesigns.checked(designJson);
        EmailTemplateView saved = change(id, new TemplateChange(null, null, null, null, html), expectedVersion, design);
        return new DesignSaved(saved, saved.removed().isEmpty() && TemplateDesigns.safe(design), textPart(saved.html()));
    }

    /** The text part sent beside this HTML, merge tags unfilled: the footer the send adds included. */
    public static String textPart(String html) {
        String clean = EmailHtml.sanitise(html);
        return TextPart.of(EmailRendering.withFooter(clean, MergeTemplate.html(clean, "html").names()));
    }

    /** A block-built save: the template, whether its design was kept, and the text part its HTML reads as. */
    public record DesignSaved(EmailTemplateView template, boolean designKept, String textPart) {
    }

    /** The block design of a workspace template, when its HTML was built with blocks and not edited since. */
    @Transactional(readOnly = true)
    public Optional<String> design(String id) {
        if (BuiltInTemplates.find(id).isPresent()) {
            return Optional.empty();
        }
        // a design kept before designs were checked is checked again before an editor loads it
        return Optional.ofNullable(find(id).design()).filter(TemplateDesigns::safe);
    }

    @Transactional
    public void delete(String id) {
        if (BuiltInTemplates.find(id).isPresent()) {
            throw new ConflictException("builtin-template", "Built-in templates cannot be removed");
        }
        templates.delete(find(id));
    }

    /**
     * Checks the merge tags where the author wrote them and the links as the send reads them, then sanitises, then
     * checks that the result renders.
     */
    private static EmailHtml.Sanitised checked(EmailContent content) {
        if (content.subject().isBlank() || content.subject().length() > 300) {
            throw new InvalidInputException("subject", "Write a subject of 1 to 300 characters");
        }
        if (content.preheader().length() > 300) {
            throw new InvalidInputException("preheader", "Keep the preheader to 300 characters");
        }
        if (content.html().length() > MAX_HTML) {
            throw new InvalidInputException("html", "The HTML is longer than " + MAX_HTML + " characters");
        }
        EmailRendering.check(content.html(), "html");
        EmailLinks.check(content.html(), "html");
        EmailHtml.Sanitised clean = EmailHtml.sanitiseReporting(content.html());
        EmailRendering.prepare(new EmailContent(content.subject(), content.preheader(), clean.html()));
        return clean;
    }

    private EmailTemplateView source(String id) {
        try {
            return get(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("copyFrom", "No template to copy has this id: " + shorten(id));
        }
    }

    private EmailTemplate find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Template");
        }
        return templates.findById(uuid).orElseThrow(() -> new NotFoundException("Template"));
    }

    private void refuseTaken(String nameKey, UUID self) {
        templates.findByNameKey(nameKey).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ConflictException("template-name-taken", "A template with this name exists already",
                    Map.of("templateId", other.getId()));
        });
    }

    private static String pick(String given, String otherwise) {
        return given != null ? given : otherwise;
    }

    private static String shorten(String id) {
        return id.length() > 60 ? id.substring(0, 60) + "…" : id;
    }

    private static UUID actor() {
        return CurrentActor.require().userId();
    }
}
