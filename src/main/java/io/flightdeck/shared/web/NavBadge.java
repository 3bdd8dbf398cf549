package io.flightdeck.shared.web;

import java.util.function.LongSupplier;

/**
 * A count on a navigation entry for the signed-in member ("Approvals, 6 waiting"). Declare one as a bean next to the
 * {@link NavItem} it belongs to. The count runs on every page and after every htmx action, so it must be cheap: one
 * count query, no lists.
 *
 * @param path  the {@link NavItem#path()} of the entry it sits on
 * @param noun  what the number counts, read after it: {@code waiting}, {@code overdue}
 * @param count the number for the signed-in member; zero hides the badge
 * @param inTopbar whether the entry also sits in the top bar with its count, on every page and at every width (the
 *                 notification bell); its page then serves {@code <path>/stream}, server-sent events named
 *                 {@code unseen} whenever the member's count changes, and the page re-reads its badges on each
 */
public record NavBadge(String path, String noun, LongSupplier count, boolean inTopbar) {

    public NavBadge(String path, String noun, LongSupplier count) {
        this(path, noun, count, false);
    }

    /** The element id of the badge's slot in the navigation. */
    public String slotId() {
        return slotId(path);
    }

    /** The element id of the count on the entry's top-bar link. */
    public String topbarSlotId() {
        return "topbar-" + slotId();
    }

    public static String slotId(String path) {
        String key = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return "nav-badge-" + (key.isEmpty() ? "home" : key);
    }
}
