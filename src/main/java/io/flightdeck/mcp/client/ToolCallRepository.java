package io.flightdeck.mcp.client;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ToolCallRepository extends JpaRepository<ToolCall, UUID> {

    Page<ToolCall> findByCampaignId(UUID campaignId, Pageable page);

    Page<ToolCall> findByStateIn(Collection<ToolCallState> states, Pageable page);

    /** How many calls stand in each state, in one query. */
    @Query("select c.state, count(c) from ToolCall c group by c.state")
    List<Object[]> countByState();
}
