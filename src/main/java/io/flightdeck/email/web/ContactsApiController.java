package io.flightdeck.email.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.contacts.ConsentSource;
import io.flightdeck.email.contacts.ContactConsent;
import io.flightdeck.email.contacts.ContactDetails;
import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.contacts.EmailListView;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's email contacts: anyone reads; contributors add and change them; admins erase a person's data. */
@RestController
@RequestMapping("/api/v1/email/contacts")
@Tag(name = "Email contacts")
class ContactsApiController {

    private final Contacts contacts;
    private final EmailLists lists;

    ContactsApiController(Contacts contacts, EmailLists lists) {
        this.contacts = contacts;
        this.lists = lists;
    }

    record ConsentBody(@NotNull @Schema(example = "FORM") ConsentSource source,
            @NotBlank @Size(max = 500) @Schema(example = "Newsletter form on example.com: Send me the monthly news")
            String evidence, @Schema(description = "When it was given; now when left out", example = "2026-01-15T09:30:00Z")
            Instant at) {
        ContactConsent consent() {
            return new ContactConsent(source, evidence, at);
        }
    }

    record ContactBody(@NotBlank @Size(max = 320) @Schema(example = "ana@example.com") String email,
            @Size(max = 200) @Schema(example = "Ana Lima") String name,
            @Size(max = 50) @Schema(example = "{\"city\": \"Lisbon\", \"plan\": \"pro\"}")
            Map<String, @Size(max = 500) String> attributes,
            @Size(max = 64) @Schema(example = "Europe/Lisbon") String timeZone, @NotNull @Valid ConsentBody consent) {
    }

    record DetailsBody(@Size(max = 200) @Schema(example = "Ana Lima") String name,
            @Size(max = 50) Map<String, @Size(max = 500) String> attributes,
            @Size(max = 64) @Schema(example = "Europe/Lisbon") String timeZone) {
    }

    record UnsubscribeBody(@Size(max = 500) @Schema(example = "Asked by phone") String reason) {
    }

    @Operation(summary = "Contacts, by address; q searches address and name, status filters")
    @GetMapping
    PageResponse<ContactView> list(@RequestParam(required = false) @Size(max = 320) String q,
            @RequestParam(required = false) ContactStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(contacts.search(q, status, Paging.of(page, size, Sort.by("emailKey", "id"))), c -> c);
    }

    @Operation(summary = "Add a contact with the consent that lets the workspace mail them (409 when the address "
            + "is a contact already, naming it)")
    @ApiResponse(responseCode = "201", description = "The contact added",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ContactView> add(@Valid @RequestBody ContactBody body) {
        ContactView made = contacts.add(new Contacts.NewContact(body.email(),
                new ContactDetails(body.name(), body.attributes(), body.timeZone()), body.consent().consent()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(made.version())).body(made);
    }

    @Operation(summary = "One contact; its ETag is what If-Match takes on a change")
    @GetMapping("/{id}")
    ResponseEntity<ContactView> get(@PathVariable UUID id) {
        ContactView contact = contacts.get(id);
        return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(contact);
    }

    @Operation(summary = "Change the name, attributes (the whole set) and time zone")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ContactView> change(@PathVariable UUID id, @Valid @RequestBody DetailsBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ContactView changed = contacts.change(id, new ContactDetails(body.name(), body.attributes(), body.timeZone()),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Unsubscribe from all campaign mail of the workspace, at once")
    @PostMapping("/{id}/unsubscribe")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ContactView unsubscribe(@PathVariable UUID id, @Valid @RequestBody(required = false) UnsubscribeBody body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "" : ": " + body.reason();
        return contacts.unsubscribe(id, "By " + CurrentActor.require().displayName() + reason);
    }

    @Operation(summary = "Subscribe again, on fresh consent (the old consent is never reused)")
    @PostMapping("/{id}/resubscribe")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ContactView resubscribe(@PathVariable UUID id, @Valid @RequestBody ConsentBody consent) {
        return contacts.resubscribe(id, consent.consent());
    }

    @Operation(summary = "The lists the contact is on (and has not left)")
    @GetMapping("/{id}/lists")
    List<EmailListView> lists(@PathVariable UUID id) {
        contacts.get(id);
        return lists.listsOf(id);
    }

    @Operation(summary = "Everything kept about the person, for their data request")
    @GetMapping("/{id}/export")
    @PreAuthorize("hasRole('ADMIN')")
    Contacts.Export export(@PathVariable UUID id) {
        return contacts.export(id);
    }

    @Operation(summary = "Erase the person's data on their request (admins)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable UUID id) {
        contacts.erase(id);
    }
}
