package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's emails as drafts: name, subject, preheader, body, the email template they started
 * from and their lists and segment (all workspace-wide, so linked, not copied), and when each was meant to go out as
 * minutes from the campaign's first day (UTC). Never a send, its recipients, numbers, an A/B result or an approval:
 * the new campaign's emails are drafts with a planned time that a person schedules after their own approval.
 */
@Component
class EmailsTemplateSection implements CampaignTemplateSection {

    /** A template is a campaign's shape, not its archive. */
    static final int MAX_EMAILS = 100;

    private final EmailCampaignRepository emails;
    private final EmailCampaigns campaigns;
    private final JsonMapper json;
    private final Clock clock;

    EmailsTemplateSection(EmailCampaignRepository emails, EmailCampaigns campaigns, JsonMapper json, Clock clock) {
        this.emails = emails;
        this.campaigns = campaigns;
        this.json = json;
        this.clock = clock;
    }

    /** One email; {@code sendAfterMinutes} from the campaign's first day at midnight UTC, null when never timed. */
    record CapturedEmail(String name, String subject, String preheader, String html, String templateId,
            List<UUID> listIds, UUID segmentId, Long sendAfterMinutes) {
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.EMAILS;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        List<EmailCampaign> found = emails.findByCampaignId(campaign.id(),
                PageRequest.of(0, MAX_EMAILS, Sort.by("createdAt", "id"))).getContent();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LocalDate base = campaign.startDate() != null ? campaign.startDate() : found.stream().map(this::sendTime)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .map(at -> at.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null);
        List<CapturedEmail> captured = found.stream().map(e -> {
            EmailDraft d = e.draft();
            Instant at = sendTime(e);
            Long after = at == null || base == null ? null
                    : Duration.between(base.atStartOfDay(ZoneOffset.UTC).toInstant(), at).toMinutes();
            return new CapturedEmail(d.name(), d.subject(), d.preheader(), d.html(), d.templateId(), d.listIds(),
                    d.segmentId(), after);
        }).toList();
        return Optional.of(new Captured(json.valueToTree(captured),
                captured.size() + (captured.size() == 1 ? " email" : " emails") + " as drafts"));
    }

    /** When it went, is due, or was planned to: a sent email's time is still the plan worth repeating. */
    private Instant sendTime(EmailCampaign email) {
        if (email.scheduledAt() != null) {
            return email.scheduledAt();
        }
        if (email.startedAt() != null) {
            return email.startedAt();
        }
        return email.plannedSendAt();
    }

    @Override
    public void apply(CampaignSnapshot campaign, JsonNode content, TemplateCopy copy) {
        LocalDate start = campaign.startDate() != null ? campaign.startDate() : LocalDate.now(clock);
        for (JsonNode node : content) {
            CapturedEmail c = json.treeToValue(node, CapturedEmail.class);
            // through the same door as a person's new email, so the body is sanitised and lists checked again
            EmailCampaignView made = campaigns.create(campaign.id(), new EmailCampaigns.Changes(c.name(), c.subject(),
                    c.preheader(), c.html(), c.templateId(), c.listIds(), c.segmentId(), false));
            if (c.sendAfterMinutes() != null) {
                campaigns.find(made.id()).plan(start.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plus(Duration.ofMinutes(c.sendAfterMinutes())), clock.instant());
            }
        }
    }
}
