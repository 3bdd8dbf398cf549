package io.flightdeck.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who is in the current workspace: for modules that assign, mention or notify members. */
public interface MemberDirectory {

    Optional<MemberSummary> find(UUID userId);

    List<MemberSummary> members();
}
