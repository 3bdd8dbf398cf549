package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.shared.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A creative's review moves, from every status: which are allowed, where they lead, and the 409 for the others. */
class CreativeReviewMovesTests {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final UUID PERSON = UUID.randomUUID();

    static Creative draft() {
        Creative c = new Creative(UUID.randomUUID(), "Teaser", null, Set.of(Channel.INSTAGRAM), 1, PERSON, T0);
        c.component(ComponentKind.CAPTION).write("Spring roast is back", null, PERSON, 1, T0);
        c.changed(PERSON, T0);
        return c;
    }

    static Creative in(CreativeStatus status) {
        Creative c = draft();
        switch (status) {
            case DRAFT -> {
            }
            case IN_REVIEW -> c.submitted(UUID.randomUUID());
            case APPROVED -> {
                c.submitted(UUID.randomUUID());
                c.decided(true);
            }
            case CHANGES_REQUESTED -> {
                c.submitted(UUID.randomUUID());
                c.decided(false);
            }
        }
        assertThat(c.getStatus()).isEqualTo(status);
        return c;
    }

    @Test
    void aDraftTakesNoDecisionAndSaysWhatItAllows() {
        for (boolean approved : List.of(true, false)) {
            Creative c = in(CreativeStatus.DRAFT);
            assertThat(c.takesDecision(approved)).isFalse();
            assertThatThrownBy(() -> c.decided(approved)).isInstanceOfSatisfying(ConflictException.class, e -> {
                assertThat(e.type()).isEqualTo("illegal-transition");
                assertThat(e.getMessage()).isEqualTo("Cannot " + (approved ? "approve" : "reject")
                        + " a creative that is draft. Allowed now: submit.");
                assertThat(e.properties()).containsEntry("currentState", "DRAFT")
                        .containsEntry("attemptedMove", approved ? "approve" : "reject")
                        .containsEntry("allowedMoves", List.of("submit"));
            });
            assertThat(c.getStatus()).isEqualTo(CreativeStatus.DRAFT);
            assertThat(c.approved()).isEmpty();
        }
    }

    @Test
    void everySentCreativeTakesEitherDecision() {
        // a decided creative takes another: its approval reopens after a strategy change or a review asked again
        for (CreativeStatus from : List.of(CreativeStatus.IN_REVIEW, CreativeStatus.APPROVED,
                CreativeStatus.CHANGES_REQUESTED)) {
            Creative approved = in(from);
            assertThat(approved.takesDecision(true)).isTrue();
            approved.decided(true);
            assertThat(approved.getStatus()).isEqualTo(CreativeStatus.APPROVED);

            Creative rejected = in(from);
            assertThat(rejected.takesDecision(false)).isTrue();
            rejected.decided(false);
            assertThat(rejected.getStatus()).isEqualTo(CreativeStatus.CHANGES_REQUESTED);
        }
    }

    @Test
    void theMovesAllowedFromEachStatus() {
        assertThat(CreativeReviewMove.legalFrom(CreativeStatus.DRAFT)).containsExactly("submit");
        for (CreativeStatus s : List.of(CreativeStatus.IN_REVIEW, CreativeStatus.APPROVED,
                CreativeStatus.CHANGES_REQUESTED)) {
            assertThat(CreativeReviewMove.legalFrom(s)).containsExactly("submit", "approve", "reject");
        }
    }

    @Test
    void anApprovalKeepsTheVersionsItApproved() {
        Creative c = in(CreativeStatus.IN_REVIEW);
        c.decided(true);
        assertThat(c.approved()).hasValueSatisfying(a -> assertThat(a.versions())
                .containsExactly(java.util.Map.entry(ComponentKind.CAPTION, 1)));
        assertThat(c.view().components()).noneMatch(CreativeView.Part::changedSinceApproval);

        // a change sends it back to review and marks the part changed since the approval
        c.component(ComponentKind.CAPTION).write("Spring roast, back again", null, PERSON, 1, T0.plusSeconds(60));
        assertThat(c.changed(PERSON, T0.plusSeconds(60))).isTrue();
        assertThat(c.getStatus()).isEqualTo(CreativeStatus.IN_REVIEW);
        assertThat(c.view().part(ComponentKind.CAPTION).changedSinceApproval()).isTrue();
        assertThat(c.approved().orElseThrow().changes(c.getComponents())).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ComponentKind.CAPTION);
            assertThat(change.approvedVersion()).isEqualTo(1);
            assertThat(change.approvedText()).isEqualTo("Spring roast is back");
            assertThat(change.currentVersion()).isEqualTo(2);
            assertThat(change.currentText()).isEqualTo("Spring roast, back again");
        });
    }

    @Test
    void changesAReviewerAskedForWaitUntilThePersonSendsThem() {
        Creative c = in(CreativeStatus.CHANGES_REQUESTED);
        c.component(ComponentKind.CAPTION).write("Better", null, PERSON, 1, T0);
        assertThat(c.changed(PERSON, T0)).isFalse();
        assertThat(c.getStatus()).isEqualTo(CreativeStatus.CHANGES_REQUESTED);
        c.submitted(UUID.randomUUID());
        assertThat(c.getStatus()).isEqualTo(CreativeStatus.IN_REVIEW);
    }

    @Test
    void anEmptyOrTrashedCreativeIsNotSent() {
        Creative empty = new Creative(UUID.randomUUID(), "Empty", null, Set.of(Channel.TWITTER), 1, PERSON, T0);
        assertThatThrownBy(() -> empty.submitted(UUID.randomUUID())).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.type()).isEqualTo("creative-empty"));
        Creative trashed = draft();
        trashed.delete(PERSON, T0);
        assertThatThrownBy(trashed::requireSubmittable).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.type()).isEqualTo("creative-deleted"));
    }
}
