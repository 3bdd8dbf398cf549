package io.flightdeck.publishing.workflow;

/** Seed 002's four steps of a campaign's workflow, in order. */
enum WorkflowStep {
    VALIDATE("Validate", "The campaign is active, approved for content and schedule, and its accounts can post"),
    SCHEDULE("Schedule", "Every post has its time; posts whose time passed are re-planned"),
    PUBLISH("Publish", "The posts go out; failures retry, and what needs a person is listed"),
    MONITOR("Monitor", "The posts' numbers are fetched until the campaign ends");

    private final String label;
    private final String description;

    WorkflowStep(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
