package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a due post waits on (a paused campaign, a broken account, a missing approval) and since when, embedded in the
 * post's row. The list is never null (an empty JSON array), so Hibernate never reads the whole piece as null.
 */
@Embeddable
class PostWaits {

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "blockers", nullable = false)
    private List<PostBlocker> blockers = new ArrayList<>();
    @Column(name = "blocked_since")
    private Instant since;

    /** Whether {@code found} differs from what it waits on now: worth a line in the post's log. */
    boolean changesTo(List<PostBlocker> found) {
        return !found.equals(blockers);
    }

    /**
     * Waits on {@code found} from now (or from when it began waiting). True when it starts waiting on a person (it
     * was not already): that is when the campaign's people hear of it, once, not on every recheck.
     */
    boolean waitOn(List<PostBlocker> found, Instant now) {
        boolean waitedOnPerson = since != null && PostBlocker.waitOnPerson(blockers);
        if (since == null) {
            since = now;
        }
        blockers = new ArrayList<>(found);
        return !waitedOnPerson && PostBlocker.waitOnPerson(found);
    }

    void clear() {
        blockers = new ArrayList<>();
        since = null;
    }

    List<PostBlocker> blockers() {
        return blockers;
    }

    /** Since when it waits; null when it does not. */
    Instant since() {
        return since;
    }
}
