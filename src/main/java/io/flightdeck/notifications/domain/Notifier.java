package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.notifications.domain.Preferences.Choice;
import io.flightdeck.notifications.slack.SlackLinks;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a notification in its recipients' inboxes, in the current workspace, and queues its email and Slack message
 * where their preferences say so: Slack only for members who linked themselves, and email kept for a member's digest
 * unless it is urgent. Never to the person who caused it, never twice to one recipient for one event (a listener
 * retried by the publication registry writes nothing new), and every open bell of the workspace hears of it on
 * whichever node it is connected to. A recipient with every channel off for the category gets nothing at all. The
 * event also goes to the workspace's webhook endpoints that take its type ({@link WebhookQueue}), whoever it concerns.
 */
@Service
class Notifier {

    private final NotificationRepository notifications;
    private final NotificationDeliveryRepository deliveries;
    private final MemberDirectory members;
    private final Preferences preferences;
    private final Jobs jobs;
    private final LiveSignals live;
    private final WebhookQueue webhooks;
    private final QuietTimes quietTimes;
    private final Escalations escalations;
    private final SlackLinks slackLinks;
    private final Clock clock;

    Notifier(NotificationRepository notifications, NotificationDeliveryRepository deliveries, MemberDirectory members,
            Preferences preferences, Jobs jobs, LiveSignals live, WebhookQueue webhooks, QuietTimes quietTimes,
            Escalations escalations, SlackLinks slackLinks, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.members = members;
        this.preferences = preferences;
        this.jobs = jobs;
        this.live = live;
        this.webhooks = webhooks;
        this.quietTimes = quietTimes;
        this.escalations = escalations;
        this.slackLinks = slackLinks;
        this.clock = clock;
    }

    /**
     * Settles every item {@code trigger} told of the subject (a failed post that went out after a retry): each says
     * so and stops counting as new, and the bells of those who had it read again. Answers how many settled.
     */
    @Transactional
    int settle(String subjectType, UUID subjectId, NotificationTrigger trigger, String words) {
        List<Notification> told = notifications.findBySubjectTypeAndSubjectIdAndTrigger(subjectType, subjectId, trigger);
        Instant now = clock.instant();
        told.forEach(n -> n.settled(words, now));
        if (!told.isEmpty()) {
            live.publish(Inbox.CHANNEL, TenantScope.require().toString());
        }
        return told.size();
    }

    /**
     * The number of notifications written: the actor, anyone who is not a member of the workspace and recipients who
     * already have this event get none.
     */
    @Transactional
    int notify(NotificationDraft draft, Collection<UUID> recipients) {
        Map<UUID, String> reasons = new HashMap<>();
        recipients.forEach(recipient -> reasons.put(recipient, draft.reason()));
        return notify(draft, reasons);
    }

    /**
     * One event told to each recipient with their own reason (“You own …”, “You follow …”) in one pass: one look-up
     * of who is a member, who has it already and what they chose, one batch of rows, one batch of jobs, one signal.
     */
    @Transactional
    int notify(NotificationDraft draft, Map<UUID, String> reasons) {
        UUID workspaceId = TenantScope.require();
        webhooks.queue(draft);
        Set<UUID> to = new HashSet<>(reasons.keySet());
        to.remove(null);
        if (draft.actorId() != null) {
            to.remove(draft.actorId());
        }
        if (to.isEmpty()) {
            return 0;
        }
        to.retainAll(members.displayNames(to).keySet());
        if (to.isEmpty()) {
            return 0;
        }
        notifications.findRecipientsHaving(draft.eventKey(), to).forEach(to::remove);
        if (to.isEmpty()) {
            return 0;
        }
        Map<UUID, Map<NotificationChannel, Choice>> choices = preferences.resolve(to, draft.trigger().category());
        Map<UUID, String> inSlack = slackLinks.slackUsers(to); // only members who linked themselves hear in Slack
        Map<String, NotificationDraft> byReason = new HashMap<>();
        Instant now = clock.instant();
        List<Notification> rows = new ArrayList<>();
        List<NotificationDelivery> outside = new ArrayList<>();
        List<NotificationDelivery> digested = new ArrayList<>(); // wait for the member's digest, no job of their own
        List<UUID> watched = new ArrayList<>();
        for (UUID recipient : to.stream().sorted().toList()) {
            Choice inApp = choices.get(recipient).get(NotificationChannel.IN_APP);
            Choice email = choices.get(recipient).get(NotificationChannel.EMAIL);
            if (draft.trigger().failure()) {
                // a failure is never silenced by a category's settings: in the app always, by email at once when high
                inApp = inApp.on() ? inApp : new Choice(DeliveryMode.IMMEDIATE, PreferenceSource.BUILT_IN);
                if (draft.priority().compareTo(NotificationPriority.HIGH) >= 0 && (!email.on() || email.mode().digest())) {
                    email = new Choice(DeliveryMode.IMMEDIATE, PreferenceSource.BUILT_IN);
                }
            }
            Choice slack = choices.get(recipient).get(NotificationChannel.SLACK);
            boolean toSlack = slack.on() && inSlack.containsKey(recipient);
            if (!inApp.on() && !email.on() && !toSlack) {
                continue;
            }
            NotificationDraft told = byReason.computeIfAbsent(reasons.get(recipient), draft::withReason);
            Notification row = new Notification(recipient, told, inApp.on(), inApp.source(), now);
            rows.add(row);
            if (Escalations.applies(draft.trigger(), inApp, email, slack, inSlack.containsKey(recipient))) {
                watched.add(row.getId());
            }
            if (email.mode().digest() && draft.priority() != NotificationPriority.URGENT) {
                digested.add(NotificationDelivery.forDigest(row.getId(), recipient, email.source(), email.mode(), now));
            } else if (email.on()) {
                outside.add(new NotificationDelivery(row.getId(), recipient, NotificationChannel.EMAIL, email.source(), now));
            }
            if (toSlack) {
                outside.add(new NotificationDelivery(row.getId(), recipient, NotificationChannel.SLACK, slack.source(), now));
            }
        }
        notifications.saveAll(rows);
        notifications.flush(); // before the deliveries that reference them: no mapped association orders the inserts
        List<UUID> going = holdForQuietHours(draft, outside, now);
        deliveries.saveAll(outside);
        deliveries.saveAll(digested);
        Set<UUID> goingNow = new HashSet<>(going);
        for (NotificationDelivery held : outside) {
            if (!goingNow.contains(held.getId())) {
                jobs.schedule(DeliveryJobs.DELIVERY, workspaceId, held.getId(), held.view().nextAttemptAt());
            }
        }
        jobs.scheduleNew(DeliveryJobs.DELIVERY, workspaceId, going, now);
        escalations.watch(watched, now);
        if (rows.stream().anyMatch(Notification::inApp)) {
            live.publish(Inbox.CHANNEL, workspaceId.toString());
        }
        return rows.size();
    }

    /**
     * Holds each email or Slack message whose recipient's quiet hours or mute last beyond now until they end (held,
     * never dropped; urgent items and those due before then are not held); answers the ids of those that go now.
     */
    private List<UUID> holdForQuietHours(NotificationDraft draft, List<NotificationDelivery> outside, Instant now) {
        List<UUID> going = new ArrayList<>();
        if (outside.isEmpty()) {
            return going;
        }
        Map<UUID, QuietHours> quiet = quietTimes.of(outside.stream().map(NotificationDelivery::recipientId).toList());
        for (NotificationDelivery delivery : outside) {
            Instant at = quiet.getOrDefault(delivery.recipientId(), QuietHours.NONE).release(now, draft.priority(),
                    draft.dueAt());
            if (at.isAfter(now)) {
                delivery.holdUntil(at, now);
            } else {
                going.add(delivery.getId());
            }
        }
        return going;
    }

    /**
     * A test for the member themself: in the app, by email and (once they linked themself) in Slack, whatever their
     * settings; answers the notification.
     */
    @Transactional
    UUID test(UUID memberId, NotificationDraft draft) {
        Instant now = clock.instant();
        Notification row = notifications.saveAndFlush(new Notification(memberId, draft, true, PreferenceSource.REQUESTED, now));
        NotificationDelivery email = deliveries.save(new NotificationDelivery(row.getId(), memberId,
                NotificationChannel.EMAIL, PreferenceSource.REQUESTED, now));
        jobs.schedule(DeliveryJobs.DELIVERY, TenantScope.require(), email.getId(), now);
        if (slackLinks.slackUsers(Set.of(memberId)).containsKey(memberId)) {
            NotificationDelivery slack = deliveries.save(new NotificationDelivery(row.getId(), memberId,
                    NotificationChannel.SLACK, PreferenceSource.REQUESTED, now));
            jobs.schedule(DeliveryJobs.DELIVERY, TenantScope.require(), slack.getId(), now);
        }
        live.publish(Inbox.CHANNEL, TenantScope.require().toString());
        return row.getId();
    }
}
