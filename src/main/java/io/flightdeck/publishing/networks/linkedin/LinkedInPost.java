package io.flightdeck.publishing.networks.linkedin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /rest/posts} (the Posts API): a public post on the main feed, published at once, with one
 * image or video as its media or several images as a multi-image post.
 */
record LinkedInPost(String author, String commentary, String visibility, Distribution distribution, Content content,
        String lifecycleState, @JsonProperty("isReshareDisabledByAuthor") boolean reshareDisabledByAuthor) {

    static LinkedInPost of(String author, String commentary, List<String> mediaUrns) {
        Content content = null;
        if (mediaUrns.size() == 1) {
            content = new Content(new MediaId(mediaUrns.get(0)), null);
        } else if (mediaUrns.size() > 1) {
            content = new Content(null, new MultiImage(mediaUrns.stream().map(MediaId::new).toList()));
        }
        return new LinkedInPost(author, commentary, "PUBLIC", new Distribution("MAIN_FEED", List.of(), List.of()),
                content, "PUBLISHED", false);
    }

    record Distribution(String feedDistribution, List<String> targetEntities,
            List<String> thirdPartyDistributionChannels) {
    }

    /** Either {@code media} or {@code multiImage}. */
    record Content(MediaId media, MultiImage multiImage) {
    }

    record MediaId(String id) {
    }

    record MultiImage(List<MediaId> images) {
    }

    /** {@code POST /rest/socialActions/{post}/comments}: a comment as the post's author. */
    record Comment(String actor, String object, Message message) {
    }

    record Message(String text) {
    }

    /** What LinkedIn answers for a comment; its URN is in one of these, or in {@code x-restli-id}. */
    record CommentCreated(String commentUrn, @JsonProperty("$URN") String urn, String id) {

        String firstId() {
            for (String candidate : new String[] {commentUrn, urn, id}) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
