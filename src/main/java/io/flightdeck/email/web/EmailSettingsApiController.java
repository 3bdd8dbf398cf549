package io.flightdeck.email.web;

import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.settings.SenderSettingsView;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's sender settings: anyone reads them, admins change them. */
@RestController
@RequestMapping("/api/v1/email/settings")
@Tag(name = "Email settings")
class EmailSettingsApiController {

    private final EmailSettings settings;

    EmailSettingsApiController(EmailSettings settings) {
        this.settings = settings;
    }

    record EmailSettingsRequest(@Size(max = 120) @Schema(example = "Acme News") String fromName,
            @Size(max = 320) @Schema(example = "news@acme.example") String fromAddress,
            @Size(max = 320) @Schema(example = "help@acme.example") String replyTo,
            @Size(max = 500) @Schema(example = "Acme Ltd, 1 Main Street, Lisbon, Portugal") String postalAddress) {
    }

    @Operation(summary = "What was set and what applies (the workspace's name and the installation's sender where "
            + "nothing was set); complete is false until a postal address is set")
    @GetMapping
    ResponseEntity<SenderSettingsView> get() {
        SenderSettingsView view = settings.view();
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Set the sender settings (admins); a blank field goes back to its default. If-Match takes "
            + "the ETag of a GET (\"0\" before anything was saved)")
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SenderSettingsView> put(@Valid @RequestBody EmailSettingsRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SenderSettingsView view = settings.update(new EmailSettings.SenderChange(body.fromName(), body.fromAddress(),
                body.replyTo(), body.postalAddress()), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
