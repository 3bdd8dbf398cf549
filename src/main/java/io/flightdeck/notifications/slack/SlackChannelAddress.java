package io.flightdeck.notifications.slack;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;

/**
 * A Slack channel as an endpoint's address. A person pastes what Slack gives them (Copy link on a channel:
 * {@code https://acme.slack.com/archives/C0123ABCD}, the web client's {@code https://app.slack.com/client/T…/C…}) or
 * the channel id; it is kept as Slack's documented deep link {@code slack://channel?team=T…&id=C…}, which opens the
 * channel from the endpoint's page and names the Slack it belongs to.
 */
public final class SlackChannelAddress {

    private static final String ID = "([CG][A-Z0-9]{8,20})";
    private static final Pattern BARE = Pattern.compile(ID);
    private static final Pattern ARCHIVES = Pattern.compile(
            "https://[a-z0-9-]+(?:\\.enterprise)?\\.slack\\.com/archives/" + ID + "(?:/.*)?");
    private static final Pattern CLIENT = Pattern.compile("https://app\\.slack\\.com/client/T[A-Z0-9]+/" + ID + "(?:/.*)?");
    private static final Pattern DEEP = Pattern.compile("slack://channel\\?team=(T[A-Z0-9]+)&id=" + ID);

    private SlackChannelAddress() {
    }

    /** The channel id in what a person gave; refused when it names no channel. */
    public static String id(String given) {
        return match(given)[1];
    }

    /** The deep link for what a person gave, in the Slack whose team id is given. */
    public static String of(String given, String teamId) {
        String[] found = match(given);
        if (found[0] != null && !found[0].equals(teamId)) {
            throw new InvalidInputException("url", "That channel is in another Slack than the one connected");
        }
        return "slack://channel?team=" + teamId + "&id=" + found[1];
    }

    /** The team (only a deep link names it) and the channel id. */
    private static String[] match(String given) {
        String value = given == null ? "" : given.strip();
        Matcher match;
        if ((match = BARE.matcher(value.toUpperCase(Locale.ROOT))).matches()
                || (match = ARCHIVES.matcher(value)).matches() || (match = CLIENT.matcher(value)).matches()) {
            return new String[] {null, match.group(1)};
        }
        if ((match = DEEP.matcher(value)).matches()) {
            return new String[] {match.group(1), match.group(2)};
        }
        throw new InvalidInputException("url", "Give the Slack channel's link (Copy link on the channel in Slack, such "
                + "as https://acme.slack.com/archives/C0123ABCD) or its id");
    }

    /** The channel id in a deep link made by {@link #of}. */
    public static String channelId(String address) {
        Matcher match = DEEP.matcher(address);
        if (!match.matches()) {
            throw new IllegalArgumentException("Not a Slack channel address: " + address);
        }
        return match.group(2);
    }
}
