package io.flightdeck.campaigns.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.domain.CampaignDetails;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Money;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The campaign form on the page: tags as one comma-separated field, the budget as amount and currency. */
record CampaignForm(@NotBlank(message = "Name the campaign") @Size(max = 160) String name,
        @Size(max = 4000) String description, @NotNull(message = "Choose a type") CampaignType type,
        @Size(max = 1000) String objective, @NotNull CampaignPriority priority, List<Channel> channels,
        @Size(max = 1300) String tags, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 12, fraction = 2) BigDecimal budgetAmount,
        String budgetCurrency, UUID ownerId, Long version) {

    static CampaignForm empty(UUID ownerId) {
        return new CampaignForm("", "", null, "", CampaignPriority.MEDIUM, List.of(), "", null, null, null, "EUR", ownerId, null);
    }

    static CampaignForm of(CampaignView c) {
        return new CampaignForm(c.name(), c.description(), c.type(), c.objective(), c.priority(), List.copyOf(c.channels()),
                String.join(", ", c.tags()), c.startDate(), c.endDate(), c.budget() == null ? null : c.budget().amount(),
                c.budget() == null ? "EUR" : c.budget().currency(), c.ownerId(), c.version());
    }

    CampaignDetails toDetails() {
        Money budget = null;
        if (budgetAmount != null) {
            String currency = budgetCurrency == null ? "" : budgetCurrency.strip().toUpperCase(java.util.Locale.ROOT);
            if (!Money.isCurrency(currency)) {
                throw new InvalidInputException("budgetCurrency", "is not a currency code such as EUR or USD");
            }
            budget = new Money(budgetAmount, currency);
        }
        Set<String> tagSet = tags == null ? Set.of() : Arrays.stream(tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Channel> channelSet = channels == null || channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
        return new CampaignDetails(name, description, type, objective, priority, channelSet, tagSet, startDate, endDate,
                budget, ownerId);
    }
}
