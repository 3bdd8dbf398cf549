package io.flightdeck.publishing.networks.facebook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PublishedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Feed posts on a Page: text and links ({@code /{page-id}/feed}), one photo ({@code /{page-id}/photos} with the file
 * as {@code source}), several photos (each uploaded unpublished, then one feed post naming them in
 * {@code attached_media}), and the first comment. Photos are sent from the file itself, so no public address is needed.
 * <p>
 * Meta takes no idempotency key and names a feed post only in the answer to the call that creates it, so there is no
 * id to record before that call: an interrupted attempt is looked for among the Page's posts since it began, by its
 * text (as X's timeline look-up does). Unpublished photos are invisible, so their uploads are plain retries.
 */
class FacebookPosts {

    private static final Logger log = LoggerFactory.getLogger(FacebookPosts.class);
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final int PAGES = 10;

    private final FacebookApi api;
    private final FacebookProperties properties;
    private final Clock clock;

    FacebookPosts(FacebookApi api, FacebookProperties properties, Clock clock) {
        this.api = api;
        this.properties = properties;
        this.clock = clock;
    }

    PublishedPost publish(ChannelConnection account, String token, OutgoingPost post) {
        String page = FacebookApi.encode(account.externalId());
        String text = post.text() == null || post.text().isBlank() ? null : post.text();
        if (post.media().size() == 1) {
            JsonNode answer = photo(page, token, post.media().get(0), text, true);
            String postId = answer.path("post_id").asString(null);
            return published(postId != null ? postId : id(answer));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("message", text);
        if (text != null && post.media().isEmpty()) {
            Matcher link = LINK.matcher(text);
            if (link.find()) {
                form.put("link", link.group()); // the link's preview card; the text keeps the address too
            }
        }
        int index = 0;
        for (OutgoingPost.Media m : post.media()) {
            form.put("attached_media[" + index++ + "]", "{\"media_fbid\":\"" + id(photo(page, token, m, null, false))
                    + "\"}");
        }
        return published(id(api.post(api.graph("/" + page + "/feed"), token, form, true)));
    }

    /** A photo from its file; published with its caption, or unpublished to be attached to a feed post. */
    private JsonNode photo(String page, String token, OutgoingPost.Media media, String caption, boolean published) {
        byte[] bytes;
        try (InputStream in = media.open()) {
            bytes = in.readAllBytes(); // at most 4 MB (preflight)
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", "The photo " + media.fileName()
                    + " could not be read: " + e.getMessage(), null, e);
        }
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        if (caption != null) {
            parts.part("message", caption);
        }
        parts.part("published", String.valueOf(published));
        parts.part("source", new ByteArrayResource(bytes)).filename(media.fileName() == null ? "photo" : media.fileName())
                .contentType(MediaType.parseMediaType(media.mimeType()));
        return api.multipart(api.graph("/" + page + "/photos"), token, parts.build(), published);
    }

    /** The first comment on the post; the post is out either way, so its failure is only logged. */
    String firstComment(ChannelConnection account, String token, String postId, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return id(api.post(api.graph("/" + FacebookApi.encode(postId) + "/comments"), token,
                    Map.of("message", text), true));
        } catch (ChannelException e) {
            log.warn("{}: post {} is on Facebook but its first comment is not ({}): {}", account, postId, e.kind(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * The Page's posts created since the attempt began (less the clock margin), compared by text with white space
     * collapsed. "Not there" is trusted only once the attempt's create call can no longer land: before that the
     * scheduler asks again. A post without text cannot be told from others, and neither can several with the same
     * text: those are for a person.
     */
    Lookup lookup(ChannelConnection account, String token, OutgoingPost post, Instant since) {
        if (since == null || post.text() == null || post.text().isBlank()) {
            return Lookup.unknown();
        }
        Instant now = clock.instant();
        Instant settled = since.plus(properties.timeout()).plus(properties.lookupMargin());
        String wanted = normal(post.text());
        List<String> matches = new ArrayList<>();
        String after = null;
        boolean complete = false;
        for (int page = 0; page < PAGES && !complete; page++) {
            JsonNode answer = api.get(api.graph("/" + FacebookApi.encode(account.externalId())
                    + "/posts?fields=id,message,created_time&limit=100&since="
                    + since.minus(properties.lookupMargin()).getEpochSecond()
                    + (after == null ? "" : "&after=" + FacebookApi.encode(after))), token);
            for (JsonNode p : answer == null ? List.<JsonNode>of() : answer.path("data")) {
                if (wanted.equals(normal(p.path("message").asString("")))) {
                    matches.add(p.path("id").asString());
                }
            }
            after = answer == null || !answer.path("paging").has("next") ? null
                    : answer.path("paging").path("cursors").path("after").asString(null);
            complete = after == null;
        }
        if (matches.size() == 1) {
            return Lookup.found(published(matches.get(0)));
        }
        if (!matches.isEmpty() || !complete) {
            return Lookup.unknown();
        }
        if (now.isBefore(settled)) {
            throw new ChannelException(Kind.RETRYABLE, "lookup-early", "The attempt's post could still appear on "
                    + "the Page; Facebook is asked again shortly.");
        }
        return Lookup.notFound();
    }

    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private PublishedPost published(String id) {
        return new PublishedPost(id, properties.webUrl().toString().replaceAll("/+$", "") + "/" + id, null);
    }

    static String id(JsonNode answer) {
        String id = answer == null ? null : answer.path("id").asString(null);
        if (id == null || id.isBlank()) {
            // a 2xx without an id: something may well exist, so this is not a plain failure
            throw new ChannelException(Kind.UNKNOWN_OUTCOME, "network-error", "Facebook answered without an id.");
        }
        return id;
    }
}
