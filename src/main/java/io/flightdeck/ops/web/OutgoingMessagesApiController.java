package io.flightdeck.ops.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.ops.outgoing.OutgoingMessages;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.outbound.LedgerItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every outgoing-message ledger for admins: backlog by state, the items that need a person, and a retry. */
@RestController
@RequestMapping("/api/v1/outgoing-ledgers")
@Tag(name = "Outgoing messages")
@PreAuthorize("hasRole('ADMIN')")
class OutgoingMessagesApiController {

    private final OutgoingMessages outgoing;

    OutgoingMessagesApiController(OutgoingMessages outgoing) {
        this.outgoing = outgoing;
    }

    @Operation(summary = "Every outgoing-message ledger of the workspace with its items counted by state")
    @GetMapping
    List<OutgoingMessages.Ledger> ledgers() {
        return outgoing.ledgers();
    }

    @Operation(summary = "One ledger's items that are retrying, in doubt or dead, newest first, with the reason")
    @GetMapping("/{key}/troubled")
    PageResponse<LedgerItem> troubled(@PathVariable String key, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(outgoing.troubled(key, Paging.of(page, size, Sort.unsorted())), item -> item);
    }

    @Operation(summary = "Send one dead item again: a fresh round of attempts from now (409 where the ledger has no "
            + "retry, or the item's state allows none)")
    @PostMapping("/{key}/items/{id}/retry")
    LedgerItem retry(@PathVariable String key, @PathVariable UUID id) {
        return outgoing.retry(key, id);
    }
}
