package io.flightdeck.email.segments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentRepository extends JpaRepository<Segment, UUID> {

    Optional<Segment> findByNameKey(String nameKey);

    List<Segment> findAllByOrderByNameKeyAscIdAsc();
}
