package io.flightdeck.guidance.recommendations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReactionRepository extends JpaRepository<Reaction, UUID> {

    /** The campaigns' reactions that were neither replaced nor undone and whose time is not up at {@code now}. */
    @Query("select r from Reaction r where r.campaignId in :campaignIds and r.endedAt is null and r.until > :now")
    List<Reaction> findActive(Collection<UUID> campaignIds, Instant now);

    /** The reactions to one recommendation still in their time: one, unless two people reacted at once. */
    @Query("""
            select r from Reaction r where r.campaignId = :campaignId and r.ruleId = :ruleId
            and r.targetType = :targetType and r.targetId = :targetId and r.endedAt is null and r.until > :now""")
    List<Reaction> findActive(UUID campaignId, String ruleId, String targetType, String targetId, Instant now);

    /** Per rule and reaction, how many reactions were not undone: rows of rule id, kind and count. */
    @Query("""
            select r.ruleId as ruleId, r.kind as kind, count(r) as reactions from Reaction r where r.undone = false
            group by r.ruleId, r.kind""")
    List<ReactionCount> countByRuleAndKind();

    interface ReactionCount {
        String getRuleId();

        ReactionKind getKind();

        long getReactions();
    }
}
