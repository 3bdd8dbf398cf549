package io.flightdeck.mcp.web;

import java.util.UUID;

import io.flightdeck.mcp.calls.AssistantCallView;
import io.flightdeck.mcp.calls.AssistantCalls;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tool calls assistants made: everyone reads their own, admins the whole workspace's. */
@RestController
@Tag(name = "AI assistants")
class AssistantCallsApiController {

    private final AssistantCalls calls;

    AssistantCallsApiController(AssistantCalls calls) {
        this.calls = calls;
    }

    @Operation(summary = "Tool calls AI assistants made over MCP, newest first, paged: your own, or with scope=all "
            + "the workspace's (admins; others get their own)")
    @GetMapping("/api/v1/assistant-calls")
    PageResponse<AssistantCallView> list(
            @Parameter(description = "mine (the default) or all") @RequestParam(required = false) String scope,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(calls.recent(whose(scope), Paging.of(page, size, Sort.unsorted())), c -> c);
    }

    /** Null for the whole workspace, which only an admin may read. A scope other than mine or all is a mistake. */
    static UUID whose(String scope) {
        if (scope != null && !"mine".equals(scope) && !"all".equals(scope)) {
            throw new InvalidInputException("scope", "Either mine (your own calls, the default) or all (the "
                    + "workspace's, for admins).");
        }
        boolean all = "all".equals(scope) && CurrentActor.require().role().includes(Role.ADMIN);
        return all ? null : CurrentActor.require().userId();
    }
}
