package io.flightdeck.publishing.networks.linkedin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.PublishedPost;

import static io.flightdeck.publishing.networks.linkedin.LinkedInAccounts.PERSON;
import static io.flightdeck.publishing.networks.linkedin.LinkedInApi.encode;

/**
 * Whether an interrupted attempt's post is on LinkedIn. LinkedIn takes no idempotency key, so the author's newest
 * posts (LinkedIn's default order, last modified first) are read: the attempt is there if a post was created at or
 * after the attempt began with the same commentary. A post is modified no earlier than it was created, so once the
 * list passes a post last modified before the attempt, nothing older can be it.
 */
class LinkedInLookup {

    static final int LOOKUP_COUNT = 20;
    /** LinkedIn's clock and ours may differ a little: a post stamped this much before the attempt still counts. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** {@code GET /rest/posts?q=author}: the author's newest posts. */
    record Posts(List<Post> elements) {

        Posts {
            elements = elements == null ? List.of() : elements;
        }
    }

    /** @param createdAt epoch milliseconds, as is {@code lastModifiedAt} */
    record Post(String id, String commentary, Long createdAt, Long lastModifiedAt) {
    }

    private final LinkedInApi api;

    LinkedInLookup(LinkedInApi api) {
        this.api = api;
    }

    Lookup lookup(String author, String token, String commentary, Instant since) {
        Instant from = since.minus(CLOCK_SKEW);
        Posts posts;
        try {
            posts = api.get("/rest/posts?author=" + encode(author) + "&q=author&count=" + LOOKUP_COUNT
                    + "&sortBy=LAST_MODIFIED", token, Posts.class);
        } catch (ChannelException e) {
            if (LinkedInApi.PERMISSION_MISSING.equals(e.code()) && author.startsWith(PERSON)) {
                throw new ChannelException(Kind.REFUSED, e.code(), "LinkedIn lets only approved partners read a "
                        + "member's posts (r_member_social), so whether the interrupted post arrived cannot be "
                        + "checked: look at the member's feed.", null, e);
            }
            throw e;
        }
        List<Post> elements = posts == null ? List.of() : posts.elements();
        boolean reachesBack = elements.size() < LOOKUP_COUNT;
        for (Post p : elements) {
            Instant created = millis(p.createdAt());
            if (created != null && !created.isBefore(from) && commentary.equals(p.commentary())) {
                String urn = p.id() == null ? "" : p.id();
                return Lookup.found(new PublishedPost(urn, LinkedInChannel.url(urn), null));
            }
            Instant modified = millis(p.lastModifiedAt());
            if (modified != null && modified.isBefore(from)) {
                reachesBack = true;
            }
        }
        return reachesBack ? Lookup.notFound() : Lookup.unknown();
    }

    private static Instant millis(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
