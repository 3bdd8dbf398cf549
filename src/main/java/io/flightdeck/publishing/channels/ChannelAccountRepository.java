package io.flightdeck.publishing.channels;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChannelAccountRepository extends JpaRepository<ChannelAccount, UUID> {

    @Query("select a from ChannelAccount a where a.deletedAt is null order by a.channel, a.displayName")
    List<ChannelAccount> findLive();

    @Query("select a from ChannelAccount a where a.id = :id and a.deletedAt is null")
    Optional<ChannelAccount> findLive(UUID id);

    @Query("select a from ChannelAccount a where a.id in :ids")
    List<ChannelAccount> findAllIncludingDisconnected(Collection<UUID> ids);

    @Query("select a from ChannelAccount a where a.network = :network and a.externalId = :externalId"
            + " and a.deletedAt is null")
    Optional<ChannelAccount> findLiveByExternalId(String network, String externalId);

    /** Every workspace's live accounts with this id on the network (called in the system scope). */
    @Query("select a from ChannelAccount a where a.network = :network and a.externalId = :externalId"
            + " and a.deletedAt is null order by a.id")
    List<ChannelAccount> findLiveEverywhere(String network, String externalId);

    /** Held while its token is renewed, so two nodes never spend the same refresh token. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ChannelAccount a where a.id = :id and a.deletedAt is null")
    Optional<ChannelAccount> findLiveForUpdate(UUID id);

    /** Every workspace's live accounts whose token ends before this (called in the system scope). */
    @Query("select a from ChannelAccount a where a.deletedAt is null and a.accessToken is not null"
            + " and a.tokenExpiresAt < :before order by a.tokenExpiresAt")
    List<ChannelAccount> findTokensEndingBefore(Instant before, Pageable page);
}
