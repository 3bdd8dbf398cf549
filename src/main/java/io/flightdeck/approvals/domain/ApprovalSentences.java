package io.flightdeck.approvals.domain;

/**
 * What an approval's moves read like in the campaign's activity feed, after the actor's name: "approved the strategy
 * (version 3)", "rejected the Content scope: the hero image is off-brand".
 */
final class ApprovalSentences {

    private static final int QUOTE_MAX = 200;

    private ApprovalSentences() {
    }

    static String of(HistoryKind kind, Approval approval, String comment) {
        String subject = subject(approval);
        String stage = "stage " + (approval.getStageIndex() + 1) + " (" + approval.currentStage().name() + ")";
        return switch (kind) {
            case REQUESTED -> "requested approval of " + subject;
            case APPROVED_STAGE -> "approved " + subject + " in " + stage + withComment(comment);
            case STAGE_COMPLETED -> "approved " + subject + ", completing " + stage + withComment(comment);
            case APPROVED -> "approved " + subject + withComment(comment);
            case REJECTED -> "rejected " + subject + (comment == null ? "" : ": " + quote(comment));
            case REVIEW_REQUESTED -> "addressed the feedback on " + subject + " and asked for another review"
                    + withComment(comment);
            case CASCADED -> "sent " + subject + " back for review" + (comment == null ? "" : " (" + quote(comment) + ")");
            case RESUBMITTED -> "resubmitted " + subject + " for approval";
            case ESCALATED -> "escalated " + subject + (comment == null ? "" : ": " + quote(comment));
            case AUTO_APPROVED -> "auto-approved " + subject;
        };
    }

    static String comment(Approval approval, String body, boolean changeRequest) {
        return (changeRequest ? "asked for changes to " : "commented on ") + subject(approval) + ": " + quote(body);
    }

    /** "the strategy (version 3)", "the Content scope", "the creative “Hero image”". */
    static String subject(Approval approval) {
        if (approval.getItemType() != null) {
            return "the " + approval.getItemType() + " “" + approval.getTitle() + "”";
        }
        if (ApprovalScope.STRATEGY.equals(approval.getScopeKey())) {
            Integer version = approval.getStrategyVersion();
            return version == null ? "the strategy" : "the strategy (version " + version + ")";
        }
        return "the " + approval.getScopeName() + " scope";
    }

    private static String withComment(String comment) {
        return comment == null ? "" : ": " + quote(comment);
    }

    private static String quote(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return "“" + (flat.length() > QUOTE_MAX ? flat.substring(0, QUOTE_MAX - 1) + "…" : flat) + "”";
    }
}
