package io.flightdeck.notifications.slack;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.approvals.ApprovalDecisions.Decision;
import io.flightdeck.approvals.ApprovalDecisions;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions from Slack: {@link #record} writes the click once (per approval, round and Slack user) and queues it,
 * inside Slack's three seconds; the job then decides as the member who linked that Slack user, with the web's rules,
 * and updates the message to say who decided (or re-renders it as out of date when the approval moved on). A click
 * that cannot decide is answered to the person alone, with the reason.
 */
@Component
class SlackDecisions {

    private static final Logger log = LoggerFactory.getLogger(SlackDecisions.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    record DecisionTask(UUID workspaceId, UUID actionId) implements WorkspaceTask {
    }

    static final JobKind<DecisionTask> KIND = JobKind.of("slack-decision", DecisionTask.class, DecisionTask::new);

    private final SlackActionRepository actions;
    private final SlackLinks links;
    private final SlackConnections connections;
    private final ApprovalDecisions approvals;
    private final MemberDirectory members;
    private final SlackWebApi slack;
    private final SecretCipher cipher;
    private final PublicUrls urls;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlackDecisions(SlackActionRepository actions, SlackLinks links, SlackConnections connections,
            ApprovalDecisions approvals, MemberDirectory members, SlackWebApi slack, SecretCipher cipher,
            PublicUrls urls, Jobs jobs, TransactionTemplate tx, Clock clock) {
        this.actions = actions;
        this.links = links;
        this.connections = connections;
        this.approvals = approvals;
        this.members = members;
        this.slack = slack;
        this.cipher = cipher;
        this.urls = urls;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** Writes the click and queues its decision, unless this person's click on this round is already there. */
    void record(SlackClick click) {
        String responseUrl = click.responseUrl() == null ? null : cipher.encrypt(click.responseUrl());
        TenantScope.run(click.workspaceId(), () -> tx.executeWithoutResult(status -> {
            Optional<SlackAction> before = actions.findByApprovalIdAndRoundAndSlackUserId(click.approvalId(),
                    click.round(), click.userId());
            SlackAction action;
            if (before.isEmpty()) {
                action = actions.saveAndFlush(new SlackAction(click, responseUrl, clock.instant()));
            } else if (before.get().status() == SlackAction.Status.REFUSED) {
                action = before.get();
                action.again(click, responseUrl, clock.instant());
            } else {
                return; // a double click, or Slack delivering again: decided once
            }
            jobs.schedule(KIND, click.workspaceId(), action.getId(), clock.instant());
        }));
    }

    /** The job: runs in the click's workspace scope. */
    void decide(UUID actionId) {
        SlackAction action = tx.execute(status -> actions.findById(actionId).orElse(null));
        if (action == null || action.status() != SlackAction.Status.QUEUED) {
            return;
        }
        Optional<MemberSummary> member = connections.bot().filter(bot -> bot.teamId().equals(action.teamId()))
                .flatMap(bot -> links.memberFor(action.teamId(), action.slackUserId())).flatMap(members::find);
        if (member.isEmpty()) {
            refuse(action, "Link yourself to Slack in Flightdeck first (My notifications → Slack), then click again.");
            return;
        }
        MemberSummary m = member.get();
        Actor actor = new Actor(m.userId(), TenantScope.require(), m.role(), m.email(), m.displayName(), m.timeZone(), null);
        try {
            ApprovalState state = CurrentActor.runAs(actor, () -> approvals.decide(action.approvalId(), action.round(),
                    action.decision(), action.text()));
            settle(action, SlackAction.Status.DONE, state.name());
            update(action, SlackBlocksFor.decided(action.decision(), m.displayName(), clock.instant(), WHEN));
        } catch (ConflictException e) {
            if ("approval-moved-on".equals(e.type())) {
                update(action, SlackBlocksFor.stale());
            }
            refuse(action, e.getMessage());
        } catch (AccessDeniedException | InvalidInputException | NotFoundException e) {
            refuse(action, e.getMessage());
        }
    }

    private void refuse(SlackAction action, String why) {
        settle(action, SlackAction.Status.REFUSED, why);
        if (action.responseUrl() != null) {
            try {
                slack.respond(URI.create(cipher.decrypt(action.responseUrl())), why);
            } catch (SlackApiException e) {
                log.info("Could not tell the Slack user why their click was refused: {}", e.getMessage());
            }
        }
    }

    private void settle(SlackAction action, SlackAction.Status to, String why) {
        tx.executeWithoutResult(status -> actions.findById(action.getId()).orElseThrow().settle(to, why, clock.instant()));
    }

    /** Rewrites the message the click came from (chat.update); a failure leaves the decision as it is. */
    private void update(SlackAction action, java.util.function.Function<SlackBlocks.Facts, SlackBlocks.Message> blocks) {
        if (action.channel() == null || action.messageTs() == null) {
            return;
        }
        connections.bot().ifPresent(bot -> approvals.round(action.approvalId()).ifPresent(round -> {
            SlackBlocks.Message message = blocks.apply(SlackBlocksFor.facts(round, members,
                    URI.create(urls.ofOrLocal("/approvals/" + action.approvalId()))));
            try {
                slack.update(bot.token(), action.channel(), action.messageTs(), message.text(), message.blocks());
            } catch (SlackApiException e) {
                log.info("Could not update the Slack message of approval {}: {}", action.approvalId(), e.getMessage());
            }
        }));
    }

    @Configuration(proxyBeanMethods = false)
    static class SlackDecisionJobs {

        @Bean
        OneTimeTask<DecisionTask> slackDecisionTask(SlackDecisions decisions) {
            return JobTasks.once(KIND, JobTasks.Failures.retry(5, Duration.ofSeconds(5)),
                    task -> decisions.decide(task.actionId()));
        }
    }
}
