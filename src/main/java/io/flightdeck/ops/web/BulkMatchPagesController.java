package io.flightdeck.ops.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.ops.bulk.BulkOperations;
import io.flightdeck.ops.bulk.BulkViews;
import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkParams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A bulk action on all that a search finds, reached from the search results filtered to one kind: how many match,
 * then each action the member may run with its parameters. What matches when Apply is pressed is what changes.
 */
@Controller
class BulkMatchPagesController {

    private static final Map<String, String> PARAM_LABELS = Map.of("status", "Status", "assigneeId", "Assignee",
            "shiftDays", "Shift by days", "tag", "Tag", "spaceId", "Space", "comment", "Comment");

    private final BulkOperations bulk;

    BulkMatchPagesController(BulkOperations bulk) {
        this.bulk = bulk;
    }

    @GetMapping("/bulk/matching")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String form(@RequestParam String type, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) List<UUID> owner,
            @RequestParam(required = false) List<String> tag, @RequestParam(required = false) List<String> channel,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        SearchCriteria criteria = new SearchCriteria(q, List.of(type), status, owner, tag, channel, from, to);
        return show(type, criteria, null, model);
    }

    @PostMapping("/bulk/matching")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String start(@RequestParam String searchType, @RequestParam String action, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) List<UUID> owner,
            @RequestParam(required = false) List<String> tag, @RequestParam(required = false) List<String> channel,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(name = "params.status", required = false) String statusParam,
            @RequestParam(name = "params.assigneeId", required = false) UUID assigneeId,
            @RequestParam(name = "params.shiftDays", required = false) Integer shiftDays,
            @RequestParam(name = "params.tag", required = false) String tagParam,
            @RequestParam(name = "params.spaceId", required = false) UUID spaceId,
            @RequestParam(name = "params.comment", required = false) String comment,
            @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        SearchCriteria criteria = new SearchCriteria(q, List.of(searchType), status, owner, tag, channel, from, to);
        BulkViews.MatchForm form;
        try {
            form = bulk.matchForm(searchType, criteria)
                    .orElseThrow(() -> new NotFoundException("A bulk action for these items"));
        } catch (InvalidInputException refused) {
            // the search itself cannot run (words too long, say): the form says why, as the GET does
            return show(searchType, criteria, "Nothing was changed: " + refused.field() + " " + refused.getMessage(), model);
        }
        // every item a search finds, with no undo (an erasure, a decision): the person says so first
        if (!confirmed && form.actions().stream().anyMatch(a -> a.key().equals(action) && !a.undoable())) {
            return show(searchType, criteria, "Nothing was changed: tick that you know this cannot be undone", model);
        }
        try {
            BulkViews.Operation started = bulk.start(form.type(), action, null, criteria, new BulkParams(statusParam, assigneeId,
                    shiftDays, tagParam, spaceId, comment));
            return "redirect:/bulk/" + started.id();
        } catch (InvalidInputException refused) {
            return show(searchType, criteria, "Nothing was changed: " + refused.field().replace("params.", "") + " "
                    + refused.getMessage(), model);
        }
    }

    private String show(String searchType, SearchCriteria criteria, String error, Model model) {
        try {
            model.addAttribute("form", bulk.matchForm(searchType, criteria).orElse(null));
        } catch (InvalidInputException refused) {
            error = error != null ? error : "The search cannot run: " + refused.field() + " " + refused.getMessage();
        }
        model.addAttribute("paramLabels", PARAM_LABELS);
        model.addAttribute("searchType", searchType);
        model.addAttribute("criteria", criteria);
        model.addAttribute("bulkError", error);
        return "ops/bulk-matching";
    }
}
