package io.flightdeck.email.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.email.abtest.InconclusiveRule;
import io.flightdeck.email.abtest.Metric;
import io.flightdeck.email.sending.AbTestPlan;
import io.flightdeck.email.sending.AbTestView;
import io.flightdeck.email.sending.AbTests;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An email's A/B test: anyone reads it with its numbers; contributors set it up while the email can change, and
 * pick the variant the rest gets while the test runs or waits.
 */
@RestController
@RequestMapping("/api/v1/email/campaigns/{id}/ab-test")
@Tag(name = "Email campaigns")
class EmailAbTestsApiController {

    private final AbTests tests;

    EmailAbTestsApiController(AbTests tests) {
        this.tests = tests;
    }

    record AbVariantBody(@Size(max = 300) @Schema(example = "Last days: {{first_name | \"friend\"}}, 30 % off") String subject,
            @Size(max = 300) String preheader, @Size(max = 500_000) String html) {
    }

    record AbTestBody(
            @NotNull @Size(min = 1, max = 3) @Schema(description = "Variants B to D; A is the email itself")
            List<@Valid @NotNull AbVariantBody> variants,
            @Schema(description = "Percent of the audience in the test (2 to 50, default 20)", example = "20") Integer testShare,
            @Schema(description = "CLICKS (default), CONVERSIONS (clicks to goalUrl) or OPENS (needs acceptOpensWarning)")
            Metric metric,
            @Size(max = 2000) @Schema(example = "https://shop.example/thanks") String goalUrl,
            @Schema(description = "Minutes from the send's start to the decision (15 to 20160, default 240)",
                    example = "240") Integer decideAfterMinutes,
            @Schema(description = "Recipients each variant needs before a winner (default 100)", example = "100")
            Integer minimumSample,
            @Schema(description = "Confidence a winner needs, 0.5 to 0.999 (default 0.95)", example = "0.95") Double confidence,
            @Schema(description = "SEND_VARIANT_A (default) or WAIT") InconclusiveRule ifInconclusive,
            Boolean acceptOpensWarning) {

        AbTestPlan.Input input() {
            return new AbTestPlan.Input(variants.stream().map(v -> new AbTestPlan.Content(v.subject(), v.preheader(),
                    v.html())).toList(), testShare, metric, goalUrl, decideAfterMinutes, minimumSample, confidence,
                    ifInconclusive, acceptOpensWarning);
        }
    }

    record AbPickBody(@NotNull @Size(max = 1) @Schema(example = "B") String variant) {
    }

    @Operation(summary = "The email's A/B test: setup, status, each variant's numbers, the decision and its reason; "
            + "404 when it has none")
    @GetMapping
    ResponseEntity<AbTestView> get(@PathVariable UUID id) {
        AbTestView test = tests.get(id);
        return ResponseEntity.ok().eTag(ETags.of(test.version())).body(test);
    }

    @Operation(summary = "Set up or change the test while the email can change (If-Match optional)")
    @PutMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<AbTestView> set(@PathVariable UUID id, @Valid @RequestBody AbTestBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        AbTestView test = tests.set(id, body.input(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(test.version())).body(test);
    }

    @Operation(summary = "Drop the test while the email can change: everyone gets the email itself")
    @DeleteMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        tests.remove(id);
    }

    @Operation(summary = "Pick the variant the rest gets, while the test runs or waits; 409 illegal-transition "
            + "before the send and once the rest has one")
    @PostMapping("/pick")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    AbTestView pick(@PathVariable UUID id, @Valid @RequestBody AbPickBody body) {
        return tests.pick(id, body.variant());
    }
}
