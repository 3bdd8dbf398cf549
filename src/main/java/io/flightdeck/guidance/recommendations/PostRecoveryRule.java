package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;
import io.flightdeck.guidance.recommendations.CampaignSituation.TroubledPost;

/**
 * The campaign's posts that failed, or whose fate is in doubt (the network may have published them): one
 * recommendation per trouble, citing every such post, once there are at least {@code minPosts} (never fewer than one).
 * Its evidence is the set of posts, so a new failure brings a dismissed recommendation back.
 */
final class PostRecoveryRule {

    private PostRecoveryRule() {
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation, PostTrouble trouble) {
        List<TroubledPost> posts = situation.troubledPosts().stream().filter(p -> p.trouble() == trouble).toList();
        if (posts.isEmpty() || posts.size() < rule.threshold("minPosts")) {
            return List.of();
        }
        String channels = posts.stream().map(TroubledPost::channelLabel).distinct().sorted()
                .collect(Collectors.joining(", "));
        Map<String, String> values = Map.of(
                "posts", Figures.counted(posts.size(), "post", "posts"),
                "channels", channels);
        List<Evidence> evidence = posts.stream().map(post -> {
            ObjectRef ref = post.ref();
            String what = post.what() == null || post.what().isBlank()
                    ? (trouble == PostTrouble.FAILED ? "Failed" : "In doubt") : post.what();
            return new Evidence(ref.name(), what, ref.link());
        }).toList();
        return List.of(rule.recommend(situation, situation.postsRef(), values, evidence,
                RecoveryPriority.of(posts.size()),
                EvidenceFingerprint.of(trouble, EvidenceFingerprint.set(posts.stream().map(TroubledPost::id).toList()))));
    }
}
