package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRepository extends JpaRepository<Approval, UUID> {

    List<Approval> findByCampaignIdAndSubjectKey(UUID campaignId, String subjectKey);

    Optional<Approval> findByCampaignIdAndScopeKeyAndSubjectKey(UUID campaignId, String scopeKey, String subjectKey);

    Optional<Approval> findFirstByItemTypeAndItemId(String itemType, UUID itemId);

    Page<Approval> findByCampaignIdAndItemTypeIsNotNull(UUID campaignId, Pageable pageable);

    /** A campaign's items in these states, oldest first: what its approvals card says still waits. */
    Page<Approval> findByCampaignIdAndItemTypeIsNotNullAndStateInOrderByCreatedAtAsc(UUID campaignId,
            Collection<ApprovalState> states, Pageable pageable);

    /** The items submitted to one scope of a campaign, newest first: what the scope's approval page lists. */
    List<Approval> findTop50ByCampaignIdAndScopeKeyAndItemTypeIsNotNullOrderByUpdatedAtDesc(UUID campaignId, String scopeKey);

    /** The items of one scope of a campaign still waiting for a decision: a decision on the scope decides them. */
    List<Approval> findByCampaignIdAndScopeKeyAndItemTypeIsNotNullAndStateIn(UUID campaignId, String scopeKey,
            Collection<ApprovalState> states);

    /** Open approvals, oldest deadline first; the inbox filters these by routing in memory. */
    @Query("select a from Approval a where a.state in :states order by case when a.dueAt is null then 1 else 0 end, a.dueAt, a.createdAt")
    List<Approval> findOpen(Collection<ApprovalState> states, Pageable limit);

    /** Runs in a system scope: the workspaces that have an overdue stage nobody escalated yet. */
    @Query("select distinct a.tenantId from Approval a where a.state in :states and a.dueAt <= :now and a.escalatedAt is null")
    List<UUID> workspacesWithOverdue(Collection<ApprovalState> states, Instant now);

    @Query("select a from Approval a where a.state in :states and a.dueAt <= :now and a.escalatedAt is null")
    List<Approval> findOverdueNotEscalated(Collection<ApprovalState> states, Instant now);

    /** Runs in a system scope: the workspaces with an open stage due within the window and not yet escalated. */
    @Query("select distinct a.tenantId from Approval a where a.state in :states and a.dueAt > :now and a.dueAt <= :until and a.escalatedAt is null")
    List<UUID> workspacesDueWithin(Collection<ApprovalState> states, Instant now, Instant until);

    @Query("select a from Approval a where a.state in :states and a.dueAt > :now and a.dueAt <= :until and a.escalatedAt is null")
    List<Approval> findDueWithin(Collection<ApprovalState> states, Instant now, Instant until);

    /** Decisions on what a member requested, newest first: their "recent decisions" on the home page. */
    @Query("select a from Approval a where a.requestedBy = :requestedBy and a.state in :states and a.decidedAt >= :since order by a.decidedAt desc")
    List<Approval> findDecidedFor(UUID requestedBy, Collection<ApprovalState> states, Instant since, Pageable limit);
}
