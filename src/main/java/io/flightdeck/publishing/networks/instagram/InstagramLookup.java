package io.flightdeck.publishing.networks.instagram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PublishedPost;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Whether an interrupted attempt's post is on Instagram, asked of the container the attempt recorded before its
 * {@code media_publish}: Instagram publishes a container at most once and says so in its {@code status_code}.
 * {@code PUBLISHED}: the post is found among the account's recent media (or stories) by its caption in the window since
 * the attempt began; the container names no media id, so this is the only way to its id and address. Any other status
 * means the container was never published, and the post may be sent again (a new container) once the attempt's
 * {@code media_publish} can no longer be on its way.
 */
class InstagramLookup {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    /** Pages of recent media read for one look-up: the window is minutes long, so a few pages reach past it. */
    private static final int PAGES = 4;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Item(String id, String caption, String timestamp, String permalink) {
    }

    record Paging(String next) {
    }

    record Items(List<Item> data, Paging paging) {
    }

    private final InstagramApi api;
    private final InstagramContainers containers;
    private final InstagramProperties properties;
    private final Clock clock;
    private final Duration publishWithin;

    InstagramLookup(InstagramApi api, InstagramContainers containers, InstagramProperties properties, Clock clock,
            Duration publishWithin) {
        this.api = api;
        this.containers = containers;
        this.properties = properties;
        this.clock = clock;
        this.publishWithin = publishWithin;
    }

    Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since, String token) {
        if (post.networkRef() == null || post.networkRef().isBlank()) {
            // the container is recorded before media_publish is sent, and nothing reaches the feed without being
            // published from a container: no container recorded, so media_publish was never sent
            return Lookup.notFound();
        }
        InstagramContainers.Status status = containers.status(post.networkRef(), token);
        String code = status == null || status.statusCode() == null ? "" : status.statusCode();
        if (code.equals("PUBLISHED")) {
            return find(account, post, since, token);
        }
        if (!List.of("FINISHED", "IN_PROGRESS", "ERROR", "EXPIRED").contains(code)) {
            return Lookup.unknown();
        }
        Instant start = since != null ? since : post.attemptStartedAt();
        Instant settled = start == null ? null : start.plus(publishWithin).plus(properties.lookupMargin());
        Instant now = clock.instant();
        if (code.equals("FINISHED") && (settled == null || now.isBefore(settled))) {
            // the attempt's media_publish may still be on its way to Instagram: ask again once it cannot be
            throw new ChannelException(Kind.RETRYABLE, "lookup-too-early", "Instagram has not published the "
                    + "prepared post yet, and the interrupted attempt could still do so; it will be asked again.",
                    settled == null ? properties.lookupMargin() : Duration.between(now, settled), null);
        }
        return Lookup.notFound();
    }

    /**
     * The published post among the account's media (stories for a story) since the attempt began, less the margin
     * for clock differences: the one whose caption is the post's text (surrounding white space aside). A story has no
     * caption: the one story of the window is it. None, or several that cannot be told apart, is for a person.
     */
    private Lookup find(ChannelConnection account, OutgoingPost post, Instant since, String token) {
        Instant from = (since != null ? since : clock.instant().minus(Duration.ofDays(1)))
                .minus(properties.lookupMargin());
        boolean story = InstagramFormat.of(post) == InstagramFormat.STORY;
        String edge = story ? "/stories" : "/media";
        String wanted = normalise(post.text());
        List<Item> matches = new ArrayList<>();
        var uri = api.graph("/" + InstagramApi.encode(account.externalId()) + edge, token,
                Map.of("fields", "id,caption,timestamp,permalink", "limit", "50"));
        for (int page = 0; page < PAGES && uri != null; page++) {
            Items items = api.get(uri, Items.class);
            boolean pastWindow = false;
            for (Item item : items == null || items.data() == null ? List.<Item>of() : items.data()) {
                Instant at = instant(item.timestamp());
                if (at != null && at.isBefore(from)) {
                    pastWindow = true; // newest first: the rest is older still
                    break;
                }
                if (story || normalise(item.caption()).equals(wanted)) {
                    matches.add(item);
                }
            }
            String next = items == null || items.paging() == null ? null : items.paging().next();
            uri = pastWindow || next == null ? null : java.net.URI.create(next);
        }
        if (matches.size() != 1) {
            return Lookup.unknown();
        }
        Item item = matches.get(0);
        return Lookup.found(new PublishedPost(item.id(), item.permalink(), null));
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replace("\r\n", "\n");
    }

    static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : OffsetDateTime.parse(timestamp, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
