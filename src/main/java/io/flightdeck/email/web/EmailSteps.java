package io.flightdeck.email.web;

import java.util.List;

import io.flightdeck.email.sending.EmailCampaignView;

/**
 * The steps of an email's page while it is a draft: who gets it, what it says, an optional A/B test, when it goes,
 * and a review before it
 * is sent. A step that is not named (or not known) opens the first one that still lacks something.
 */
final class EmailSteps {

    record Step(String key, String label) {
    }

    static final List<Step> ALL = List.of(new Step("audience", "Audience"), new Step("content", "Content"),
            new Step("ab", "A/B test"), new Step("schedule", "Schedule"), new Step("review", "Review"));

    private EmailSteps() {
    }

    static String current(EmailCampaignView email, String asked) {
        if (!email.status().editable()) {
            return "progress";
        }
        if (asked != null && ALL.stream().anyMatch(s -> s.key().equals(asked))) {
            return asked;
        }
        return email.listIds().isEmpty() && email.segmentId() == null ? "audience" : "review";
    }

    static String next(String step) {
        for (int i = 0; i < ALL.size() - 1; i++) {
            if (ALL.get(i).key().equals(step)) {
                return ALL.get(i + 1).key();
            }
        }
        return "review";
    }

    /** What a person is told after an action on the email's page. */
    static String done(String action, EmailCampaignView email) {
        return switch (action) {
            case "send" -> "Sending has started: this page follows it.";
            case "unschedule" -> "Back to a draft: it will not go out until it is sent or scheduled again.";
            case "pause" -> "Paused after the messages already on their way. Nobody gets it twice when it goes on.";
            case "resume" -> "Sending goes on from where it stopped.";
            case "send-to-rest" -> "Sending to the rest: those a passing failure stopped are tried again.";
            case "send-to-unconfirmed" -> email.status().name().equals("PAUSED")
                    ? "The unconfirmed are queued again: they get it when you resume."
                    : "Sending again to the unconfirmed.";
            case "request-approval" -> "Revision " + email.revision() + " was sent for approval: the approver sees it "
                    + "as its recipients will.";
            default -> "Cancelled: nobody else gets it. " + email.progress().sent() + " already did.";
        };
    }
}
