package io.flightdeck.publishing.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting and folding as the networks do, checked by hand. */
class NetworkPreviewTests {

    private static NetworkPreview preview(Channel channel, String text) {
        return NetworkPreview.of("Roastery", "@roastery", "X", channel, text, null, List.of(), Map.of(), Instant.EPOCH);
    }

    @Test
    void xCountsEveryLinkAsTwentyThreeCharacters() {
        // "New roast " (10) + a 60-character link (23) + " " (1) + ☕ (an emoji weighs 2 on X) = 36
        String link = "https://example.com/" + "a".repeat(40);
        assertThat(NetworkPreview.count(Channel.TWITTER, "New roast " + link + " ☕")).isEqualTo(36);
        assertThat(NetworkPreview.count(Channel.TWITTER, "http://x.co")).isEqualTo(23);
        // LinkedIn counts the link as written
        assertThat(NetworkPreview.count(Channel.LINKEDIN, "New roast " + link)).isEqualTo(70);
    }

    @Test
    void aTextOverTheNetworksLimitIsFlagged() {
        assertThat(preview(Channel.TWITTER, "a".repeat(280)).overLimit()).isFalse();
        NetworkPreview over = preview(Channel.TWITTER, "a".repeat(281));
        assertThat(over.overLimit()).isTrue();
        assertThat(over.maxChars()).isEqualTo(280);
        assertThat(preview(Channel.LINKEDIN, "a".repeat(3_000)).overLimit()).isFalse();
    }

    @Test
    void linkedInFoldsALongTextAtAWordBoundaryAndXDoesNot() {
        String text = "word ".repeat(60).strip(); // 299 characters
        NetworkPreview linkedIn = preview(Channel.LINKEDIN, text);
        assertThat(linkedIn.folds()).isTrue();
        assertThat(linkedIn.beforeFold()).hasSizeLessThanOrEqualTo(210).endsWith("word");
        assertThat(linkedIn.beforeFold() + linkedIn.afterFold()).isEqualTo(text);
        NetworkPreview x = preview(Channel.TWITTER, text);
        assertThat(x.folds()).isFalse();
        assertThat(x.beforeFold()).isEqualTo(text);
        assertThat(preview(Channel.LINKEDIN, "short").folds()).isFalse();
    }

    @Test
    void onlyShowableMediaAppearAndTheCommentIsNamedAsTheNetworkNamesIt() {
        UUID image = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        Map<UUID, AssetCard> cards = Map.of(
                image, new AssetCard(image, "roast.png", AssetType.IMAGE, "image/png", false, true, false, 10, 10),
                doc, new AssetCard(doc, "terms.pdf", AssetType.DOCUMENT, "application/pdf", false, false, false, null, null));
        NetworkPreview p = NetworkPreview.of("Roastery", null, "X", Channel.TWITTER, "Hi", "example.com",
                List.of(image, doc, UUID.randomUUID()), cards, null);
        assertThat(p.media()).extracting(AssetCard::id).containsExactly(image);
        assertThat(p.commentLabel()).isEqualTo("Reply");
        assertThat(preview(Channel.LINKEDIN, "Hi").commentLabel()).isEqualTo("First comment");
        assertThat(p.initial()).isEqualTo("R");
    }
}
