package io.flightdeck.ops.retention;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Some kinds' retention, changed together: every mistake is answered at once and nothing is written. */
@Schema(name = "RetentionPoliciesInput",
        example = "{\"policies\":[{\"kind\":\"audit-log\",\"keepDays\":400,\"exportBeforePurge\":true}]}")
public record RetentionPoliciesInput(
        @Nullable List<RetentionPolicyInput> policies) {
}
