package io.flightdeck.email.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.EmailListView;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Email lists: anyone reads; contributors make them and put contacts on them; managers remove a list. */
@RestController
@RequestMapping("/api/v1/email/lists")
@Tag(name = "Email lists")
class ListsApiController {

    private final EmailLists lists;

    ListsApiController(EmailLists lists) {
        this.lists = lists;
    }

    record ListBody(@NotBlank @Size(max = 120) @Schema(example = "Monthly newsletter") String name,
            @Size(max = 500) @Schema(example = "Everyone who asked for the monthly news") String description) {
    }

    record MembersBody(@NotEmpty @Size(max = EmailLists.MAX_ADD) List<UUID> contactIds) {
    }

    @Operation(summary = "The workspace's lists by name, each with how many are on it")
    @GetMapping
    PageResponse<EmailListView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(lists.page(Paging.of(page, size, Sort.by("nameKey", "id"))), l -> l);
    }

    @Operation(summary = "Make a list (409 when the name is taken, in any case)")
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.CREATED)
    EmailListView create(@Valid @RequestBody ListBody body) {
        return lists.create(body.name(), body.description());
    }

    @Operation(summary = "One list")
    @GetMapping("/{id}")
    EmailListView get(@PathVariable UUID id) {
        return lists.get(id);
    }

    @Operation(summary = "Rename a list or change its description")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailListView change(@PathVariable UUID id, @Valid @RequestBody ListBody body) {
        return lists.change(id, body.name(), body.description());
    }

    @Operation(summary = "Remove a list and who was on it; the contacts stay (managers)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        lists.delete(id);
    }

    @Operation(summary = "Who is on the list (not those who left it), by address")
    @GetMapping("/{id}/members")
    PageResponse<ContactView> members(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(lists.members(id, Paging.of(page, size, Sort.by("emailKey"))), c -> c);
    }

    @Operation(summary = "Put contacts on the list (back on it for those who left); every id must be a contact of "
            + "this workspace, or nothing is added")
    @PostMapping("/{id}/members")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    Map<String, Integer> add(@PathVariable UUID id, @Valid @RequestBody MembersBody body) {
        return Map.of("added", lists.add(id, body.contactIds()));
    }

    @Operation(summary = "Take a contact off the list")
    @DeleteMapping("/{id}/members/{contactId}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id, @PathVariable UUID contactId) {
        lists.remove(id, contactId);
    }

    @Operation(summary = "The contact leaves this list only: its sends skip them, their other lists keep them")
    @PostMapping("/{id}/members/{contactId}/unsubscribe")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable UUID id, @PathVariable UUID contactId) {
        lists.unsubscribe(id, contactId);
    }
}
