package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PostNumbersRepository extends JpaRepository<PostNumbers, UUID> {

    Optional<PostNumbers> findByChannelPostId(UUID channelPostId);

    @Query("select n from PostNumbers n where n.channelPostId in :ids")
    List<PostNumbers> findByChannelPostIds(Collection<UUID> ids);

    /** Due numbers across workspaces (the fetcher runs in a system scope and opens each post's workspace). */
    @Query("select n from PostNumbers n where n.nextFetchAt <= :now order by n.nextFetchAt")
    List<PostNumbers> findDue(Instant now, Pageable limit);
}
