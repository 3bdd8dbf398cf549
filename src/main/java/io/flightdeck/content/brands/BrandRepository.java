package io.flightdeck.content.brands;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BrandRepository extends JpaRepository<Brand, UUID> {

    @Query("select b from Brand b where b.archivedAt is null order by lower(b.name), b.id")
    List<Brand> findLive();

    @Query("select b from Brand b where b.archivedAt is not null order by lower(b.name), b.id")
    List<Brand> findArchived();

    @Query("select b from Brand b where b.archivedAt is null and b.defaultBrand = true")
    Optional<Brand> findDefault();

    @Query("select count(b) > 0 from Brand b where b.archivedAt is null and lower(b.name) = lower(?1) and b.id <> ?2")
    boolean nameTaken(String name, UUID exceptId);
}
