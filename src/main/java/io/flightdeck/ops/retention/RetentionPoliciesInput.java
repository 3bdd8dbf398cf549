package io.flightdeck.ops.retention;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Some kinds' retention, changed together: every mistake is answered at once and nothing is written. */
@Schema(name = "RetentionPoliciesInput")
public record RetentionPoliciesInput(
        @ArraySchema(schema = @Schema(implementation = RetentionPolicyInput.class),
                arraySchema = @Schema(example = "[{\"kind\":\"audit-log\",\"keepDays\":400,\"exportBeforePurge\":true}]"))
        @Nullable List<RetentionPolicyInput> policies) {
}
