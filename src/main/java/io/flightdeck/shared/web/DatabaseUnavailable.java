package io.flightdeck.shared.web;

import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database gave this request no connection in time: the pool was exhausted under load, or the database is down
 * or failing over. Nothing was written and nothing is wrong with the request, so the answer is a 503 to come back to
 * (with {@code Retry-After}) rather than a 500 that reads as a bug. Recognised by the cause chain, because the same
 * failure arrives wrapped differently from a repository, a transaction and a filter.
 */
final class DatabaseUnavailable {

    static final String TYPE = "database-unavailable";
    /** Seconds: longer than the load shedding's second, since a pool or a failover takes a while to come back. */
    static final String RETRY_AFTER = "5";

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(String path) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Database unavailable",
                "The database did not answer in time. Nothing was changed; try again in a few seconds.", path);
    }
}
