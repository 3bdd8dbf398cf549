package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email campaign as the API and the pages show it, with its send's progress.
 *
 * @param revision what its recipients would get, counted from 1: a change to it after the first makes the next, and
 *                 only an approved revision leaves (its readiness says which waits for what)
 * @param plannedSendAt when a draft is meant to go out (from a template), a plan only until someone schedules it
 */
public record EmailCampaignView(UUID id, UUID campaignId, String name, String subject, @Nullable String preheader,
        String html, @Nullable String templateId, List<UUID> listIds, @Nullable UUID segmentId,
        EmailCampaignStatus status, @Nullable Instant scheduledAt, boolean recipientZone, @Nullable String localTime,
        List<String> blockers, SendProgress progress, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        UUID createdBy, Instant createdAt, Instant updatedAt, long version, int revision,
        @Nullable Instant plannedSendAt) {

    static EmailCampaignView of(EmailCampaign e, SendProgress progress) {
        EmailDraft d = e.draft();
        return new EmailCampaignView(e.getId(), e.campaignId(), d.name(), d.subject(), d.preheader(), d.html(),
                d.templateId(), d.listIds(), d.segmentId(), e.status(), e.scheduledAt(), e.recipientZone(),
                e.localTime() == null ? null : e.localTime().toString(), e.blockers(), progress, e.startedAt(),
                e.finishedAt(), e.createdBy(), e.createdAt(), e.updatedAt(), e.version(), e.revision(),
                e.plannedSendAt());
    }
}
