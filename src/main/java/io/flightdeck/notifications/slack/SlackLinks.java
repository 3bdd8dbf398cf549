package io.flightdeck.notifications.slack;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members link themselves to their Slack user: Slack is asked for the user with the member's own email (it answers
 * only for an email its user verified), the member sees who was found and confirms; only then do Slack messages reach
 * them and their clicks in Slack act for them. A member links only themself, and a display name never links anyone.
 */
@Service
public class SlackLinks {

    private final SlackMemberLinkRepository links;
    private final SlackConnections connections;
    private final SlackWebApi slack;
    private final Clock clock;

    SlackLinks(SlackMemberLinkRepository links, SlackConnections connections, SlackWebApi slack, Clock clock) {
        this.links = links;
        this.connections = connections;
        this.slack = slack;
        this.clock = clock;
    }

    /** The member's link to the installed app's Slack; one made with an earlier install into another Slack is none. */
    @Transactional(readOnly = true)
    public SlackLinkView mine() {
        Optional<String> team = connections.teamId();
        return links.findByMemberId(CurrentActor.require().userId())
                .filter(link -> team.isPresent() && team.get().equals(link.teamId()))
                .map(link -> view(link, true))
                .orElseGet(() -> new SlackLinkView("none", null, null, null, team.isPresent()));
    }

    /** Asks Slack for the user with the member's email and proposes them; the member confirms next. */
    @Transactional
    public SlackLinkView find() {
        Actor actor = CurrentActor.require();
        SlackConnections.Bot bot = connections.bot().orElseThrow(() -> new ConflictException("slack-not-installed",
                "The workspace's Slack app is not installed; an admin connects it in Settings → Slack."));
        SlackWebApi.SlackUser user;
        try {
            user = slack.lookupByEmail(bot.token(), actor.email());
        } catch (SlackApiException e) {
            throw new ConflictException("slack-user-not-found", "users_not_found".equals(e.error())
                    ? "Slack has no user with your email address (" + actor.email() + "), or its owner has not "
                            + "verified it. Use the same address in Slack and in Flightdeck, then try again."
                    : "Slack did not answer (" + e.error() + "); try again in a moment.");
        }
        SlackMemberLink link = links.findByMemberId(actor.userId())
                .orElseGet(() -> new SlackMemberLink(actor.userId(), clock.instant()));
        String name = user.realName() != null && !user.realName().isBlank() ? user.realName() : user.name();
        link.propose(bot.teamId(), user.id(), name, clock.instant());
        return view(links.save(link), true);
    }

    /** The member says the user Slack found is them. */
    @Transactional
    public SlackLinkView confirm() {
        SlackMemberLink link = links.findByMemberId(CurrentActor.require().userId())
                .orElseThrow(() -> new ConflictException("slack-nothing-to-confirm",
                        "Find yourself in Slack first; then confirm it is you."));
        link.confirm(clock.instant());
        return view(link, connections.bot().isPresent());
    }

    @Transactional
    public void unlink() {
        links.findByMemberId(CurrentActor.require().userId()).ifPresent(links::delete);
    }

    /**
     * The Slack user of each given member who confirmed a link to the installed app's Slack (a link made with an
     * earlier install into another Slack counts for nothing): one query.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> slackUsers(Collection<UUID> members) {
        Map<UUID, String> users = new HashMap<>();
        Optional<String> team = connections.teamId();
        if (team.isEmpty() || members.isEmpty()) {
            return users;
        }
        links.findByMemberIdInAndConfirmedAtIsNotNull(members).stream()
                .filter(link -> link.teamId().equals(team.get()))
                .forEach(link -> users.put(link.memberId(), link.slackUserId()));
        return users;
    }

    /** The member who confirmed a link to this Slack user of this Slack, in the current workspace. */
    @Transactional(readOnly = true)
    public Optional<UUID> memberFor(String teamId, String slackUserId) {
        return links.findByTeamIdAndSlackUserIdAndConfirmedAtIsNotNull(teamId, slackUserId).map(SlackMemberLink::memberId);
    }

    private static SlackLinkView view(SlackMemberLink link, boolean available) {
        return new SlackLinkView(link.confirmed() ? "linked" : "proposed", link.slackUserId(), link.slackName(),
                link.confirmedAt(), available);
    }
}
