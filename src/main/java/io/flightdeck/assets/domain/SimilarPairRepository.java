package io.flightdeck.assets.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SimilarPairRepository extends JpaRepository<SimilarPair, UUID> {

    /** The pairs a content is in, closest first, that a person has not dismissed. */
    @Query("select p from SimilarPair p where (p.contentA = :content or p.contentB = :content) and p.distance <= :threshold "
            + "and p.dismissedAt is null order by p.distance, p.id")
    List<SimilarPair> findOpen(UUID content, int threshold);

    @Query("select p from SimilarPair p where p.contentA = :a and p.contentB = :b")
    Optional<SimilarPair> findPair(UUID a, UUID b);
}
