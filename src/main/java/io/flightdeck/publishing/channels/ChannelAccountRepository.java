package io.flightdeck.publishing.channels;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelAccountRepository extends JpaRepository<ChannelAccount, UUID> {

    @Query("select a from ChannelAccount a where a.deletedAt is null order by a.channel, a.displayName")
    List<ChannelAccount> findLive();

    @Query("select a from ChannelAccount a where a.id = :id and a.deletedAt is null")
    Optional<ChannelAccount> findLive(UUID id);

    @Query("select a from ChannelAccount a where a.id in :ids")
    List<ChannelAccount> findAllIncludingDisconnected(Collection<UUID> ids);
}
