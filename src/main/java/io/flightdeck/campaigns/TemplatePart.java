package io.flightdeck.campaigns;

/**
 * What a campaign template (or a clone) can carry beside the campaign's own fields. Each part but the brief is owned
 * by another module, which contributes a {@link CampaignTemplateSection} for it; a part nobody contributes is not
 * offered.
 */
public enum TemplatePart {
    /** The campaign's description, objective, priority, channels, tags, budget and length: campaigns' own. */
    BRIEF("Brief", "Description, objective, priority, channels, tags, budget and length"),
    STRATEGY("Strategy", "The current strategy version"),
    TASKS("Timeline and tasks", "Milestones and tasks with their durations, dependencies, checklists and assignees"),
    CREATIVES("Creatives", "Creative texts and their parts"),
    EMAILS("Emails", "Email templates and email campaigns, unsent"),
    APPROVALS("Approval configuration", "Which parts need approval, by whom"),
    CHANNELS("Channels and posting plan", "Posts to write, by channel and day"),
    SPACES("Spaces", "Campaign spaces and their assets");

    private final String label;
    private final String hint;

    TemplatePart(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }
}
