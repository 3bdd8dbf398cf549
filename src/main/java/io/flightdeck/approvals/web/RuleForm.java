package io.flightdeck.approvals.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.RuleChange;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.shared.InvalidInputException.Problem;

/**
 * The form that adds an auto-approval rule; empty fields are conditions not used. The numbers are kept as typed, so a
 * refused form shows them again.
 */
record RuleForm(String name, String scope, String maxWords, List<UUID> trustedMemberIds,
        List<CampaignPriority> campaignPriorities, String afterMinutes) {

    static RuleForm empty() {
        return new RuleForm("", "", "", List.of(), List.of(), "0");
    }

    /** Only the name, for a post whose lists could not be read at all. */
    static RuleForm named(String name) {
        return new RuleForm(name, "", "", List.of(), List.of(), "0");
    }

    /**
     * The change; a number it cannot read adds a problem to {@code unreadable} and stands in as a harmless value, so
     * checking the change still finds every other field's problem (a word limit typed as "many" is still a condition).
     */
    RuleChange toChange(List<Problem> unreadable) {
        return new RuleChange(name, true, scope == null ? "" : scope, number("maxWords", maxWords, 1, unreadable),
                trustedMemberIds == null ? List.of() : trustedMemberIds,
                campaignPriorities == null ? List.of() : campaignPriorities,
                orZero(number("afterMinutes", afterMinutes, 0, unreadable)));
    }

    private static Integer number(String field, String value, int standIn, List<Problem> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            unreadable.add(new Problem(field, "must be a whole number"));
            return standIn;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
