package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia.AttachOutcome;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;
import io.flightdeck.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a creative's parts, without Spring: which parts it has, what each accepts, when a version is made. */
class CreativePartRulesTests {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final UUID PERSON = UUID.randomUUID();
    static final Authorship MODEL = new Authorship(PERSON, "builtin", "v1", "p1", 7L);

    static Creative creative(Channel... channels) {
        return new Creative(UUID.randomUUID(), "Teaser", null, Set.of(channels), 1, PERSON, T0);
    }

    static Problem problemOf(Runnable rule) {
        try {
            rule.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0);
        }
        throw new AssertionError("no problem");
    }

    @Test
    void aCreativeHasAScriptOnlyWhereVideoIsTheFormat() {
        List<ComponentKind> text = List.of(ComponentKind.CAPTION, ComponentKind.HASHTAGS, ComponentKind.HEADLINE,
                ComponentKind.CTA);
        assertThat(CreativeParts.textKindsFor(Set.of(Channel.INSTAGRAM, Channel.LINKEDIN))).isEqualTo(text);
        assertThat(CreativeParts.textKindsFor(Set.of(Channel.TIKTOK))).endsWith(ComponentKind.SCRIPT).hasSize(5);
        assertThat(CreativeParts.textKindsFor(Set.of(Channel.YOUTUBE))).contains(ComponentKind.SCRIPT);
        // every kind is there to hold; the editor shows a script for other networks only once it has text
        Creative forInstagram = creative(Channel.INSTAGRAM);
        assertThat(forInstagram.getComponents()).extracting(CreativeComponent::getKind)
                .containsExactly(ComponentKind.values());
        assertThat(forInstagram.view().textParts()).extracting(CreativeView.Part::kind).isEqualTo(text);
        forInstagram.component(ComponentKind.SCRIPT).write("Open on the roaster", null, PERSON, 1, T0);
        assertThat(forInstagram.view().textParts()).extracting(CreativeView.Part::kind).endsWith(ComponentKind.SCRIPT);
    }

    @Test
    void aTextPartTakesTextAndAMediaPartAnAsset() {
        UUID asset = UUID.randomUUID();
        assertThat(CreativeComponent.checkedContent(ComponentKind.CAPTION, "  Hello  ", null)).isEqualTo("Hello");
        assertThat(CreativeComponent.checkedContent(ComponentKind.CAPTION, null, null)).isEmpty();
        assertThat(problemOf(() -> CreativeComponent.checkedContent(ComponentKind.CTA, "Buy", asset)))
                .isEqualTo(new Problem("assetId", "the call to action is text"));
        assertThat(CreativeComponent.checkedContent(ComponentKind.IMAGE, null, asset)).isNull();
        assertThat(problemOf(() -> CreativeComponent.checkedContent(ComponentKind.VIDEO, "a video", asset)))
                .isEqualTo(new Problem("text", "the video is an asset: give assetId"));
    }

    @Test
    void aTextHasAtMostTenThousandCharacters() {
        assertThat(CreativeComponent.checkedText(ComponentKind.CAPTION, "x".repeat(10_000))).hasSize(10_000);
        // stripped first: the spaces around it do not count
        assertThat(CreativeComponent.checkedText(ComponentKind.CAPTION, " " + "x".repeat(10_000) + " ")).hasSize(10_000);
        assertThat(problemOf(() -> CreativeComponent.checkedText(ComponentKind.HEADLINE, "x".repeat(10_001))))
                .isEqualTo(new Problem("text", "the headline is longer than 10000 characters"));
    }

    @Test
    void aNewCreativeStartsWithTextPartsOnly() {
        Map<ComponentKind, String> texts = new EnumMap<>(ComponentKind.class);
        texts.put(ComponentKind.CAPTION, " Hello ");
        texts.put(ComponentKind.CTA, "   ");
        assertThat(CreativeComponent.checkedTexts(texts)).containsExactly(Map.entry(ComponentKind.CAPTION, "Hello"));
        assertThat(problemOf(() -> CreativeComponent.checkedTexts(Map.of(ComponentKind.IMAGE, "a picture"))))
                .isEqualTo(new Problem("texts", "the image is an asset, not text"));
    }

    @Test
    void theSameTextSavedAgainMakesNoVersion() {
        Creative c = creative(Channel.LINKEDIN);
        Map<ComponentKind, String> texts = new EnumMap<>(ComponentKind.class);
        texts.put(ComponentKind.CAPTION, "Hello");
        texts.put(ComponentKind.HEADLINE, null);
        texts.put(ComponentKind.IMAGE, "ignored: not text");
        assertThat(c.parts().writeTexts(texts, PERSON, 1, T0)).containsExactly(ComponentKind.CAPTION);
        texts.put(ComponentKind.CAPTION, " Hello ");
        assertThat(c.parts().writeTexts(texts, PERSON, 1, T0)).isEmpty();
        assertThat(c.component(ComponentKind.CAPTION).getVersionCount()).isEqualTo(1);
        texts.put(ComponentKind.CAPTION, "Hello there");
        assertThat(c.parts().writeTexts(texts, PERSON, 1, T0)).containsExactly(ComponentKind.CAPTION);
        assertThat(c.component(ComponentKind.CAPTION).getCurrentVersion()).isEqualTo(2);
    }

    @Test
    void aGeneratedTextNeverReplacesAPersonsButWaitsToBePromoted() {
        CreativeComponent caption = creative(Channel.LINKEDIN).component(ComponentKind.CAPTION);
        caption.generated("From the model", MODEL, 1, T0);
        assertThat(caption.getCurrentOrigin()).isEqualTo(VersionOrigin.GENERATED);
        caption.write("Mine", null, PERSON, 1, T0);
        assertThat(caption.getCurrentOrigin()).isEqualTo(VersionOrigin.EDITED);
        ComponentVersion candidate = caption.generated("From the model again", MODEL, 1, T0);
        assertThat(caption.getText()).isEqualTo("Mine");
        assertThat(caption.getCurrentVersion()).isEqualTo(2);
        assertThat(caption.promote(2)).isFalse();
        assertThat(caption.promote(candidate.getNumber())).isTrue();
        assertThat(caption.getText()).isEqualTo("From the model again");
        assertThatThrownBy(() -> caption.promote(9)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAnUnlockedTextPartIsRegenerated() {
        Creative c = creative(Channel.LINKEDIN);
        assertThat(problemOf(() -> c.component(ComponentKind.IMAGE).requireRegenerable()))
                .isEqualTo(new Problem("kind", "only text parts are generated here; images and videos are rendered"));
        c.component(ComponentKind.CAPTION).lock(true);
        assertThatThrownBy(() -> c.component(ComponentKind.CAPTION).requireRegenerable())
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("component-locked"));
        c.component(ComponentKind.HEADLINE).requireRegenerable();
    }

    @Test
    void aRenderIsAttachedUnlessCurrentOrLocked() {
        CreativeComponent image = creative(Channel.INSTAGRAM).component(ComponentKind.IMAGE);
        UUID render = UUID.randomUUID();
        assertThat(image.attachRendered(render, MODEL, 1, T0)).isEqualTo(AttachOutcome.ATTACHED);
        assertThat(image.attachRendered(render, MODEL, 1, T0)).isEqualTo(AttachOutcome.ALREADY_CURRENT);
        image.lock(true);
        assertThat(image.attachRendered(UUID.randomUUID(), MODEL, 1, T0)).isEqualTo(AttachOutcome.LOCKED);
        assertThat(image.getAssetId()).isEqualTo(render);
        assertThat(image.getVersionCount()).isEqualTo(1);
    }

    @Test
    void theModeFollowsWhoWroteTheTextParts() {
        assertThat(VersionOrigin.modeOf(List.of())).isEqualTo(CreativeMode.MANUAL);
        assertThat(VersionOrigin.modeOf(List.of(VersionOrigin.WRITTEN))).isEqualTo(CreativeMode.MANUAL);
        assertThat(VersionOrigin.modeOf(List.of(VersionOrigin.GENERATED))).isEqualTo(CreativeMode.AI);
        assertThat(VersionOrigin.modeOf(List.of(VersionOrigin.GENERATED, VersionOrigin.WRITTEN)))
                .isEqualTo(CreativeMode.HYBRID);
        assertThat(VersionOrigin.modeOf(List.of(VersionOrigin.EDITED))).isEqualTo(CreativeMode.HYBRID);

        Creative c = creative(Channel.LINKEDIN);
        c.component(ComponentKind.CAPTION).generated("From the model", MODEL, 1, T0);
        c.changed(PERSON, T0);
        assertThat(c.view().mode()).isEqualTo(CreativeMode.AI);
        // an image a person chose is not a text part: the mode stays
        c.component(ComponentKind.IMAGE).write(null, UUID.randomUUID(), PERSON, 1, T0);
        c.changed(PERSON, T0);
        assertThat(c.view().mode()).isEqualTo(CreativeMode.AI);
    }

    @Test
    void aNetworksOwnTextPutsTheCreativeOnThatNetwork() {
        Creative c = creative(Channel.LINKEDIN);
        assertThat(c.writeChannelText(Channel.TWITTER, "  Short for X ")).isTrue();
        assertThat(c.writeChannelText(Channel.TWITTER, "Short for X")).isFalse();
        assertThat(c.view().channels()).containsExactly(Channel.LINKEDIN, Channel.TWITTER);
        assertThat(c.view().channelTexts()).containsEntry(Channel.TWITTER, "Short for X");
        assertThat(c.writeChannelText(Channel.TWITTER, " ")).isTrue();
        assertThat(c.view().channelTexts()).isEmpty();
    }

    @Test
    void theApprovedVersionsReadBackAsStored() {
        Creative c = creative(Channel.LINKEDIN);
        c.component(ComponentKind.CAPTION).write("One", null, PERSON, 1, T0);
        c.component(ComponentKind.CAPTION).write("Two", null, PERSON, 1, T0);
        c.component(ComponentKind.CTA).write("Go", null, PERSON, 1, T0);
        String stored = ApprovedVersions.snapshot(c.getComponents());
        assertThat(stored).isEqualTo("CAPTION=2,CTA=1");
        assertThat(ApprovedVersions.parse(stored).versions())
                .containsExactly(Map.entry(ComponentKind.CAPTION, 2), Map.entry(ComponentKind.CTA, 1));
        assertThat(ApprovedVersions.parse("").versions()).isEmpty();
    }
}
