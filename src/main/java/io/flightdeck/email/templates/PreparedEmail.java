package io.flightdeck.email.templates;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An email parsed once for a whole send ({@link EmailRendering#prepare}): rendering it for a recipient only fills in
 * values, with no HTML parsing, so a send renders thousands a second.
 */
final class PreparedEmail {

    private final MergeTemplate subject;
    private final MergeTemplate html;
    private final MergeTemplate text;

    PreparedEmail(MergeTemplate subject, MergeTemplate html, MergeTemplate text) {
        this.subject = subject;
        this.html = html;
        this.text = text;
    }

    /**
     * The email for one recipient. {@code contactValues} are theirs ({@link EmailRendering#valuesOf}); the footer's
     * fields (postal_address, unsubscribe_url, preferences_url, view_in_browser_url) always win over a contact
     * attribute of the same name. Values are HTML-escaped in the HTML part and go in as they are in the text part and
     * the subject (whose line breaks become spaces, so a value cannot add a header).
     */
    public RenderedEmail render(Map<String, String> contactValues, EmailFooter footer) {
        Map<String, String> values = contactValues == null ? Map.of() : contactValues;
        Map<String, String> system = system(footer);
        String subjectLine = subject.render(values, system);
        if (subjectLine.indexOf('\n') >= 0 || subjectLine.indexOf('\r') >= 0) {
            subjectLine = subjectLine.replaceAll("[\\r\\n]+", " ");
        }
        return new RenderedEmail(subjectLine.strip(), html.render(values, system), text.render(values, system));
    }

    /** The footer's fields by name, which win over a contact attribute of the same name. */
    static Map<String, String> system(EmailFooter footer) {
        EmailFooter f = footer == null ? EmailFooter.NONE : footer;
        Map<String, String> system = new HashMap<>(8);
        system.put("postal_address", f.postalAddress());
        system.put("unsubscribe_url", f.unsubscribeUrl());
        system.put("preferences_url", f.preferencesUrl());
        system.put("view_in_browser_url", f.viewInBrowserUrl());
        return system;
    }

    /** The merge fields the email uses, in order of first use. */
    public Set<String> fields() {
        Set<String> names = new LinkedHashSet<>(subject.names());
        names.addAll(html.names());
        return names;
    }
}
