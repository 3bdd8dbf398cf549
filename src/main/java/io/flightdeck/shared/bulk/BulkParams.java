package io.flightdeck.shared.bulk;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk action is told besides its items: each action reads the fields it names ({@link BulkAction#params}) and
 * ignores the others. One record for every type keeps the API one shape; a new action adds a field here.
 */
@Schema(description = "The action's parameters: each action reads the fields GET /api/v1/bulk/actions names for it")
public record BulkParams(
        @Schema(example = "IN_PROGRESS", description = "status: the status to move to") @Size(max = 40) @Nullable String status,
        @Schema(example = "0190a5c2-7b3e-7c00-8000-000000000001",
                description = "assign: the member to assign, or null to unassign") @Nullable UUID assigneeId,
        @Schema(example = "7", description = "reschedule: days to shift the dates by (negative: earlier)")
        @Min(-3650) @Max(3650) @Nullable Integer shiftDays,
        @Schema(example = "launch", description = "tag / untag: the tag") @Size(max = 60) @Nullable String tag,
        @Schema(example = "0190a5c2-7b3e-7c00-8000-000000000002", description = "move: the space (or folder) to move to")
        @Nullable UUID spaceId,
        @Schema(example = "Approved for the spring wave", description = "approve / reject: the comment recorded with each decision")
        @Size(max = 2000) @Nullable String comment) {

    public static final BulkParams NONE = new BulkParams(null, null, null, null, null, null);
}
