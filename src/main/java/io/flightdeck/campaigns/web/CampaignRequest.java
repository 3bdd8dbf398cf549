package io.flightdeck.campaigns.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.domain.CampaignDetails;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of a campaign create or update. */
record CampaignRequest(@Schema(example = "Spring collection launch") @NotBlank @Size(max = 160) String name,
        @Schema(example = "Launch of the spring collection across email and social") @Size(max = 4000)
        @Nullable String description,
        @Schema(example = "PRODUCT_LAUNCH") @NotNull CampaignType type,
        @Schema(example = "2,000 pre-orders in the first two weeks") @Size(max = 1000) @Nullable String objective,
        @Schema(description = "MEDIUM when absent", example = "HIGH") @Nullable CampaignPriority priority,
        @Schema(example = "[\"EMAIL\",\"INSTAGRAM\"]") Set<Channel> channels,
        @Schema(example = "[\"spring\",\"launch\"]") @Size(max = 20) Set<@Size(max = 60) String> tags,
        @Schema(example = "2027-03-01") @Nullable LocalDate startDate,
        @Schema(example = "2027-03-31") @Nullable LocalDate endDate, @Valid @Nullable Budget budget,
        @Schema(description = "The creator when absent", example = "01a20264-4f1b-71fb-8235-0871f90ae023")
        @Nullable UUID ownerId) {

    record Budget(@Schema(example = "5000.00") @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "ISO 4217", example = "EUR") @NotBlank @Size(min = 3, max = 3) String currency) {
    }

    CampaignDetails toDetails() {
        Money money = null;
        if (budget != null) {
            String currency = budget.currency().toUpperCase(java.util.Locale.ROOT);
            if (!Money.isCurrency(currency)) {
                throw new InvalidInputException("budget.currency", "is not an ISO 4217 currency code such as EUR or USD");
            }
            money = new Money(budget.amount(), currency);
        }
        return new CampaignDetails(name, description, type, objective, priority == null ? CampaignPriority.MEDIUM : priority,
                channels == null ? Set.of() : channels, tags == null ? Set.of() : tags, startDate, endDate, money, ownerId);
    }
}
