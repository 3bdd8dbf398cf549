package io.flightdeck.publishing.networks.tiktok;

import java.util.List;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.PostMetrics;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A post's numbers from {@code POST /v2/video/query/} (views, likes, comments, shares). A post recorded under its
 * {@code publish_id} (private, a draft, or public but still in moderation) has no public id yet: its status is asked
 * first, and until TikTok names the video there are no numbers.
 */
class TikTokMetrics {

    static final String QUERY = "/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count";

    record Query(Filters filters) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Filters(List<String> videoIds) {
    }

    record Answer(Data data, TikTokApi.Error error) {

        record Data(List<Video> videos) {
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Video(String id, Long viewCount, Long likeCount, Long commentCount, Long shareCount) {
    }

    private final TikTokApi api;
    private final TikTokUpload upload;

    TikTokMetrics(TikTokApi api, TikTokUpload upload) {
        this.api = api;
        this.upload = upload;
    }

    PostMetrics of(String token, String externalId) {
        String videoId = externalId;
        if (publishId(externalId)) {
            videoId = upload.status(token, externalId).publicId();
            if (videoId == null) {
                return new PostMetrics(null, null, null, null);
            }
        }
        Answer answer = api.post(QUERY, token, new Query(new Filters(List.of(videoId))), Answer.class);
        TikTokApi.check(answer == null ? null : answer.error(), "the video query");
        List<Video> videos = answer == null || answer.data() == null || answer.data().videos() == null ? List.of()
                : answer.data().videos();
        String id = videoId;
        Video video = videos.stream().filter(v -> id.equals(v.id())).findFirst().orElseThrow(() ->
                new ChannelException(Kind.REFUSED, "post-missing", "TikTok no longer has video " + id
                        + " (deleted, or no longer public)."));
        return new PostMetrics(video.viewCount(), null, sum(video.likeCount(), video.commentCount(),
                video.shareCount()), null);
    }

    /** TikTok's video ids are numbers; its publish ids are not ({@code v_pub_file~v2-1.123...}). */
    static boolean publishId(String id) {
        return !id.chars().allMatch(Character::isDigit);
    }

    private static Long sum(Long... counts) {
        Long total = null;
        for (Long count : counts) {
            if (count != null) {
                total = (total == null ? 0 : total) + count;
            }
        }
        return total;
    }
}
