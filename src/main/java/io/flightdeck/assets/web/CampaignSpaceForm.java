package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.CampaignSpaceDetails;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Money;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A campaign space on its form: what {@code CampaignSpaceRequest} carries, with tags as one comma-separated field. */
record CampaignSpaceForm(@NotBlank(message = "Name the space") @Size(max = 160) String name,
        @NotNull(message = "Choose the ad platform") AdPlatform platform, @Size(max = 4000) String description,
        @Size(max = 200) String externalCampaignId, @Size(max = 1000) String objective, @Size(max = 1000) String audience,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 12, fraction = 2) BigDecimal budgetAmount,
        String budgetCurrency, ImportSource importSource, @Size(max = 1300) String tags, @Size(max = 100) String category,
        Boolean template, Boolean active, Long version, @Size(max = 200) String brand) {

    static CampaignSpaceForm empty() {
        return new CampaignSpaceForm("", null, "", "", "", "", null, "EUR", ImportSource.MANUAL_UPLOAD, "", "", false,
                true, null, "");
    }

    static CampaignSpaceForm of(CampaignSpaceView s) {
        return new CampaignSpaceForm(s.name(), s.platform(), s.description(), s.externalCampaignId(), s.objective(),
                s.audience(), s.budget() == null ? null : s.budget().amount(),
                s.budget() == null ? "EUR" : s.budget().currency(), s.importSource(), String.join(", ", s.tags()),
                s.category(), s.template(), s.active(), s.version(), s.brand());
    }

    CampaignSpaceDetails toDetails(UUID campaignId) {
        Money budget = null;
        if (budgetAmount != null) {
            String currency = budgetCurrency == null ? "" : budgetCurrency.strip().toUpperCase(Locale.ROOT);
            if (!Money.isCurrency(currency)) {
                throw new InvalidInputException("budgetCurrency", "is not a currency code such as EUR or USD");
            }
            budget = new Money(budgetAmount, currency);
        }
        Set<String> tagSet = tags == null ? Set.of() : Arrays.stream(tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new CampaignSpaceDetails(campaignId, name, description, platform, externalCampaignId, objective, audience,
                budget, importSource == null ? ImportSource.MANUAL_UPLOAD : importSource, tagSet, category,
                Boolean.TRUE.equals(template), active == null || active, brand);
    }

    /** The form field a service message is about. */
    static String field(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        return switch (serviceField) {
            case "budget.amount" -> "budgetAmount";
            case "budget.currency", "budgetCurrency" -> "budgetCurrency";
            case "name", "platform", "description", "tags", "category", "objective", "audience", "brand" -> serviceField;
            default -> null;
        };
    }
}
