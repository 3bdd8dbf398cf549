package io.flightdeck.ops.bulk;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/** Why an item failed, in words a person reads in the results list; never a stack trace or another workspace's data. */
final class BulkReasons {

    private BulkReasons() {
    }

    static String of(RuntimeException e) {
        if (e instanceof NotFoundException) {
            return "Not found"; // the same words for a deleted item, a wrong id and another workspace's
        }
        if (e instanceof InvalidInputException || e instanceof ConflictException || e instanceof AccessDeniedException) {
            return e.getMessage();
        }
        return "Could not be changed: an unexpected error (logged)";
    }

    static String fit(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }
}
