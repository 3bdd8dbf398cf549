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
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a campaign create or update. */
record CampaignRequest(@NotBlank @Size(max = 160) String name, @Size(max = 4000) String description,
        @NotNull CampaignType type, @Size(max = 1000) String objective, CampaignPriority priority, Set<Channel> channels,
        @Size(max = 20) Set<@Size(max = 60) String> tags, LocalDate startDate, LocalDate endDate, @Valid Budget budget,
        UUID ownerId) {

    record Budget(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotBlank @Size(min = 3, max = 3) String currency) {
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
