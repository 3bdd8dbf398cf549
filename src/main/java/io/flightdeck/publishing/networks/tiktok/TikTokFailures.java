package io.flightdeck.publishing.networks.tiktok;

import java.util.Map;

/** TikTok's {@code fail_reason} codes of a post that ended {@code FAILED}, in words with the fix. */
final class TikTokFailures {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("file_format_check_failed", "TikTok could not read the file's format: export it as an MP4 "
                    + "with H.264."),
            Map.entry("duration_check_failed", "the video is longer or shorter than TikTok allows for this "
                    + "creator: trim it."),
            Map.entry("frame_rate_check_failed", "TikTok takes 23 to 60 frames per second: export it at 30."),
            Map.entry("picture_size_check_failed", "TikTok takes 360 to 4096 pixels on each side: export it at "
                    + "1080×1920."),
            Map.entry("internal", "TikTok failed on its side: schedule it again."),
            Map.entry("video_pull_failed", "TikTok could not fetch the video: schedule it again."),
            Map.entry("publish_cancelled", "the post was cancelled on TikTok."),
            Map.entry("auth_removed", "the creator removed this app's access: connect the account again."),
            Map.entry("spam_risk_too_many_posts", "the creator reached TikTok's daily posting cap: schedule it for "
                    + "tomorrow."),
            Map.entry("spam_risk_user_banned_from_posting", "TikTok has banned this account from posting: check the "
                    + "account in the TikTok app."),
            Map.entry("spam_risk_text", "TikTok took the caption for spam: rewrite it."),
            Map.entry("spam_risk", "TikTok took the post for spam: change it."));

    private TikTokFailures() {
    }

    static String words(String failReason) {
        if (failReason == null || failReason.isBlank()) {
            return "TikTok gave no reason.";
        }
        return WORDS.getOrDefault(failReason, "TikTok says " + failReason + ".") + " (" + failReason + ")";
    }
}
