package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.shared.ConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.flightdeck.campaigns.domain.CampaignTransition.ARCHIVE;
import static io.flightdeck.campaigns.domain.CampaignTransition.CANCEL;
import static io.flightdeck.campaigns.domain.CampaignTransition.COMPLETE;
import static io.flightdeck.campaigns.domain.CampaignTransition.LAUNCH;
import static io.flightdeck.campaigns.domain.CampaignTransition.MARK_READY;
import static io.flightdeck.campaigns.domain.CampaignTransition.PAUSE;
import static io.flightdeck.campaigns.domain.CampaignTransition.PLAN;
import static io.flightdeck.campaigns.domain.CampaignTransition.RESUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The campaign's lifecycle as the aggregate enforces it, for every status and every move: plain objects, no Spring. */
class CampaignLifecycleRulesTests {

    static final UUID ACTOR = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    /** The moves allowed from each status, spelled out here rather than read from the code under test. */
    static final Map<CampaignStatus, Set<CampaignTransition>> ALLOWED = Map.of(
            CampaignStatus.DRAFT, EnumSet.of(PLAN, CANCEL),
            CampaignStatus.PLANNING, EnumSet.of(MARK_READY, CANCEL),
            CampaignStatus.READY, EnumSet.of(LAUNCH, CANCEL),
            CampaignStatus.ACTIVE, EnumSet.of(PAUSE, COMPLETE, CANCEL),
            CampaignStatus.PAUSED, EnumSet.of(RESUME, COMPLETE, CANCEL),
            CampaignStatus.COMPLETED, EnumSet.of(ARCHIVE),
            CampaignStatus.CANCELLED, EnumSet.of(ARCHIVE),
            CampaignStatus.ARCHIVED, EnumSet.noneOf(CampaignTransition.class));

    /** Where each move leads. */
    static final Map<CampaignTransition, CampaignStatus> TARGET = Map.of(
            PLAN, CampaignStatus.PLANNING, MARK_READY, CampaignStatus.READY, LAUNCH, CampaignStatus.ACTIVE,
            PAUSE, CampaignStatus.PAUSED, RESUME, CampaignStatus.ACTIVE, COMPLETE, CampaignStatus.COMPLETED,
            ARCHIVE, CampaignStatus.ARCHIVED, CANCEL, CampaignStatus.CANCELLED);

    /** How to reach each status from a new draft. */
    static final Map<CampaignStatus, List<CampaignTransition>> PATHS = Map.of(
            CampaignStatus.DRAFT, List.of(),
            CampaignStatus.PLANNING, List.of(PLAN),
            CampaignStatus.READY, List.of(PLAN, MARK_READY),
            CampaignStatus.ACTIVE, List.of(PLAN, MARK_READY, LAUNCH),
            CampaignStatus.PAUSED, List.of(PLAN, MARK_READY, LAUNCH, PAUSE),
            CampaignStatus.COMPLETED, List.of(PLAN, MARK_READY, LAUNCH, COMPLETE),
            CampaignStatus.CANCELLED, List.of(CANCEL),
            CampaignStatus.ARCHIVED, List.of(CANCEL, ARCHIVE));

    static Stream<Arguments> everyStatusAndMove() {
        List<Arguments> pairs = new ArrayList<>();
        for (CampaignStatus status : CampaignStatus.values()) {
            for (CampaignTransition transition : CampaignTransition.values()) {
                pairs.add(Arguments.of(status, transition));
            }
        }
        return pairs.stream();
    }

    static Campaign campaignIn(CampaignStatus status) {
        Campaign campaign = new Campaign(new CampaignDetails("Spring launch", null, CampaignType.PRODUCT_LAUNCH, null,
                CampaignPriority.MEDIUM, Set.of(), Set.of(), null, null, null, ACTOR), ACTOR, NOW);
        PATHS.get(status).forEach(move -> campaign.move(move, ACTOR, NOW));
        assertThat(campaign.getStatus()).isEqualTo(status);
        return campaign;
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndMove")
    void aCampaignMakesOnlyTheMovesItsStatusAllows(CampaignStatus status, CampaignTransition transition) {
        Campaign campaign = campaignIn(status);
        List<String> allowed = ALLOWED.get(status).stream().map(CampaignTransition::path).toList();
        assertThat(campaign.allowedMoves()).containsExactlyInAnyOrderElementsOf(allowed);

        if (ALLOWED.get(status).contains(transition)) {
            campaign.move(transition, ACTOR, NOW);
            assertThat(campaign.getStatus()).isEqualTo(TARGET.get(transition));
        } else {
            assertThatThrownBy(() -> campaign.move(transition, ACTOR, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, refused -> {
                        assertThat(refused.type()).isEqualTo("illegal-transition");
                        assertThat(refused.getMessage()).startsWith("Cannot " + transition.path().replace('-', ' ')
                                + " a campaign that is " + status.name().toLowerCase() + ".");
                        assertThat(refused.properties()).containsEntry("currentState", status.name())
                                .containsEntry("attemptedMove", transition.path())
                                .containsEntry("allowedMoves", campaign.allowedMoves());
                    });
            assertThat(campaign.getStatus()).isEqualTo(status);
        }
    }
}
