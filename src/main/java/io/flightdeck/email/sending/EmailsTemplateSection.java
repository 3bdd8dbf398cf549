package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.segments.Segments;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's emails as drafts: name, subject, preheader, body, the email template they started
 * from and their lists and segment (all workspace-wide, so linked, not copied), and when each was meant to go out as
 * minutes from the campaign's first day (UTC). Never a send, its recipients, numbers, an A/B result or an approval:
 * the new campaign's emails are drafts with a planned time that a person schedules after their own approval. A list or
 * segment deleted since the template was made is left out of the new draft (whose readiness then asks for an
 * audience) and named in the start's notes, rather than refusing the whole start.
 */
@Component
class EmailsTemplateSection implements CampaignTemplateSection {

    /** A template is a campaign's shape, not its archive. */
    static final int MAX_EMAILS = 100;

    private final EmailCampaignRepository emails;
    private final EmailCampaigns campaigns;
    private final EmailLists lists;
    private final Segments segments;
    private final JsonMapper json;
    private final Clock clock;

    EmailsTemplateSection(EmailCampaignRepository emails, EmailCampaigns campaigns, EmailLists lists, Segments segments,
            JsonMapper json, Clock clock) {
        this.emails = emails;
        this.campaigns = campaigns;
        this.lists = lists;
        this.segments = segments;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One email; {@code sendAfterMinutes} from the campaign's first day at midnight UTC, null when never timed;
     * {@code audienceNames} the names of its lists and segment when captured (null in templates made before), so a
     * note can name one deleted since.
     */
    record CapturedEmail(String name, String subject, String preheader, String html, String templateId,
            List<UUID> listIds, UUID segmentId, Long sendAfterMinutes, Map<UUID, String> audienceNames) {
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
        // the audiences' names as they read now, each read once, so a start can name one deleted since
        Map<UUID, String> audiences = new HashMap<>(lists.names(found.stream()
                .flatMap(e -> e.draft().listIds().stream()).collect(Collectors.toSet())));
        found.stream().map(e -> e.draft().segmentId()).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> segments.name(id).ifPresent(name -> audiences.put(id, name)));
        List<CapturedEmail> captured = found.stream().map(e -> {
            EmailDraft d = e.draft();
            Instant at = sendTime(e);
            Long after = at == null || base == null ? null
                    : Duration.between(base.atStartOfDay(ZoneOffset.UTC).toInstant(), at).toMinutes();
            Map<UUID, String> names = new HashMap<>();
            d.listIds().stream().filter(audiences::containsKey).forEach(id -> names.put(id, audiences.get(id)));
            if (d.segmentId() != null && audiences.containsKey(d.segmentId())) {
                names.put(d.segmentId(), audiences.get(d.segmentId()));
            }
            return new CapturedEmail(d.name(), d.subject(), d.preheader(), d.html(), d.templateId(), d.listIds(),
                    d.segmentId(), after, names);
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
    public List<String> apply(CampaignSnapshot campaign, JsonNode content, TemplateCopy copy) {
        LocalDate start = campaign.startDate() != null ? campaign.startDate() : LocalDate.now(clock);
        List<CapturedEmail> captured = new ArrayList<>();
        content.forEach(node -> captured.add(json.treeToValue(node, CapturedEmail.class)));
        Set<UUID> liveLists = lists.names(captured.stream().flatMap(c -> listIds(c).stream())
                .collect(Collectors.toSet())).keySet();
        Map<UUID, Boolean> liveSegments = new HashMap<>(); // each segment looked up once
        List<String> notes = new ArrayList<>();
        for (CapturedEmail c : captured) {
            List<UUID> kept = listIds(c).stream().filter(liveLists::contains).toList();
            listIds(c).stream().filter(id -> !liveLists.contains(id)).forEach(id -> notes.add(gone("list", c, id)));
            UUID segment = c.segmentId() != null && liveSegments.computeIfAbsent(c.segmentId(),
                    id -> segments.name(id).isPresent()) ? c.segmentId() : null;
            if (c.segmentId() != null && segment == null) {
                notes.add(gone("segment", c, c.segmentId()));
            }
            // through the same door as a person's new email, so the body is sanitised and lists checked again
            EmailCampaignView made = campaigns.create(campaign.id(), new EmailCampaigns.Changes(c.name(), c.subject(),
                    c.preheader(), c.html(), c.templateId(), kept, segment, false));
            if (c.sendAfterMinutes() != null) {
                campaigns.find(made.id()).plan(start.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plus(Duration.ofMinutes(c.sendAfterMinutes())), clock.instant());
            }
        }
        return notes;
    }

    private static List<UUID> listIds(CapturedEmail email) {
        return email.listIds() == null ? List.of() : email.listIds();
    }

    /** The note for an audience deleted since the template was made, by its name when the template kept it. */
    private static String gone(String kind, CapturedEmail email, UUID id) {
        String name = email.audienceNames() == null ? null : email.audienceNames().get(id);
        return (name == null ? "A " + kind + " the email named" : "The " + kind + " \"" + name + "\"")
                + " no longer exists: choose an audience for the email \"" + email.name() + "\".";
    }
}
