package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.CampaignSpaceDetails;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a campaign space create or update. */
record CampaignSpaceRequest(
        @Schema(description = "A campaign of this workspace", example = "01a20264-4f1b-71fb-8235-0871f90ae023") @NotNull UUID campaignId,
        @Schema(example = "Summer Sale 2027 – Google Ads") @NotBlank @Size(max = 160) String name,
        @Schema(example = "Search and display creatives for the summer sale") @Size(max = 4000) String description,
        @Schema(example = "GOOGLE_ADS") @NotNull AdPlatform platform,
        @Schema(description = "The campaign's id on the ad platform", example = "18293847561") @Size(max = 200) String externalCampaignId,
        @Schema(example = "Conversions") @Size(max = 1000) String objective,
        @Schema(example = "Returning customers, 25–44, DACH") @Size(max = 1000) String audience,
        @Valid SpaceBudget budget,
        @Schema(description = "MANUAL_UPLOAD when absent", example = "MANUAL_UPLOAD") ImportSource importSource,
        @Schema(example = "[\"summer\",\"sale\"]") @Size(max = 20) Set<@Size(max = 60) String> tags,
        @Schema(example = "Seasonal") @Size(max = 100) String category,
        @Schema(description = "Offered as a starting point for new spaces; false when absent", example = "false") Boolean template,
        @Schema(description = "true when absent", example = "true") Boolean active,
        @Schema(description = "The brand the campaign advertises; the list filters by it", example = "Northwind Coffee")
        @Size(max = 200) String brand) {

    /** The space's budget; named apart from the campaign's so the API document has one schema of each. */
    @Schema(name = "CampaignSpaceBudget")
    record SpaceBudget(@Schema(example = "5000.00") @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "ISO 4217", example = "USD") @NotBlank @Size(min = 3, max = 3) String currency) {
    }

    CampaignSpaceDetails toDetails() {
        Money money = null;
        if (budget != null) {
            String currency = budget.currency().toUpperCase(Locale.ROOT);
            if (!Money.isCurrency(currency)) {
                throw new InvalidInputException("budget.currency", "is not an ISO 4217 currency code such as EUR or USD");
            }
            money = new Money(budget.amount(), currency);
        }
        return new CampaignSpaceDetails(campaignId, name, description, platform, externalCampaignId, objective, audience,
                money, importSource == null ? ImportSource.MANUAL_UPLOAD : importSource, tags == null ? Set.of() : tags,
                category, Boolean.TRUE.equals(template), active == null || active, brand);
    }
}
