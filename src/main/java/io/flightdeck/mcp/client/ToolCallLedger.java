package io.flightdeck.mcp.client;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.outbound.LedgerItem;
import io.flightdeck.shared.outbound.LedgerState;
import io.flightdeck.shared.outbound.OutgoingLedger;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls to connected MCP servers' tools, as the operations page shows every ledger: a call retrying, in doubt or
 * failed is listed with its reason and links to its campaign, where its arguments and answer are; a person makes it
 * again from there or here.
 */
@Component
class ToolCallLedger implements OutgoingLedger {

    private static final EnumSet<ToolCallState> TROUBLED = EnumSet.of(ToolCallState.RETRYING, ToolCallState.IN_DOUBT,
            ToolCallState.FAILED);

    private final ToolCallRepository calls;
    private final CampaignToolCalls campaignCalls;

    ToolCallLedger(ToolCallRepository calls, CampaignToolCalls campaignCalls) {
        this.calls = calls;
        this.campaignCalls = campaignCalls;
    }

    @Override
    public About about() {
        return new About("mcp-tool-calls", "Tool calls to connected MCP servers", "/settings/mcp-connections", true);
    }

    /** Calls to other MCP servers: no email. */
    @Override
    public long mailRefusedSince(Instant since) {
        return 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        for (Object[] row : calls.countByState()) {
            counts.merge(((ToolCallState) row[0]).ledger(), (Long) row[1], Long::sum);
        }
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LedgerItem> troubled(Pageable pageable) {
        return calls.findByStateIn(TROUBLED, OutgoingLedger.newestFirst(pageable)).map(c -> item(c.view()));
    }

    @Override
    @Transactional
    public LedgerItem retry(UUID id) {
        return item(campaignCalls.again(id));
    }

    static LedgerItem item(ToolCallView call) {
        return new LedgerItem(call.id(), "Tool " + call.tool() + " with a campaign's data", call.connectionName(),
                call.state().ledger(), call.state().name(), call.reason(), call.attempts(), call.createdAt(),
                call.nextAttemptAt(), call.state() == ToolCallState.FAILED || call.state() == ToolCallState.IN_DOUBT,
                "/campaigns/" + call.campaignId() + "/tool-calls");
    }
}
