package io.flightdeck.email.web;

import io.flightdeck.email.tracking.AppleProxyList;
import io.flightdeck.email.tracking.AppleProxyListStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which of Apple's proxy addresses tell opens by Apple Mail Privacy Protection apart: anyone may read it. */
@RestController
@Tag(name = "Email tracking")
class AppleProxyListApiController {

    private final AppleProxyList list;

    AppleProxyListApiController(AppleProxyList list) {
        this.list = list;
    }

    @Operation(summary = "Where this installation's copy of Apple's egress list stands: the ranges in use, when they "
            + "were fetched, and why the last fetch failed if it did (the copy in use stays)")
    @GetMapping("/api/v1/email/tracking/apple-proxy-list")
    AppleProxyListStatus get() {
        return list.status();
    }
}
