package io.flightdeck.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who is in the current workspace: for modules that assign, mention or notify members. */
public interface MemberDirectory {

    Optional<MemberSummary> find(UUID userId);

    List<MemberSummary> members();

    /** Display names of the given users who are members, in one query (for lists that show who did what). */
    Map<UUID, String> displayNames(Collection<UUID> userIds);
}
