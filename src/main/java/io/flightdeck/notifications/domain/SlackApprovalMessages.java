package io.flightdeck.notifications.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalDecisions;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.notifications.slack.SlackApiException;
import io.flightdeck.notifications.slack.SlackBlocks;
import io.flightdeck.notifications.slack.SlackBlocksFor;
import io.flightdeck.notifications.slack.SlackConnections;
import io.flightdeck.notifications.slack.SlackWebApi;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every Slack message that asked for a decision on an approval follows what became of it, wherever it was decided
 * (a button in Slack, the web, the API): the buttons go and the message says who decided, or that the stage passed
 * and the next one decides. Idempotent (rewriting a message with the same words changes nothing); a message Slack
 * no longer has is left alone.
 */
@Component
class SlackApprovalMessages {

    private static final Logger log = LoggerFactory.getLogger(SlackApprovalMessages.class);
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(5);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final NotificationDeliveryRepository deliveries;
    private final SlackConnections connections;
    private final SlackWebApi slack;
    private final ApprovalDecisions approvals;
    private final MemberDirectory members;
    private final AbsoluteLinks urls;
    private final TransactionTemplate tx;

    SlackApprovalMessages(NotificationDeliveryRepository deliveries, SlackConnections connections, SlackWebApi slack,
            ApprovalDecisions approvals, MemberDirectory members, AbsoluteLinks urls, TransactionTemplate tx) {
        this.deliveries = deliveries;
        this.connections = connections;
        this.slack = slack;
        this.approvals = approvals;
        this.members = members;
        this.urls = urls;
        this.tx = tx;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDecided event) {
        TenantScope.run(event.workspaceId(), () -> connections.bot().ifPresent(bot -> {
            awaitInFlight(event.approvalId());
            List<NotificationDelivery> messages = tx.execute(status -> deliveries.findSlackMessagesAbout(
                    event.approvalId(), NotificationTrigger.APPROVAL_REQUESTED));
            if (messages == null || messages.isEmpty()) {
                return;
            }
            approvals.round(event.approvalId()).ifPresent(round -> {
                String who = event.actorId() == null ? "Flightdeck"
                        : members.find(event.actorId()).map(MemberSummary::displayName).orElse("a former member");
                String what = switch (event.state()) {
                    case APPROVED -> "Approved by " + who;
                    case REJECTED -> "Rejected by " + who;
                    case NEEDS_REVIEW -> "Changes requested by " + who;
                    case PENDING -> "Stage passed with " + who + "'s decision; the next stage decides";
                };
                SlackBlocks.Message message = SlackBlocks.approvalDecided(SlackBlocksFor.facts(round, members,
                        URI.create(urls.of("/approvals/" + event.approvalId()))), what + " · " + WHEN.format(event.at()));
                for (NotificationDelivery sent : messages) {
                    try {
                        slack.update(bot.token(), sent.slackChannel(), sent.slackTs(), message.text(), message.blocks());
                    } catch (SlackApiException e) {
                        if (!e.permanent()) {
                            throw e; // retried through the publication registry
                        }
                        log.info("Slack message of approval {} not updated: {}", event.approvalId(), e.error());
                    }
                }
            });
        }));
    }

    /**
     * A request being posted while the decision was made is waited for, a few seconds at most: Slack has it, and the
     * runner is about to record where, after which this update finds it. One cut off by a crash is not waited for
     * longer; its message keeps its buttons, and a click on them is refused as decided, in words.
     */
    private void awaitInFlight(UUID approvalId) {
        Instant until = Instant.now().plus(IN_FLIGHT_WAIT);
        while (Instant.now().isBefore(until) && inFlight(approvalId) > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long inFlight(UUID approvalId) {
        Long count = tx.execute(status -> deliveries.countSlackMessagesInFlightAbout(approvalId,
                NotificationTrigger.APPROVAL_REQUESTED));
        return count == null ? 0 : count;
    }
}
