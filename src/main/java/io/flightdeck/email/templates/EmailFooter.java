package io.flightdeck.email.templates;

/**
 * What the send knows for each recipient that the content cannot: the sender's postal address and the recipient's own
 * unsubscribe, preferences and view-in-browser links. Any of them may be empty (a test send has no unsubscribe link).
 */
public record EmailFooter(String postalAddress, String unsubscribeUrl, String preferencesUrl, String viewInBrowserUrl) {

    /** Nothing known: every footer field renders its fallback or nothing. */
    public static final EmailFooter NONE = new EmailFooter("", "", "", "");
}
