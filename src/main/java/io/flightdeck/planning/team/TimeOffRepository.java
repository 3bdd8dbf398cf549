package io.flightdeck.planning.team;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimeOffRepository extends JpaRepository<TimeOff, UUID> {

    /** Time off overlapping [from, to], for everyone. */
    List<TimeOff> findByStartsOnLessThanEqualAndEndsOnGreaterThanEqual(LocalDate to, LocalDate from);

    List<TimeOff> findByUserIdAndEndsOnGreaterThanEqualOrderByStartsOnAsc(UUID userId, LocalDate from);

    /** One member's time off overlapping [from, to]. */
    List<TimeOff> findByUserIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByStartsOnAsc(UUID userId,
            LocalDate to, LocalDate from);

    List<TimeOff> findByUserIdOrderByStartsOnAsc(UUID userId);
}
