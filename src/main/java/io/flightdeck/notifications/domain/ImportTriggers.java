package io.flightdeck.notifications.domain;

import java.util.List;

import io.flightdeck.assets.AssetImportEnded;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * An import of asset details or performance ended: whoever uploaded the file hears how (all of it, some rows skipped,
 * or failed and why), with a link to its report. Imports run in the background, so nobody else did it: the uploader
 * is told even though they started it.
 */
@Component
class ImportTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;

    ImportTriggers(Notifier notifier, OncePerEvent once) {
        this.notifier = notifier;
        this.once = once;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AssetImportEnded event) {
        if (event.startedBy() == null) {
            return;
        }
        boolean failed = event.status().equals("FAILED");
        String title = switch (event.status()) {
            case "SUCCEEDED" -> "Import of " + event.fileName() + " finished: " + rows(event.rowsImported()) + " imported";
            case "PARTLY" -> "Import of " + event.fileName() + " finished with " + rows(event.rowsRejected())
                    + " skipped";
            default -> "Import of " + event.fileName() + " failed";
        };
        String body = failed && event.failure() != null ? event.failure()
                : rows(event.rowsImported()) + " imported, " + rows(event.rowsRejected()) + " rejected.";
        NotificationDraft draft = NotificationDraft.of("import-ended:" + event.importId() + ":" + event.status(),
                failed ? NotificationTrigger.IMPORT_FAILED : NotificationTrigger.IMPORT_FINISHED, title,
                "/imports/" + event.importId(), "You uploaded " + event.fileName() + ".", "asset-import",
                event.importId(), null, null).withBody(body);
        TenantScope.run(event.workspaceId(), () -> once.run(() -> notifier.notify(draft, List.of(event.startedBy()))));
    }

    private static String rows(long count) {
        return String.format("%,d row%s", count, count == 1 ? "" : "s");
    }
}
