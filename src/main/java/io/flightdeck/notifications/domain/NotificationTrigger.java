package io.flightdeck.notifications.domain;

/**
 * What caused a notification, with the category a member's preferences are kept by and the priority it has unless a
 * rule raises it. The title says what happened in the words the member sees first.
 */
enum NotificationTrigger {

    APPROVAL_REQUESTED(NotificationCategory.APPROVALS, NotificationPriority.HIGH, true),
    APPROVAL_DECIDED(NotificationCategory.APPROVALS, NotificationPriority.NORMAL),
    /** A quarter of the stage's time is left (at most a day); those who already voted are not reminded. */
    APPROVAL_DUE_SOON(NotificationCategory.APPROVALS, NotificationPriority.HIGH),
    APPROVAL_ESCALATED(NotificationCategory.APPROVALS, NotificationPriority.URGENT, true),
    TASK_ASSIGNED(NotificationCategory.TASKS, NotificationPriority.NORMAL),
    TASK_DUE_SOON(NotificationCategory.TASKS, NotificationPriority.NORMAL),
    TASK_OVERDUE(NotificationCategory.TASKS, NotificationPriority.HIGH, true),
    COMMENT_MENTION(NotificationCategory.COMMENTS, NotificationPriority.NORMAL),
    /** A comment or change request in an approval's discussion, to its requester and its current deciders. */
    APPROVAL_COMMENT(NotificationCategory.COMMENTS, NotificationPriority.NORMAL),
    TASK_COMMENT(NotificationCategory.COMMENTS, NotificationPriority.NORMAL),
    CAMPAIGN_LAUNCHED(NotificationCategory.CAMPAIGNS, NotificationPriority.NORMAL),
    CAMPAIGN_PAUSED(NotificationCategory.CAMPAIGNS, NotificationPriority.HIGH),
    /** A post of the campaign fell due and waits on something a person must clear. */
    CAMPAIGN_BLOCKED(NotificationCategory.CAMPAIGNS, NotificationPriority.HIGH, true),
    STRATEGY_REVISED(NotificationCategory.STRATEGY, NotificationPriority.NORMAL),
    POST_PUBLISHED(NotificationCategory.PUBLISHING, NotificationPriority.LOW),
    POST_FAILED(NotificationCategory.PUBLISHING, NotificationPriority.HIGH, true),
    RENDER_FINISHED(NotificationCategory.RENDERING, NotificationPriority.LOW),
    RENDER_FAILED(NotificationCategory.RENDERING, NotificationPriority.HIGH, true),
    PLAN_LATE(NotificationCategory.PLANNING, NotificationPriority.HIGH, true),
    CHANNEL_EXPIRING(NotificationCategory.CHANNELS, NotificationPriority.NORMAL),
    CHANNEL_BROKEN(NotificationCategory.CHANNELS, NotificationPriority.HIGH, true),
    IMPORT_FINISHED(NotificationCategory.IMPORTS, NotificationPriority.LOW),
    IMPORT_FAILED(NotificationCategory.IMPORTS, NotificationPriority.HIGH),
    /** A scheduled report did not reach everyone (refused, in doubt or missed): its schedule's owner is told. */
    REPORT_FAILED(NotificationCategory.CAMPAIGNS, NotificationPriority.HIGH),
    /** An outgoing webhook endpoint failed for five days and was switched off: its owner is told. */
    WEBHOOK_DISABLED(NotificationCategory.CHANNELS, NotificationPriority.HIGH, true),
    /** An outside MCP server the workspace connected stopped answering (or refuses Flightdeck): the admins are told. */
    MCP_SERVER_BROKEN(NotificationCategory.CHANNELS, NotificationPriority.HIGH, true),
    /** An alert rule's condition held for its wait: the admins are told (critical alerts are urgent). */
    ALERT_OPENED(NotificationCategory.SYSTEM, NotificationPriority.HIGH, true),
    /** A system alert's condition cleared, or an admin resolved it. */
    ALERT_RESOLVED(NotificationCategory.SYSTEM, NotificationPriority.LOW),
    /** A saved search its owner watches found results it had not seen. */
    SEARCH_ALERT(NotificationCategory.SEARCHES, NotificationPriority.NORMAL),
    /** A member's daily or weekly digest by email: what waited for it, grouped by campaign (never in the feed). */
    DIGEST(NotificationCategory.CHANNELS, NotificationPriority.LOW),
    /** A member's own test of their channels (“send me a test”). */
    TEST_SEND(NotificationCategory.CHANNELS, NotificationPriority.NORMAL);

    private final NotificationCategory category;
    private final NotificationPriority priority;
    private final boolean escalates;

    NotificationTrigger(NotificationCategory category, NotificationPriority priority) {
        this(category, priority, false);
    }

    NotificationTrigger(NotificationCategory category, NotificationPriority priority, boolean escalates) {
        this.category = category;
        this.priority = priority;
        this.escalates = escalates;
    }

    /**
     * An approval or a blocker: someone waits on the recipient. One left unseen in the app follows by email after a
     * while, unless the recipient turned that email off themself ({@link Escalations}).
     */
    public boolean escalates() {
        return escalates;
    }

    /**
     * Something went wrong that a person must know of (a post, a render, an import or a report that failed, a broken
     * account or MCP server, a webhook switched off): it reaches the app whatever the category's settings say, and by
     * email at once when high or urgent, so stopping a routine item of the same category never silences it.
     */
    public boolean failure() {
        return switch (this) {
            case POST_FAILED, RENDER_FAILED, CHANNEL_BROKEN, IMPORT_FAILED, REPORT_FAILED, WEBHOOK_DISABLED,
                    MCP_SERVER_BROKEN, ALERT_OPENED -> true;
            default -> false;
        };
    }

    public NotificationCategory category() {
        return category;
    }

    public NotificationPriority defaultPriority() {
        return priority;
    }
}
