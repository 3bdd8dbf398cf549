package io.flightdeck.publishing.networks.x;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A post as X's API v2 gives it ({@code GET /2/tweets/:id}, a user's timeline), with the fields Flightdeck asks for
 * in {@code tweet.fields}; a field not asked for is null.
 *
 * @param noteTweet        the whole text of a post longer than 280 characters
 * @param referencedTweets how this post refers to others; a reply names the post it answers
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record XPost(String id, String text, NoteTweet noteTweet, Entities entities, List<Reference> referencedTweets,
        PublicMetrics publicMetrics, NonPublicMetrics nonPublicMetrics) {

    XPost {
        referencedTweets = referencedTweets == null ? List.of() : referencedTweets;
    }

    /** A post longer than 280 characters has its whole text in {@code note_tweet}. */
    String fullText() {
        String note = noteTweet == null || noteTweet.text() == null ? "" : noteTweet.text();
        return note.isBlank() ? (text == null ? "" : text) : note;
    }

    boolean repliesTo(String postId) {
        return referencedTweets.stream().anyMatch(r -> "replied_to".equals(r.type())
                && (postId == null || postId.equals(r.id())));
    }

    /** The links X resolved, without the one it adds for attached media. */
    List<String> expandedUrls() {
        if (entities == null || entities.urls() == null) {
            return List.of();
        }
        return entities.urls().stream().filter(u -> u.mediaKey() == null)
                .map(u -> u.expandedUrl() == null ? "" : u.expandedUrl()).toList();
    }

    record NoteTweet(String text) {
    }

    record Entities(List<Url> urls) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Url(String expandedUrl, String mediaKey) {
    }

    record Reference(String type, String id) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PublicMetrics(Long impressionCount, Long likeCount, Long retweetCount, Long replyCount, Long quoteCount,
            Long bookmarkCount) {

        /** Likes, reposts, replies, quotes and bookmarks. */
        long engagements() {
            long sum = 0;
            for (Long count : new Long[] {likeCount, retweetCount, replyCount, quoteCount, bookmarkCount}) {
                sum += count == null ? 0 : count;
            }
            return sum;
        }
    }

    /** The author's own numbers, which X gives only for posts of the last 30 days. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NonPublicMetrics(Long impressionCount, Long urlLinkClicks) {
    }

    /** The post in {@code data}, absent when X answers only errors (the post is gone, a field refused). */
    record Answer(XPost data) {
    }

    /** One page of a user's timeline: {@code meta.next_token} is there while more follow. */
    record Page(List<XPost> data, Meta meta) {

        Page {
            data = data == null ? List.of() : data;
        }

        String nextToken() {
            return meta == null || meta.nextToken() == null || meta.nextToken().isBlank() ? null : meta.nextToken();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Meta(String nextToken) {
    }
}
