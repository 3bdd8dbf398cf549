package io.flightdeck.campaigns.web;

import java.util.Set;

import io.flightdeck.shared.InvalidInputException;
import org.springframework.data.domain.Sort;

/** Parses {@code sort=field,direction} for campaign lists, allowing only the columns that are sortable. */
final class CampaignSorts {

    /** Priority and status are stored as names, whose alphabetical order means nothing, so they are filters only. */
    static final Set<String> FIELDS = Set.of("name", "createdAt", "updatedAt", "startDate", "endDate");

    private CampaignSorts() {
    }

    static Sort parse(String sort) {
        String[] parts = sort.split(",");
        String field = parts[0].strip();
        if (!FIELDS.contains(field)) {
            throw new InvalidInputException("sort", "must be one of " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length > 1) {
            direction = Sort.Direction.fromOptionalString(parts[1].strip())
                    .orElseThrow(() -> new InvalidInputException("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, field).and(Sort.by(Sort.Direction.DESC, "id"));
    }
}
