package io.flightdeck.notifications.domain;

/**
 * Which setting decided a channel for a member: their own, the workspace's default, or Flightdeck's; or why a channel
 * was used whatever they decided (a test, an escalation).
 */
enum PreferenceSource {

    MEMBER("your own setting"), WORKSPACE("the workspace's default"), BUILT_IN("Flightdeck's default"),
    /** A test send: every channel, whatever the settings. */
    REQUESTED("your request for a test"),
    /** An approval or a blocker left unseen in the app for a while: it follows by email once. */
    ESCALATION("the item staying unseen in the app");

    private final String phrase;

    PreferenceSource(String phrase) {
        this.phrase = phrase;
    }

    /** As a sentence names it: “by email, because of your own setting for Approvals”. */
    public String phrase() {
        return phrase;
    }
}
