package io.flightdeck.email.sending;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.segments.Segments;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.EmailHtml;
import io.flightdeck.email.templates.EmailRendering;
import io.flightdeck.email.templates.EmailTemplates;
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
        reviews.afterChange(email);
        return view(email);
    }

    @Transactional
    public EmailCampaignView change(UUID id, Changes changes, Long expectedVersion) {
        EmailCampaign email = find(id);
        if (expectedVersion != null && expectedVersion != email.version()) {
            throw new PreconditionFailedException(email.version());
        }
        EmailDraft draft = email.draft().with(changes.name(), changes.subject(), changes.preheader(),
                changes.html() == null ? null : clean(changes.html()), changes.templateId(), changes.listIds(),
                changes.segmentId(), changes.clearSegment());
        checkAudience(draft);
        email.change(draft, clock.instant());
        reviews.afterChange(email);
        emails.flush();
        return view(email);
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

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
