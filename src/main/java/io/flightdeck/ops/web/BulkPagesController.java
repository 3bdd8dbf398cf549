package io.flightdeck.ops.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.ops.bulk.BulkOperations;
import io.flightdeck.ops.bulk.BulkStatus;
import io.flightdeck.ops.bulk.BulkViews;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bulk bar's server side: a list page's bar (tasks, campaigns) posts here and shows the answer in place, the
 * operation's progress, polled while it runs, then each item's outcome and an Undo button. The lists themselves
 * belong to their modules; they only name these URLs, so no module depends on this web layer.
 */
@Controller
class BulkPagesController {

    private static final int ITEMS_SHOWN = 50;

    private final BulkOperations bulk;

    BulkPagesController(BulkOperations bulk) {
        this.bulk = bulk;
    }

    /** The bar's form: the checked ids and the action's one parameter; an error shows in the bar's place. */
    @PostMapping("/bulk")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String start(@RequestParam String type, @RequestParam String action,
            @RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID assigneeId, @RequestParam(required = false) Integer shiftDays,
            @RequestParam(required = false) String tag, @RequestParam(required = false) UUID spaceId,
            @RequestParam(required = false) String comment, Model model) {
        try {
            BulkViews.Operation started = bulk.start(type, action, ids == null ? List.of() : ids, null,
                    new BulkParams(status, assigneeId, shiftDays, tag, spaceId, comment));
            return progress(started, model);
        } catch (InvalidInputException e) {
            model.addAttribute("bulkError", "Nothing was changed: " + e.field().replace("params.", "") + " "
                    + e.getMessage());
        } catch (AccessDeniedException e) {
            model.addAttribute("bulkError", "Nothing was changed: " + e.getMessage());
        }
        return "ops/bulk :: progress";
    }

    @GetMapping("/bulk")
    String mine(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("operations", bulk.mine(Paging.of(page, 20, Sort.unsorted())));
        return "ops/bulk-list";
    }

    @GetMapping("/bulk/{id}")
    String operation(@PathVariable UUID id, HttpServletRequest request, Model model) {
        progress(bulk.get(id), model);
        return Htmx.isHtmx(request) ? "ops/bulk :: progress" : "ops/bulk";
    }

    @PostMapping("/bulk/{id}/undo")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String undo(@PathVariable UUID id, Model model) {
        return settle(id, () -> bulk.undo(id), model);
    }

    @PostMapping("/bulk/{id}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String cancel(@PathVariable UUID id, Model model) {
        return settle(id, () -> bulk.cancel(id), model);
    }

    private String settle(UUID id, java.util.function.Supplier<BulkViews.Operation> change, Model model) {
        try {
            return progress(change.get(), model);
        } catch (ConflictException e) {
            model.addAttribute("bulkError", e.getMessage());
            return progress(bulk.get(id), model);
        }
    }

    private String progress(BulkViews.Operation operation, Model model) {
        model.addAttribute("op", operation);
        // an undo in progress cannot be cancelled: it would leave some items put back and others not
        model.addAttribute("cancellable", operation.status() == BulkStatus.QUEUED
                || operation.status() == BulkStatus.RUNNING);
        model.addAttribute("items", bulk.items(operation.id(), null, Paging.of(0, ITEMS_SHOWN, Sort.unsorted())));
        return "ops/bulk :: progress";
    }
}
