package io.flightdeck.email.sending;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.segments.Segments;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.EmailHtml;
import io.flightdeck.email.templates.EmailRendering;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.templates.TemplateDesigns;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's email campaigns as people write them: made inside a campaign, from a template or from scratch, and
 * changed while nothing has been sent. The HTML is sanitised and its merge fields checked before it is stored, and
 * every list and segment named must be the workspace's own. Sending is {@link SendControl}'s.
 */
@Service
public class EmailCampaigns {

    /** A blank email's body: a greeting to write on from, with the footer added when it is sent. */
    static final String BLANK = "<p>Hello {{first_name | \"there\"}},</p>\n<p></p>";

    private final EmailCampaignRepository emails;
    private final SendLedger ledger;
    private final CampaignDirectory campaigns;
    private final EmailLists lists;
    private final Segments segments;
    private final EmailTemplates templates;
    private final EmailReviews reviews;
    private final Clock clock;

    EmailCampaigns(EmailCampaignRepository emails, SendLedger ledger, CampaignDirectory campaigns, EmailLists lists,
            Segments segments, EmailTemplates templates, EmailReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.emails = emails;
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.lists = lists;
        this.segments = segments;
        this.templates = templates;
        this.clock = clock;
    }

    /** What a person gives to make or change one; null fields are left as they are (or, new, taken from the template). */
    public record Changes(String name, String subject, String preheader, String html, String templateId,
            java.util.List<UUID> listIds, UUID segmentId, boolean clearSegment) {
    }

    @Transactional(readOnly = true)
    public Page<EmailCampaignView> page(UUID campaignId, Pageable page) {
        Page<EmailCampaign> found = campaignId == null ? emails.findAllBy(page) : emails.findByCampaignId(campaignId, page);
        Map<UUID, Map<RecipientState, Long>> counts = ledger.counts(TenantScope.current(),
                found.map(EmailCampaign::getId).getContent());
        return found.map(email -> EmailCampaignView.of(email, SendProgress.of(counts.getOrDefault(email.getId(),
                Map.of()))));
    }

    @Transactional(readOnly = true)
    public EmailCampaignView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public EmailCampaignView create(UUID campaignId, Changes changes) {
        if (campaignId == null) {
            throw new InvalidInputException("campaignId", "Choose the campaign the email belongs to");
        }
        if (campaigns.find(campaignId).isEmpty()) {
            throw new NotFoundException("Campaign");
        }
        EmailContent start = changes.templateId() == null ? new EmailContent(changes.name(), null, BLANK)
                : template(changes.templateId());
        EmailDraft draft = new EmailDraft(changes.name(), or(changes.subject(), start.subject()),
                or(changes.preheader(), start.preheader()), clean(or(changes.html(), start.html())),
                changes.templateId(), changes.listIds(), changes.segmentId());
        checkAudience(draft);
        EmailCampaign email = emails.save(new EmailCampaign(campaignId, draft, CurrentActor.require().userId(),
                clock.instant()));
        if (changes.templateId() != null && changes.html() == null) {
            // a template built with blocks goes on in blocks: its design matches the HTML it gave
            templates.design(changes.templateId()).ifPresent(email::design);
        }
        reviews.afterChange(email);
        return view(email);
    }

    @Transactional
    public EmailCampaignView change(UUID id, Changes changes, Long expectedVersion) {
        return view(apply(id, changes, expectedVersion, false, null));
    }

    /**
     * Saves what the block editor made: its exported HTML takes the HTML form's path ({@link #change}: checks,
     * sanitiser, and a new revision only when what recipients get changed), and its design is kept beside it only
     * when the sanitiser removed nothing and it holds nothing that runs ({@link TemplateDesigns#safe}).
     */
    @Transactional
    public DesignSaved saveDesign(UUID id, String designJson, String html, Long expectedVersion) {
        String design = TemplateDesigns.checked(designJson);
        if (html == null || html.isBlank()) {
            throw new InvalidInputException("html", "The editor sent no HTML");
        }
        List<String> removed = EmailHtml.sanitiseReporting(html).removed();
        boolean kept = removed.isEmpty() && TemplateDesigns.safe(design);
        // the same markup exported again (a reopened design lists some attributes in another order) is no new content
        String changed = EmailHtml.sameMarkup(clean(html), find(id).draft().html()) ? null : html;
        EmailCampaign email = apply(id, new Changes(null, null, null, changed, null, null, null, false),
                expectedVersion, true, kept ? design : null);
        return new DesignSaved(view(email), kept, removed);
    }

    /** A block-built save: the email, whether its design was kept, and what the sanitiser removed from the export. */
    public record DesignSaved(EmailCampaignView email, boolean designKept, List<String> removed) {
    }

    /** The email's block design, when its HTML was built with blocks and not edited as HTML since. */
    @Transactional(readOnly = true)
    public Optional<String> design(UUID id) {
        // a design is checked again before an editor loads it, as a template's is
        return Optional.ofNullable(find(id).design()).filter(TemplateDesigns::safe);
    }

    /** One save, one flush: from the block editor its design is set (null: not kept), else an HTML change clears it. */
    private EmailCampaign apply(UUID id, Changes changes, Long expectedVersion, boolean fromBlocks, String design) {
        EmailCampaign email = find(id);
        if (expectedVersion != null && expectedVersion != email.version()) {
            throw new PreconditionFailedException(email.version());
        }
        EmailDraft before = email.draft();
        EmailDraft draft = before.with(changes.name(), changes.subject(), changes.preheader(),
                changes.html() == null ? null : clean(changes.html()), changes.templateId(), changes.listIds(),
                changes.segmentId(), changes.clearSegment());
        checkAudience(draft);
        email.change(draft, clock.instant());
        if (fromBlocks) {
            email.design(design);
        } else if (!sameText(draft.html(), before.html())) {
            email.design(null);
        }
        reviews.afterChange(email);
        emails.flush();
        return email;
    }

    /** Sends the email as it is now for approval in its campaign's content review. */
    @Transactional
    public EmailCampaignView requestApproval(UUID id) {
        EmailCampaign email = find(id);
        reviews.submit(email);
        emails.flush();
        return view(email);
    }

    /** A draft or a finished or cancelled one; a scheduled or running send is cancelled first. */
    @Transactional
    public void delete(UUID id) {
        EmailCampaign email = find(id);
        email.require(EmailCampaignMove.DELETE);
        emails.delete(email);
    }

    EmailCampaign find(UUID id) {
        return emails.findById(id).orElseThrow(() -> new NotFoundException("Email campaign"));
    }

    EmailCampaignView view(EmailCampaign email) {
        return EmailCampaignView.of(email, SendProgress.of(ledger.counts(TenantScope.current(), email.getId())));
    }

    private EmailContent template(String templateId) {
        return templates.content(templateId);
    }

    /**
     * Sanitised, with its merge fields checked as its author wrote them (a problem names the line and column) and its
     * links as the send will read them (a problem names the link).
     */
    static String clean(String html) {
        if (html == null) {
            return null;
        }
        EmailRendering.check(html, "html");
        EmailRendering.checkLinks(html, "html");
        return EmailHtml.sanitise(html);
    }

    /** The merge fields of the subject and preheader too: a bad one is a problem naming its field. */
    private void checkAudience(EmailDraft draft) {
        EmailRendering.prepare(new EmailContent(draft.subject(), draft.preheader(), draft.html()));
        // a list or segment of another workspace is not found, as everywhere else
        for (UUID listId : draft.listIds()) {
            lists.get(listId);
        }
        if (draft.segmentId() != null) {
            segments.filter(draft.segmentId());
        }
    }

    /** A text area posts its lines ended by CR LF: the same HTML sent back unchanged is no edit of it. */
    private static boolean sameText(String a, String b) {
        return a.replace("\r\n", "\n").equals(b.replace("\r\n", "\n"));
    }

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
