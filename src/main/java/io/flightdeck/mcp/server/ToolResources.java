package io.flightdeck.mcp.server;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.assistant.AssistantTool;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resources a client can attach to a conversation: a campaign's brief, its current strategy and its report, each the
 * JSON a read tool answers for the campaign, so a resource says exactly what the tool does and is limited as the tool
 * is (role, the key's toolsets). They are templates over a campaign's id: the campaigns themselves are found with
 * {@code list_campaigns}.
 */
final class ToolResources {

    /** A resource template read by a tool given the campaign's id as {@code argument}. */
    record Reading(String uriTemplate, String name, String title, String description, String tool, String argument) {

        Pattern pattern() {
            return Pattern.compile(Pattern.quote(uriTemplate.substring(0, uriTemplate.indexOf('{')))
                    + "([0-9a-fA-F-]{36})" + Pattern.quote(uriTemplate.substring(uriTemplate.indexOf('}') + 1)));
        }
    }

    static final List<Reading> READINGS = List.of(
            new Reading("flightdeck://campaigns/{id}/brief", "campaign-brief", "Campaign brief",
                    "A campaign's brief: its name, description, objective, type, priority, dates, budget, owner and "
                            + "channels, as get_campaign answers them.", "get_campaign", "id"),
            new Reading("flightdeck://campaigns/{id}/strategy", "campaign-strategy", "Campaign strategy",
                    "A campaign's current strategy version, as get_strategy answers it. Its text is people's words.",
                    "get_strategy", "campaignId"),
            new Reading("flightdeck://campaigns/{id}/report", "campaign-report", "Campaign report",
                    "A campaign's summary report over its recent days, simulated numbers marked, as "
                            + "get_campaign_report answers it.", "get_campaign_report", "campaignId"));

    private final Map<String, AssistantTool> tools;
    private final ToolAccess access;
    private final JsonMapper json;

    ToolResources(Map<String, AssistantTool> tools, ToolAccess access, JsonMapper json) {
        this.tools = tools;
        this.access = access;
        this.json = json;
    }

    /** The templates whose tool exists. */
    List<SyncResourceTemplateSpecification> specifications() {
        return READINGS.stream().filter(reading -> tools.containsKey(reading.tool()))
                .map(reading -> new SyncResourceTemplateSpecification(new McpSchema.ResourceTemplate(
                        reading.uriTemplate(), reading.name(), reading.title(), reading.description(),
                        "application/json", null), (context, request) -> read(reading, request.uri())))
                .toList();
    }

    private McpSchema.ReadResourceResult read(Reading reading, String uri) {
        Matcher matched = reading.pattern().matcher(uri);
        AssistantTool tool = tools.get(reading.tool());
        if (!matched.matches() || !access.allows(tool)) {
            throw notFound(uri);
        }
        Object input = json.convertValue(Map.of(reading.argument(), UUID.fromString(matched.group(1))), tool.input());
        try {
            Object read = tool.handler().apply(input);
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri,
                    "application/json", json.writeValueAsString(read))));
        } catch (NotFoundException e) {
            throw notFound(uri);
        }
    }

    private static McpError notFound(String uri) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("Resource not found: " + uri + ". Use a campaign id list_campaigns answers.")
                .data(Map.of("uri", uri)).build();
    }
}
