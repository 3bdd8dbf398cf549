package io.flightdeck.campaigns.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.campaigns.CampaignStatus.ACTIVE;
import static io.flightdeck.campaigns.CampaignStatus.ARCHIVED;
import static io.flightdeck.campaigns.CampaignStatus.CANCELLED;
import static io.flightdeck.campaigns.CampaignStatus.COMPLETED;
import static io.flightdeck.campaigns.CampaignStatus.DRAFT;
import static io.flightdeck.campaigns.CampaignStatus.PAUSED;
import static io.flightdeck.campaigns.CampaignStatus.PLANNING;
import static io.flightdeck.campaigns.CampaignStatus.READY;
import io.flightdeck.campaigns.CampaignStatus;

/**
 * The campaign lifecycle: draft → planning → ready → active ⇄ paused → completed → archived, and cancelled from any
 * state before completed. Each transition is an endpoint ({@code POST /api/v1/campaigns/{id}/<path>}) and a button.
 */
public enum CampaignTransition implements StateMove<CampaignStatus> {
    PLAN("plan", "Start planning", "started planning", EnumSet.of(DRAFT), PLANNING, false),
    MARK_READY("mark-ready", "Mark ready", "marked the campaign ready", EnumSet.of(PLANNING), READY, false),
    LAUNCH("launch", "Launch", "launched the campaign", EnumSet.of(READY), ACTIVE, false),
    PAUSE("pause", "Pause", "paused the campaign", EnumSet.of(ACTIVE), PAUSED, false),
    RESUME("resume", "Resume", "resumed the campaign", EnumSet.of(PAUSED), ACTIVE, false),
    COMPLETE("complete", "Complete", "completed the campaign", EnumSet.of(ACTIVE, PAUSED), COMPLETED, true),
    ARCHIVE("archive", "Archive", "archived the campaign", EnumSet.of(COMPLETED, CANCELLED), ARCHIVED, false),
    CANCEL("cancel", "Cancel campaign", "cancelled the campaign", EnumSet.of(DRAFT, PLANNING, READY, ACTIVE, PAUSED),
            CANCELLED, true);

    private final String path;
    private final String label;
    private final String pastTense;
    private final Set<CampaignStatus> from;
    private final CampaignStatus to;
    private final boolean destructive;

    CampaignTransition(String path, String label, String pastTense, Set<CampaignStatus> from, CampaignStatus to,
            boolean destructive) {
        this.path = path;
        this.label = label;
        this.pastTense = pastTense;
        this.from = from;
        this.to = to;
        this.destructive = destructive;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public String pastTense() {
        return pastTense;
    }

    public CampaignStatus to() {
        return to;
    }

    /** Destructive moves ask for confirmation in the UI. */
    public boolean destructive() {
        return destructive;
    }

    @Override
    public boolean allowedFrom(CampaignStatus status) {
        return from.contains(status);
    }

    @Override
    public String moveName() {
        return path;
    }

    public static List<CampaignTransition> legalFrom(CampaignStatus status) {
        return StateMove.offeredFrom(status, CampaignTransition.class);
    }

    public static java.util.Optional<CampaignTransition> byPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}
