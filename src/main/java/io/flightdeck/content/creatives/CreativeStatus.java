package io.flightdeck.content.creatives;

/** Where a creative stands in review. A change to a submitted or approved creative sends it back to review. */
public enum CreativeStatus {
    DRAFT("Draft"), IN_REVIEW("In review"), APPROVED("Approved"), CHANGES_REQUESTED("Changes requested");

    private final String label;

    CreativeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
