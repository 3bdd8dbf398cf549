package io.flightdeck.notifications.web;

import java.nio.file.Path;

import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.mail.MailOutbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox (the default transport) for admins: the workspace's mail, each one opened or downloaded. */
@RestController
@RequestMapping("/api/v1/mail-outbox")
@Tag(name = "Notifications")
@PreAuthorize("hasRole('ADMIN')")
class MailOutboxApiController {

    private final MailOutbox outbox;

    MailOutboxApiController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "The workspace's mail in the outbox, newest first")
    @GetMapping
    PageResponse<MailOutbox.Entry> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(outbox.list(Paging.of(page, size, org.springframework.data.domain.Sort.unsorted())), e -> e);
    }

    @Operation(summary = "One mail: its headers, text and HTML")
    @GetMapping("/{key}")
    MailOutbox.Opened open(@PathVariable String key) {
        return outbox.open(key);
    }

    @Operation(summary = "One mail as sent: an .eml file any mail program opens")
    @GetMapping(path = "/{key}/raw", produces = "message/rfc822")
    ResponseEntity<Resource> raw(@PathVariable String key) {
        return eml(outbox, key);
    }

    /** The mail's file as an {@code .eml} download (the API and the outbox page both answer with it). */
    static ResponseEntity<Resource> eml(MailOutbox outbox, String key) {
        Path file = outbox.raw(key);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(key + ".eml").build().toString())
                .body(new FileSystemResource(file));
    }
}
