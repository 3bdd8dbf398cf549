package io.flightdeck.notifications.domain;

import java.util.List;

import io.flightdeck.search.SavedSearchFoundNew;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A saved search its owner watches found something new: the owner hears how many and a few titles, with a link to
 * the results. The search is theirs and so is the wish to hear of it, so no one else is told.
 */
@Component
class SearchTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;

    SearchTriggers(Notifier notifier, OncePerEvent once) {
        this.notifier = notifier;
        this.once = once;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SavedSearchFoundNew event) {
        String title = (event.found() == 1 ? "1 new result" : event.found() + " new results") + " for “"
                + event.name() + "”";
        NotificationDraft draft = NotificationDraft.of("search-alert:" + event.savedSearchId() + ":"
                        + event.at().toEpochMilli(), NotificationTrigger.SEARCH_ALERT, title, event.link(),
                "You asked to be told when this saved search finds something new.", "saved-search",
                event.savedSearchId(), null, null).withBody(String.join("\n", event.examples()));
        TenantScope.run(event.workspaceId(), () -> once.run(() -> notifier.notify(draft, List.of(event.ownerId()))));
    }
}
