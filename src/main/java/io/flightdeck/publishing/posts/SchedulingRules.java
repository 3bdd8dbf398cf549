package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;

/**
 * The rules a post's schedule follows, given everything they need: the accounts a post goes to, how long its text may
 * be on each network, one copy per network, a chosen time that is still to come and keeps the campaign's gap there,
 * and the title's length. Each rule answers the first problem it finds (the field as the API names it, and why) or
 * nothing. The scheduler refuses with that problem before it writes anything; the rules look nothing up, so they are
 * tested without Spring or a database.
 */
final class SchedulingRules {

    static final int MAX_CHANNELS = 10;
    static final int MAX_RETRIES = 10;
    static final int TEXT_MAX = 65_000;
    static final int TITLE_MAX = 200;
    static final int MAX_OPTIONS = 10;
    private static final java.util.regex.Pattern OPTION_KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** A time this little past still counts as now: the seconds between choosing it and sending the form. */
    static final Duration PAST_TOLERANCE = Duration.ofSeconds(60);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private SchedulingRules() {
    }

    /** At least one account and at most ten, retries from 0 to 10, each target naming an account, none twice. */
    static Optional<Problem> targets(List<Target> targets, int maxRetries) {
        if (targets == null || targets.isEmpty()) {
            return problem("targets", "Choose at least one account to post to.");
        }
        if (targets.size() > MAX_CHANNELS) {
            return problem("targets", "At most " + MAX_CHANNELS + " accounts in one post.");
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            return problem("maxRetries", "Between 0 and " + MAX_RETRIES + ".");
        }
        Set<UUID> accountIds = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t == null || t.accountId() == null) {
                return problem("targets[" + i + "].accountId", "Choose an account.");
            }
            if (!accountIds.add(t.accountId())) {
                return problem("targets[" + i + "].accountId", "This account is in the post twice.");
            }
        }
        return Optional.empty();
    }

    /** The account was found in this workspace and is still connected. */
    static Optional<Problem> connected(String field, ChannelAccountView account) {
        return account == null || account.disconnected() ? problem(field, "No such connected account here.")
                : Optional.empty();
    }

    /** Within the network's limit, counted the network's way (a link counts 23 on X), and within what we store. */
    static Optional<Problem> length(String field, String text, Channel channel) {
        PlatformLimits limits = PlatformLimits.of(channel);
        int length = PostLength.of(channel, text);
        if (limits.limitsChars() && length > limits.maxChars()) {
            return problem(field, channel.label() + " takes at most " + limits.maxChars() + " characters; this has "
                    + length + ".");
        }
        if (text.length() > TEXT_MAX) {
            return problem(field, "At most 65,000 characters.");
        }
        return Optional.empty();
    }

    /**
     * The creative behind a post has one text per network, so two accounts on one network carry the same words.
     *
     * @param earlier the text an earlier account of the post on that network carries; null when it is the first
     */
    static Optional<Problem> oneCopyPerNetwork(String field, Channel channel, String text, String earlier) {
        return earlier == null || earlier.equals(text) ? Optional.empty()
                : problem(field, "Two " + channel.label() + " accounts in one post carry the same copy; make a second "
                        + "post for different words.");
    }

    /** At most ten network choices, each a short lower-case key with a short value (what a network's option takes). */
    static Optional<Problem> options(String field, Map<String, String> options) {
        if (options == null) {
            return Optional.empty();
        }
        if (options.size() > MAX_OPTIONS) {
            return problem(field, "At most " + MAX_OPTIONS + " choices for the network.");
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey() == null || !OPTION_KEY.matcher(e.getKey()).matches()) {
                return problem(field, "“" + e.getKey() + "” is not a network choice: lower-case letters, digits and "
                        + "dashes, up to 40.");
            }
            String value = e.getValue();
            if (value == null || value.isBlank() || value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
                return problem(field + "." + e.getKey(), "A choice of up to 100 characters.");
            }
        }
        return Optional.empty();
    }

    /** A chosen time more than a minute past is refused: publish now is the way to post at once. */
    static Optional<Problem> notPast(String field, Instant at, Instant now) {
        return at.isBefore(now.minus(PAST_TOLERANCE))
                ? problem(field, "That time has passed; use publish now to post at once.") : Optional.empty();
    }

    /**
     * A chosen time keeps at least {@code gap} from the campaign's other posts on the network; the first one too close
     * is named in the person's time zone.
     */
    static Optional<Problem> keepsGap(String field, Instant at, Collection<Instant> taken, Channel channel, Duration gap,
            ZoneId zone) {
        for (Instant t : taken) {
            if (Duration.between(t, at).abs().compareTo(gap) < 0) {
                return problem(field, "Another post of this campaign goes out on " + channel.label() + " at "
                        + WHEN.format(t.atZone(zone)) + " (" + zone.getId() + "); keep at least " + gap.toMinutes()
                        + " minutes between them.");
            }
        }
        return Optional.empty();
    }

    static Optional<Problem> title(String title) {
        return title.length() > TITLE_MAX ? problem("title", "At most " + TITLE_MAX + " characters.") : Optional.empty();
    }

    /** Refuses with the problem, if there is one: a 400 naming its field. */
    static void refuse(Optional<Problem> problem) {
        problem.ifPresent(p -> {
            throw new InvalidInputException(p.field(), p.message());
        });
    }

    private static Optional<Problem> problem(String field, String message) {
        return Optional.of(new Problem(field, message));
    }
}
