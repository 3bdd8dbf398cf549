package io.flightdeck.strategy.domain;

import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.strategy.AdObjective;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules every save passes, diffs and completeness, without Spring. */
class StrategyRulesTests {

    private static StrategyDetails details(List<Channel> platforms, List<String> goals, AdsConfig ads) {
        return new StrategyDetails(platforms, goals, null, List.of(), null, null, null, ads);
    }

    @Test
    void aBudgetSplitMustAddUpToOneHundred() {
        AdsConfig ads = new AdsConfig(AdObjective.SALES, Map.of(Channel.EMAIL, 50, Channel.BLOG, 49), null);
        assertThatThrownBy(() -> StrategyRules.check(details(List.of(Channel.EMAIL, Channel.BLOG), List.of(), ads)))
                .isInstanceOf(InvalidInputException.class).hasMessage("must add up to 100 percent; it adds up to 99 (1 % unallocated)")
                .extracting("field").isEqualTo("adsConfig.budgetSplit");
        AdsConfig over = new AdsConfig(AdObjective.SALES, Map.of(Channel.EMAIL, 60, Channel.BLOG, 50), null);
        assertThatThrownBy(() -> StrategyRules.check(details(List.of(Channel.EMAIL, Channel.BLOG), List.of(), over)))
                .hasMessage("must add up to 100 percent; it adds up to 110 (10 % too much)");
    }

    @Test
    void anEmptyAdsConfigurationIsNone() {
        StrategyDetails checked = StrategyRules.check(details(List.of(), List.of(), new AdsConfig(null, Map.of(), "  ")));
        assertThat(checked.adsConfig()).isNull();
    }

    @Test
    void theSplitIsKeptInPlatformOrder() {
        AdsConfig ads = new AdsConfig(null, Map.of(Channel.YOUTUBE, 30, Channel.EMAIL, 70), null);
        StrategyDetails checked = StrategyRules.check(details(List.of(Channel.YOUTUBE, Channel.EMAIL), List.of(), ads));
        assertThat(checked.adsConfig().budgetSplit().keySet()).containsExactly(Channel.EMAIL, Channel.YOUTUBE);
    }

    @Test
    void completenessCountsTheAdsOnlyWithABudget() {
        StrategyDetails partial = details(List.of(Channel.EMAIL), List.of("Leads"), null);
        Completeness unbudgeted = StrategyCompleteness.of(4, partial, false);
        assertThat(unbudgeted.score()).isEqualTo(33);
        assertThat(unbudgeted.checklist()).hasSize(6);
        Completeness budgeted = StrategyCompleteness.of(4, partial, true);
        assertThat(budgeted.score()).isEqualTo(29);
        assertThat(budgeted.missing()).extracting(Completeness.Missing::field).endsWith("adsConfig");
        assertThat(budgeted.checklist()).allSatisfy(r -> assertThat(r.why()).isNotBlank());
    }

    @Test
    void theDiffTreatsBlankAndMissingTextAlikeAndMarksListItems() {
        StrategyDetails older = new StrategyDetails(List.of(Channel.EMAIL), List.of("a", "b"), "", List.of(), null, null,
                "weekly", null);
        StrategyDetails newer = new StrategyDetails(List.of(Channel.EMAIL), List.of("b", "c"), null, List.of(), null, null,
                "daily", new AdsConfig(AdObjective.LEADS, Map.of(), null));
        List<FieldChange> changes = StrategyDiff.between(older, newer);
        assertThat(changes).extracting(FieldChange::field).containsExactly("goals", "cadence", "adsConfig.objective");
        assertThat(changes.get(0).added()).containsExactly("c");
        assertThat(changes.get(0).removed()).containsExactly("a");
        assertThat(changes.get(2).before()).isNull();
        assertThat(changes.get(2).after()).isEqualTo("LEADS");
        assertThat(StrategyDiff.compare(older, newer)).hasSize(StrategyField.values().length);
    }
}
