package io.flightdeck.publishing.networks.x;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.publishing.channels.OutgoingPost;

/**
 * Which of an account's recent posts on X is the one an attempt sent, by its text, since X keeps no key of ours.
 * <p>
 * The rule: two texts are the same when they are equal after X's HTML escapes ({@code &amp;}, {@code &lt;},
 * {@code &gt;}) are undone, every link is taken out, runs of white space are one space, and the ends are trimmed.
 * Links are taken out because X rewrites each one (and bare domains like {@code example.com}) to a {@code t.co}
 * address and appends one for attached media; the same pattern is applied to both texts, so whatever it takes for a
 * link it takes on both sides. Replies are never the post (they are its first comment at most). When several posts
 * have the same words, their links (X's {@code expanded_url}s) decide; when they cannot, the answer is ambiguous.
 */
class XTimelineMatch {

    enum Result { NONE, ONE, AMBIGUOUS }

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\b(?:[\\p{L}\\p{N}-]+\\.)+[a-z]{2,}\\b(?:/\\S*)?");

    private final String text;
    private final List<String> links;
    private final String comment;
    private final List<XPost> candidates = new ArrayList<>();
    private final List<XPost> replies = new ArrayList<>();

    XTimelineMatch(OutgoingPost post) {
        this.text = words(post.text());
        this.links = links(post.text());
        this.comment = post.firstComment() == null || post.firstComment().isBlank() ? null : words(post.firstComment());
    }

    void consider(XPost tweet) {
        if (tweet.repliesTo(null)) {
            replies.add(tweet);
        } else if (words(tweet.fullText()).equals(text)) {
            candidates.add(tweet);
        }
    }

    Result result() {
        return switch (chosen().size()) {
            case 0 -> Result.NONE;
            case 1 -> Result.ONE;
            default -> Result.AMBIGUOUS;
        };
    }

    String postId() {
        return chosen().get(0).id();
    }

    /** The first comment's id when a reply to the found post has its words. */
    String commentId() {
        if (comment == null) {
            return null;
        }
        String postId = postId();
        return replies.stream().filter(r -> r.repliesTo(postId) && words(r.fullText()).equals(comment))
                .map(XPost::id).findFirst().orElse(null);
    }

    private List<XPost> chosen() {
        if (candidates.size() <= 1) {
            return candidates;
        }
        return candidates.stream().filter(t -> expandedLinks(t).equals(links)).toList();
    }

    static String words(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return LINK.matcher(t).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static List<String> links(String text) {
        List<String> found = new ArrayList<>();
        if (text != null) {
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                found.add(address(m.group()));
            }
        }
        return found;
    }

    /** The links X resolved, without the one it adds for attached media. */
    private static List<String> expandedLinks(XPost tweet) {
        return tweet.expandedUrls().stream().map(XTimelineMatch::address).toList();
    }

    /** A link as both sides would agree on it: no scheme, no {@code www.}, no trailing slash, lower case. */
    private static String address(String link) {
        return link.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
                .replaceFirst("/+$", "");
    }
}
