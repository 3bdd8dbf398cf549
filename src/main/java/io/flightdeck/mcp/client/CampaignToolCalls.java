package io.flightdeck.mcp.client;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.mcp.client.McpConnectionView.McpServerTool;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls of connected servers' tools with a campaign's data, as people ask for them (the controllers check the role):
 * each is checked whole before anything is written (the campaign, the connection, a tool it listed, arguments its
 * schema takes, the campaign's fields it names), then written to the ledger with its idempotency key and made by a
 * job once the transaction commits ({@link ToolCallRunner}), never inside the request.
 */
@Service
@Transactional
public class CampaignToolCalls {

    /** As much argument JSON as a call takes: tools take short inputs, and the row keeps it whole. */
    static final int MAX_ARGUMENTS = 16_000;

    private final ToolCallRepository calls;
    private final McpConnectionRepository connections;
    private final CampaignDirectory campaigns;
    private final Jobs jobs;
    private final Clock clock;

    CampaignToolCalls(ToolCallRepository calls, McpConnectionRepository connections, CampaignDirectory campaigns,
            Jobs jobs, Clock clock) {
        this.calls = calls;
        this.connections = connections;
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ToolCallView> list(UUID campaignId, Pageable page) {
        campaign(campaignId);
        return calls.findByCampaignId(campaignId, page).map(ToolCall::view);
    }

    @Transactional(readOnly = true)
    public ToolCallView get(UUID id) {
        return find(id).view();
    }

    /**
     * Queues a call of {@code tool} on the connection with the arguments, the campaign's fields filled in. Every
     * problem of the request is answered at once; nothing is written unless there is none.
     */
    public ToolCallView request(UUID campaignId, UUID connectionId, String tool, Map<String, Object> arguments) {
        CampaignSnapshot campaign = campaign(campaignId);
        InputProblems problems = new InputProblems();
        McpConnection connection = connectionId == null ? null : connections.findById(connectionId).orElse(null);
        if (connection == null) {
            problems.add("connectionId", connectionId == null ? "Choose a connected MCP server"
                    : "No MCP server with this id is connected to this workspace");
        }
        McpServerTool listed = null;
        if (tool == null || tool.isBlank()) {
            problems.add("tool", "Name the tool to call");
        } else if (connection != null) {
            listed = connection.tools().stream().filter(t -> t.name().equals(tool)).findFirst().orElse(null);
            if (listed == null) {
                problems.add("tool", connection.tools().isEmpty()
                        ? "Flightdeck knows no tools of " + connection.name() + " yet: check the connection first"
                        : connection.name() + " listed no tool named " + cut(tool) + " at its last check");
            }
        }
        String filled = null;
        try {
            Map<String, Object> withData = CampaignArguments.fill(arguments == null ? Map.of() : arguments, campaign);
            filled = json(withData);
            if (filled.length() > MAX_ARGUMENTS) {
                problems.add("arguments", "Keep the arguments, the campaign's data filled in, to " + MAX_ARGUMENTS
                        + " characters of JSON; these are " + filled.length());
            } else if (listed != null && listed.inputSchema() != null) {
                ValidationResponse valid = McpJsonDefaults.getSchemaValidator().validate(listed.inputSchema(), withData);
                if (!valid.valid()) {
                    problems.add("arguments", "The arguments do not match what " + listed.name() + " takes: "
                            + schemaErrors(valid.errorMessage()));
                }
            }
        } catch (InvalidInputException e) {
            problems.addAll(e);
        }
        problems.throwIfAny("The tool call");
        ToolCall call = calls.save(new ToolCall(connection, campaignId, tool, filled, CurrentActor.require().userId(),
                clock.instant()));
        jobs.schedule(ToolCallJobs.CALL, TenantScope.require(), call.getId(), clock.instant());
        return call.view();
    }

    /** A failed call or one in doubt, made again by a person's decision under the same idempotency key. */
    public ToolCallView again(UUID id) {
        ToolCall call = find(id);
        call.again(clock.instant());
        jobs.wake(ToolCallJobs.CALL, TenantScope.require(), call.getId(), clock.instant());
        return call.view();
    }

    private CampaignSnapshot campaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    private ToolCall find(UUID id) {
        return calls.findById(id).orElseThrow(() -> new NotFoundException("Tool call"));
    }

    private static String json(Map<String, Object> arguments) {
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(arguments);
        } catch (IOException e) {
            throw new InvalidInputException("arguments", "The arguments cannot be written as JSON");
        }
    }

    /** The validator's list of errors without its preamble, one error after another. */
    private static String schemaErrors(String message) {
        String errors = message == null ? "" : message.replaceFirst("(?s)^.*?validation errors: \\[(.*)]$", "$1");
        return cut(errors.replace(", : ", "; ").replaceFirst("^: ", ""), 400);
    }

    private static String cut(String text) {
        return cut(text, 80);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
