package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.email.settings.EmailSettings;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign's emails still to go out (drafts and scheduled sends) as one readiness item: done while each could be
 * scheduled, otherwise naming the emails and what each still needs. It weighs nothing and blocks nothing: an email
 * that is not ready waits, it does not stop the campaign's launch. A campaign with no email to send gets no item.
 * <p>
 * It asks the email's own checklist ({@link EmailReadinessCheck}) for the items that stop scheduling, except the
 * audience's census: counting every recipient of every email on each read of a campaign's readiness (the campaign
 * page reads it every 20 seconds) costs too much, so a missing audience is named here and an audience without anyone
 * to mail, or without a consent basis, is left to the email's page. Its links are read here (one parse of its body),
 * since a link the send could not track stops scheduling on the email's page too. What a scheduled send waits for (the
 * launch, the content approval) is not named: readiness says that elsewhere.
 */
@Component
@Order(80)
class EmailSendsReadiness implements ReadinessCheck {

    private static final int NAMED = 3;

    private final EmailCampaignRepository emails;
    private final EmailReadinessCheck emailReadiness;
    private final SendGate gate;
    private final SenderDomainCheck domain;
    private final EmailSettings settings;

    EmailSendsReadiness(EmailCampaignRepository emails, EmailReadinessCheck emailReadiness, SendGate gate,
            SenderDomainCheck domain, EmailSettings settings) {
        this.emails = emails;
        this.emailReadiness = emailReadiness;
        this.gate = gate;
        this.domain = domain;
        this.settings = settings;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        List<EmailCampaign> pending = emails.findByCampaignIdAndStatusInOrderByCreatedAtAsc(campaign.id(),
                EnumSet.of(EmailCampaignStatus.DRAFT, EmailCampaignStatus.SCHEDULED));
        if (pending.isEmpty()) {
            return List.of();
        }
        // what every email of the workspace shares is looked at once
        List<EmailReadinessItem> shared = new ArrayList<>();
        shared.add(gate.postalAddress());
        shared.addAll(domain.items(settings.current().fromAddress()));
        // and every email's tests in one read, not one or two per email
        Map<UUID, EmailReadinessItem> tested = emailReadiness.testSends(pending);
        Map<EmailCampaign, List<EmailReadinessItem>> notReady = new LinkedHashMap<>();
        for (EmailCampaign email : pending) {
            List<EmailReadinessItem> open = new ArrayList<>();
            if (!email.draft().hasAudience()) {
                open.add(EmailReadinessCheck.noAudience(email.getId()));
            }
            open.add(tested.get(email.getId()));
            open.add(EmailReadinessCheck.links(email.draft(), "/email/campaigns/" + email.getId()));
            open.addAll(shared);
            List<EmailReadinessItem> blocked = open.stream().filter(i -> i.blocked() && !i.waitsWhenScheduled())
                    .toList();
            if (!blocked.isEmpty()) {
                notReady.put(email, blocked);
            }
        }
        boolean done = notReady.isEmpty();
        String fix = notReady.size() == 1 ? "/email/campaigns/" + notReady.keySet().iterator().next().getId()
                : "/email/campaigns";
        return List.of(new ReadinessItem("email.ready", "Emails ready to send", done, 0, false,
                done ? (pending.size() == 1 ? "Its email can" : "All " + pending.size() + " of its emails can")
                        + " be scheduled" : reason(notReady), fix)
                .withAction("Finish the emails and test them")
                .about(notReady.keySet().stream().map(e -> ReadinessSubject.of("email", e.getId(), e.draft().name(),
                        "/email/campaigns/" + e.getId())).toList()));
    }

    private static String reason(Map<EmailCampaign, List<EmailReadinessItem>> notReady) {
        String named = notReady.entrySet().stream().limit(NAMED)
                .map(e -> e.getKey().draft().name() + " (" + e.getValue().stream().map(EmailReadinessItem::label)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "));
        return "Not ready to send: " + named + (notReady.size() > NAMED ? " and " + (notReady.size() - NAMED)
                + " more" : "");
    }
}
