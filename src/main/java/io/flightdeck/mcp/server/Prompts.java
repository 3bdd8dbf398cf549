package io.flightdeck.mcp.server;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;

/**
 * Prompts for the jobs people most often hand an assistant: plan a product launch, write the weekly status report,
 * say what blocks a campaign. Each is a user message that names the tools to use and in which order, and reminds the
 * assistant that changes are previewed and decisions stay with people. The person's own words (a launch's name and
 * goal) are quoted into the message as theirs.
 */
final class Prompts {

    private static final int MAX_ARGUMENT = 500;

    private Prompts() {
    }

    static List<SyncPromptSpecification> specifications() {
        return List.of(
                prompt("plan_product_launch", "Plan a product launch",
                        "Plans a product launch campaign from a name, dates and a goal: creates the draft, lays out "
                                + "its timeline and staffs it, each change previewed first.",
                        List.of(new PromptArgument("name", "Name", "The launch's name", true),
                                new PromptArgument("start", "Start", "The launch day (YYYY-MM-DD)", false),
                                new PromptArgument("goal", "Goal", "What the launch should achieve", false)),
                        arguments -> """
                                Plan a product launch campaign in Flightdeck named "%s"%s%s.
                                1. Dry run create_campaign (type PRODUCT_LAUNCH, the dates above, a description from the goal), \
                                show me the draft, and create it with the confirmation once I agree.
                                2. Dry run generate_timeline for it and summarise the plan: its length, the milestones and \
                                the critical path (get_critical_path). Lay it out once I agree.
                                3. Dry run auto_assign_campaign_tasks and tell me who would do what and which tasks nobody \
                                can take; assign once I agree.
                                4. Finish with get_campaign_readiness: what is still missing before launch.
                                Never skip a dry run, and never approve anything: approvals stay with people."""
                                .formatted(argument(arguments, "name"),
                                        optional(arguments, "start", ", launching on "),
                                        optional(arguments, "goal", ", with the goal: ")),
                        "Plan a product launch"),
                prompt("weekly_status_report", "Weekly status report",
                        "Writes the week's status report across the workspace's active campaigns: progress, "
                                + "figures, blockers and what needs a decision.",
                        List.of(),
                        arguments -> """
                                Write this week's status report for my Flightdeck workspace.
                                1. list_campaigns with status ACTIVE, PLANNING and READY.
                                2. get_workspace_summary for the figures beside the week before; say plainly which \
                                numbers are simulated, and leave them out of any conclusion.
                                3. For each active campaign, get_campaign_blockers and list_tasks with overdue: true.
                                4. Write it as: highlights, campaign by campaign (status, figures, blockers, overdue \
                                work), and the decisions people need to make. Change nothing.""",
                        "Weekly status report"),
                prompt("what_blocks_campaign", "What blocks this campaign",
                        "Explains what stands between a campaign and its launch, and who can clear each item.",
                        List.of(new PromptArgument("campaignId", "Campaign", "The campaign's id, as list_campaigns "
                                + "answers it", true)),
                        arguments -> """
                                Tell me what blocks the Flightdeck campaign %s.
                                1. get_campaign for its status, then get_campaign_readiness and get_campaign_blockers.
                                2. For each approval scope that is not approved (strategy, content, budget, launch), \
                                get_approval: who is expected to decide, by when.
                                3. get_critical_path and list_tasks with atRisk: true for work that threatens the dates.
                                Answer as a short list, most blocking first, each with who can clear it and where. \
                                Change nothing.""".formatted(argument(arguments, "campaignId")),
                        "What blocks this campaign"));
    }

    private interface Text {
        String of(Map<String, Object> arguments);
    }

    private static SyncPromptSpecification prompt(String name, String title, String description,
            List<PromptArgument> arguments, Text text, String resultDescription) {
        return new SyncPromptSpecification(new McpSchema.Prompt(name, title, description, arguments),
                (context, request) -> {
                    Map<String, Object> given = request.arguments() == null ? Map.of() : request.arguments();
                    for (PromptArgument argument : arguments) {
                        if (Boolean.TRUE.equals(argument.required()) && blank(given.get(argument.name()))) {
                            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                                    .message(name + " needs the argument " + argument.name()).build();
                        }
                    }
                    return new McpSchema.GetPromptResult(resultDescription, List.of(new McpSchema.PromptMessage(
                            McpSchema.Role.USER, new McpSchema.TextContent(text.of(given)))));
                });
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static String argument(Map<String, Object> arguments, String name) {
        String value = String.valueOf(arguments.get(name)).strip();
        return value.length() <= MAX_ARGUMENT ? value : value.substring(0, MAX_ARGUMENT);
    }

    private static String optional(Map<String, Object> arguments, String name, String before) {
        return blank(arguments.get(name)) ? "" : before + argument(arguments, name);
    }
}
