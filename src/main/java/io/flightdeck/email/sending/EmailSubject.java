package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import io.flightdeck.approvals.ApprovalSubject;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import io.flightdeck.approvals.ApprovalSubjectRequest;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.segments.Segments;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.settings.SenderSettings;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.email.templates.TemplatePreviews;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * What an email's content review is about: the email as its recipients will get it, rendered with sample data and
 * the real footer, at a desktop and a phone's width, with its text part, the links it carries, the sender, and the
 * audience with how many it would reach now; and each A/B variant the same way. The content scope's page lists
 * every email submitted to it like this.
 */
@Component
class EmailSubject implements ApprovalSubject {

    private final EmailCampaignRepository emails;
    private final EmailAbTestRepository tests;
    private final TemplatePreviews previews;
    private final EmailSettings settings;
    private final EmailLists lists;
    private final Segments segments;
    private final AudienceQuery audiences;
    private final AudienceCensus census;

    EmailSubject(EmailCampaignRepository emails, EmailAbTestRepository tests, TemplatePreviews previews,
            EmailSettings settings, EmailLists lists, Segments segments, AudienceQuery audiences,
            AudienceCensus census) {
        this.emails = emails;
        this.tests = tests;
        this.previews = previews;
        this.settings = settings;
        this.lists = lists;
        this.segments = segments;
        this.audiences = audiences;
        this.census = census;
    }

    /** One version of the email (A, or a variant) as a recipient gets it. */
    public record VersionUnderReview(String key, String subject, String preheader, String html, String text,
            List<String> links) {
    }

    /**
     * @param audience the lists and segment by name
     * @param people   how many it would reach if it left now (subscribed, with consent, not suppressed)
     */
    public record EmailUnderReview(int revision, String from, String replyTo, List<String> audience, long people,
            List<VersionUnderReview> versions) {
    }

    @Override
    public boolean describes(String scopeKey, String itemType) {
        return EmailReviews.SCOPE.equals(scopeKey) && EmailReviews.ITEM_TYPE.equals(itemType);
    }

    @Override
    public Optional<ApprovalSubjectPreview> describe(ApprovalSubjectRequest request) {
        return emails.findById(request.itemId()).map(email -> {
            EmailDraft draft = email.draft();
            SenderSettings sender = settings.current();
            List<VersionUnderReview> versions = versions(email);
            long people = draft.hasAudience() ? census.of(TenantScope.current(),
                    audiences.of(draft.listIds(), draft.segmentId())).mailable() : 0;
            EmailUnderReview under = new EmailUnderReview(email.revision(),
                    sender.fromName() + " <" + sender.fromAddress() + ">", sender.replyTo(), audience(draft), people,
                    versions);
            // a whole sentence, since messages about the approval (the inbox, Slack) show it without the preview
            String summary = "Revision " + email.revision() + ": “" + versions.get(0).subject() + "” from "
                    + under.from() + " to " + (under.audience().isEmpty() ? "nobody yet"
                    : String.join(", ", under.audience())) + ", " + people + (people == 1 ? " person" : " people")
                    + " now" + (versions.size() > 1 ? ", as an A/B test of " + versions.size() + " versions" : "")
                    + ". Shown with sample data where it has merge fields.";
            return new ApprovalSubjectPreview("Email “" + draft.name() + "”", summary,
                    request.member() ? "/email/campaigns/" + email.getId() : null, "email/fragments/approval",
                    "email", under);
        });
    }

    /** A version's HTML, which the preview frames from its own address (the page's policy refuses inline styles). */
    @Override
    public Optional<String> framedHtml(ApprovalSubjectRequest request, String part) {
        return emails.findById(request.itemId()).flatMap(email -> versions(email).stream()
                .filter(v -> v.key().equals(part)).findFirst().map(VersionUnderReview::html));
    }

    /** Version A (the email itself) and each A/B variant, the variant's fields falling back to the email's. */
    private List<VersionUnderReview> versions(EmailCampaign email) {
        EmailDraft draft = email.draft();
        List<VersionUnderReview> versions = new ArrayList<>();
        versions.add(version("A", draft.subject(), draft.preheader(), draft.html()));
        tests.findByEmailCampaignId(email.getId()).map(EmailAbTest::variants).orElse(List.of()).stream()
                .sorted(Comparator.comparing(AbVariant::key))
                .forEach(v -> versions.add(version(v.key(), or(v.subject(), draft.subject()),
                        or(v.preheader(), draft.preheader()), or(v.html(), draft.html()))));
        return versions;
    }

    private VersionUnderReview version(String key, String subject, String preheader, String html) {
        RenderedEmail rendered = previews.render(new EmailContent(subject, preheader, html), null);
        LinkedHashSet<String> links = new LinkedHashSet<>();
        for (Element a : Jsoup.parse(html).select("a[href]")) {
            links.add(a.attr("href"));
        }
        return new VersionUnderReview(key, rendered.subject(), preheader, rendered.html(), rendered.text(),
                List.copyOf(links));
    }

    private List<String> audience(EmailDraft draft) {
        List<String> names = new ArrayList<>();
        for (var listId : draft.listIds()) {
            names.add(named(() -> "List “" + lists.get(listId).name() + "”", "A deleted list"));
        }
        if (draft.segmentId() != null) {
            names.add(named(() -> "Segment “" + segments.get(draft.segmentId()).name() + "”", "A deleted segment"));
        }
        return names;
    }

    private static String named(java.util.function.Supplier<String> name, String gone) {
        try {
            return name.get();
        } catch (NotFoundException e) {
            return gone;
        }
    }

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
