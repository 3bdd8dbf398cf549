package io.flightdeck.publishing.networks.linkedin;

import java.util.List;

import io.flightdeck.publishing.channels.PostMetrics;

import static io.flightdeck.publishing.networks.linkedin.LinkedInAccounts.ORGANIZATION;
import static io.flightdeck.publishing.networks.linkedin.LinkedInApi.encode;

/**
 * A post's numbers: a page's post has its share statistics (impressions, unique impressions, clicks, engagement);
 * a member's post, without LinkedIn's partner permissions, only its likes and comments.
 */
class LinkedInMetrics {

    /** {@code GET /rest/socialActions/{post}}. */
    record SocialActions(LikesSummary likesSummary, CommentsSummary commentsSummary) {
    }

    record LikesSummary(Long totalLikes) {
    }

    record CommentsSummary(Long aggregatedTotalComments) {
    }

    /** {@code GET /rest/organizationalEntityShareStatistics?q=organizationalEntity}. */
    record ShareStatistics(List<Element> elements) {

        ShareStatistics {
            elements = elements == null ? List.of() : elements;
        }
    }

    /** One post's statistics; {@code share} or {@code ugcPost} names it. */
    record Element(String share, String ugcPost, Totals totalShareStatistics) {
    }

    record Totals(Long impressionCount, Long uniqueImpressionsCount, Long likeCount, Long commentCount,
            Long shareCount, Long clickCount) {
    }

    private final LinkedInApi api;

    LinkedInMetrics(LinkedInApi api) {
        this.api = api;
    }

    PostMetrics of(String author, String token, String post, boolean ugcPost) {
        if (author.startsWith(ORGANIZATION)) {
            return pageNumbers(token, author, post, ugcPost);
        }
        // without LinkedIn's partner permissions a member's post has no statistics, only its likes and comments
        SocialActions social = api.get("/rest/socialActions/" + encode(post), token, SocialActions.class);
        Long likes = social == null || social.likesSummary() == null ? null : social.likesSummary().totalLikes();
        Long comments = social == null || social.commentsSummary() == null ? null
                : social.commentsSummary().aggregatedTotalComments();
        return new PostMetrics(null, null, sum(likes, comments), null);
    }

    private PostMetrics pageNumbers(String token, String organization, String post, boolean ugcPost) {
        ShareStatistics statistics = api.get("/rest/organizationalEntityShareStatistics?q=organizationalEntity"
                + "&organizationalEntity=" + encode(organization) + "&" + (ugcPost ? "ugcPosts" : "shares") + "=List("
                + encode(post) + ")", token, ShareStatistics.class);
        for (Element element : statistics == null ? List.<Element>of() : statistics.elements()) {
            if (post.equals(ugcPost ? element.ugcPost() : element.share()) && element.totalShareStatistics() != null) {
                Totals s = element.totalShareStatistics();
                return new PostMetrics(s.impressionCount(), s.uniqueImpressionsCount(),
                        sum(s.likeCount(), s.commentCount(), s.shareCount()), s.clickCount());
            }
        }
        return new PostMetrics(null, null, null, null);
    }

    private static Long sum(Long... parts) {
        Long total = null;
        for (Long part : parts) {
            if (part != null) {
                total = (total == null ? 0L : total) + part;
            }
        }
        return total;
    }
}
