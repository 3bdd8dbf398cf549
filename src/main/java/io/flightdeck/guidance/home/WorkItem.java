package io.flightdeck.guidance.home;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of a member's work on the home page, from whichever module holds it.
 *
 * @param consequence what is at stake, which decides the order
 * @param kind        what it is: {@code blocker}, {@code task}, {@code approval} or {@code recommendation}
 * @param title       what to do
 * @param detail      why, in the owning module's words; may be null
 * @param campaignId  the campaign it belongs to, or null
 * @param campaign    that campaign's name, or null
 * @param when        the day that makes it urgent (a due date, a campaign's start), or null; earlier comes first
 * @param whenWords   that day in words ("due 3 Dec", "starts in 5 days"), or null
 * @param link        where it is done
 */
record WorkItem(WorkConsequence consequence, String kind, String title, String detail, UUID campaignId,
        String campaign, LocalDate when, String whenWords, String link) {

    public WorkItem {
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
    }

    /** The badge's style: the two tiers that hold work up are red, the rest neutral. */
    public String badgeClass() {
        return switch (consequence) {
            case HOLDS_UP_A_CAMPAIGN, WENT_WRONG -> "badge badge-danger";
            case CRITICAL_PATH, DUE_SOON -> "badge badge-warning";
            case WOULD_HELP -> "badge badge-primary";
        };
    }
}
