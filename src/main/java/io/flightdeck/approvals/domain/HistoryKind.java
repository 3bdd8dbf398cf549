package io.flightdeck.approvals.domain;

/** What happened to an approval, as its history lists it. */
enum HistoryKind {
    REQUESTED("requested review"),
    APPROVED_STAGE("approved"),
    STAGE_COMPLETED("completed the stage"),
    APPROVED("approved"),
    REJECTED("rejected"),
    REVIEW_REQUESTED("addressed the feedback and asked for review"),
    CASCADED("sent back for review"),
    RESUBMITTED("resubmitted"),
    ESCALATED("escalated"),
    AUTO_APPROVED("auto-approved");

    private final String verb;

    HistoryKind(String verb) {
        this.verb = verb;
    }

    String verb() {
        return verb;
    }
}
