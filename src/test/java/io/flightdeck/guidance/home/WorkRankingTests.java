package io.flightdeck.guidance.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.WaitingApproval;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.blockers.BlockerSeverity;
import io.flightdeck.planning.AssignedTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's order, worked out by hand on crafted work (docs/guidance.md, "Home page"). */
class WorkRankingTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static CampaignSnapshot campaign(String name, LocalDate start) {
        return new CampaignSnapshot(UUID.randomUUID(), UUID.randomUUID(), name, null, CampaignType.values()[0], null,
                CampaignPriority.values()[0], CampaignStatus.PLANNING, Set.of(), Set.of(), start,
                start == null ? null : start.plusDays(30), null, UUID.randomUUID());
    }

    static Blocker blocker(String key, BlockerSeverity severity, String action, String link) {
        return new Blocker(key, "Title of " + key, severity, "approvals", "Reason of " + key, action, link, List.of(),
                0);
    }

    static AssignedTask task(String title, LocalDate due, boolean overdue, boolean critical, boolean atRisk) {
        return new AssignedTask(UUID.randomUUID(), UUID.randomUUID(), "Campaign", title, due, overdue, critical,
                atRisk);
    }

    @Test
    void aLateCriticalTaskHoldsUpItsCampaignAndAnUnhurriedOneOnlyWouldHelp() {
        assertThat(WorkRanking.task(task("Late critical", TODAY.minusDays(1), true, true, false), TODAY).consequence())
                .isEqualTo(WorkConsequence.HOLDS_UP_A_CAMPAIGN);
        assertThat(WorkRanking.task(task("No slack", TODAY.plusDays(20), false, true, true), TODAY).consequence())
                .isEqualTo(WorkConsequence.HOLDS_UP_A_CAMPAIGN);
        assertThat(WorkRanking.task(task("Critical", TODAY.plusDays(20), false, true, false), TODAY).consequence())
                .isEqualTo(WorkConsequence.CRITICAL_PATH);
        // exactly a week ahead is still due soon; a day later is not
        assertThat(WorkRanking.task(task("A week", TODAY.plusDays(7), false, false, false), TODAY).consequence())
                .isEqualTo(WorkConsequence.DUE_SOON);
        assertThat(WorkRanking.task(task("Eight days", TODAY.plusDays(8), false, false, false), TODAY).consequence())
                .isEqualTo(WorkConsequence.WOULD_HELP);
        assertThat(WorkRanking.task(task("Undated", null, false, false, false), TODAY).consequence())
                .isEqualTo(WorkConsequence.WOULD_HELP);
        WorkItem late = WorkRanking.task(task("Late", TODAY.minusDays(2), true, false, false), TODAY);
        assertThat(late.consequence()).isEqualTo(WorkConsequence.DUE_SOON);
        assertThat(late.whenWords()).isEqualTo("overdue since 8 Mar");
    }

    @Test
    void anApprovalHoldsUpACampaignStartingWithinTwoWeeksOrWhenOverdue() {
        WaitingApproval onTime = new WaitingApproval(UUID.randomUUID(), UUID.randomUUID(), "Hero banner", "Content",
                null, false);
        assertThat(WorkRanking.approval(onTime, campaign("Soon", TODAY.plusDays(14)), TODAY, ZoneOffset.UTC)
                .consequence()).isEqualTo(WorkConsequence.HOLDS_UP_A_CAMPAIGN);
        assertThat(WorkRanking.approval(onTime, campaign("Later", TODAY.plusDays(15)), TODAY, ZoneOffset.UTC)
                .consequence()).isEqualTo(WorkConsequence.DUE_SOON);
        assertThat(WorkRanking.approval(onTime, null, TODAY, ZoneOffset.UTC).consequence())
                .isEqualTo(WorkConsequence.DUE_SOON);
        WaitingApproval overdue = new WaitingApproval(UUID.randomUUID(), UUID.randomUUID(), "Strategy v2",
                "Strategy", Instant.parse("2026-03-09T12:00:00Z"), true);
        WorkItem item = WorkRanking.approval(overdue, campaign("Later", TODAY.plusDays(40)), TODAY, ZoneOffset.UTC);
        assertThat(item.consequence()).isEqualTo(WorkConsequence.HOLDS_UP_A_CAMPAIGN);
        assertThat(item.title()).isEqualTo("Decide: Strategy v2");
        assertThat(item.whenWords()).isEqualTo("overdue since 9 Mar");
        assertThat(item.when()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void blockersWithTheSameFixBecomeOneItemAndInformationStaysOnTheCampaignPage() {
        CampaignSnapshot soon = campaign("Spring launch", TODAY.plusDays(5));
        String approvals = "/campaigns/" + soon.id() + "/tabs/approvals#approvals";
        List<WorkItem> items = WorkRanking.blockers(soon, List.of(
                blocker("approvals.strategy", BlockerSeverity.BLOCKING, "Start the approvals", approvals),
                blocker("approvals.content", BlockerSeverity.BLOCKING, "Start the approvals", approvals),
                blocker("assets.rights", BlockerSeverity.BLOCKING, "Renew the licences", "/assets"),
                blocker("strategy.complete", BlockerSeverity.WARNING, "Complete the strategy", "/strategy"),
                blocker("content.stale", BlockerSeverity.INFO, "Refresh", "/creatives")), TODAY);

        assertThat(items).extracting(WorkItem::title)
                .containsExactly("Start the approvals", "Renew the licences", "Complete the strategy");
        assertThat(items.get(0).detail()).isEqualTo("2 items: Title of approvals.strategy, Title of approvals.content");
        assertThat(items.get(1).detail()).isEqualTo("Reason of assets.rights");
        assertThat(items).extracting(WorkItem::consequence).containsExactly(WorkConsequence.HOLDS_UP_A_CAMPAIGN,
                WorkConsequence.HOLDS_UP_A_CAMPAIGN, WorkConsequence.DUE_SOON);
        assertThat(items.get(0).whenWords()).isEqualTo("starts in 5 days");

        // two months out, a blocker is on the critical path and a warning would help
        List<WorkItem> later = WorkRanking.blockers(campaign("Autumn", TODAY.plusDays(60)), List.of(
                blocker("a", BlockerSeverity.BLOCKING, "Fix a", "/a"),
                blocker("b", BlockerSeverity.WARNING, "Fix b", "/b")), TODAY);
        assertThat(later).extracting(WorkItem::consequence).containsExactly(WorkConsequence.CRITICAL_PATH,
                WorkConsequence.WOULD_HELP);
        // no dates at all: nothing says it can wait
        assertThat(WorkRanking.blockers(campaign("Undated", null), List.of(
                blocker("a", BlockerSeverity.BLOCKING, "Fix a", "/a")), TODAY).get(0))
                .extracting(WorkItem::consequence, WorkItem::whenWords)
                .containsExactly(WorkConsequence.HOLDS_UP_A_CAMPAIGN, "no dates yet");
    }

    @Test
    void theOrderIsConsequenceThenTheEarliestDayThenTheTitle() {
        List<WorkItem> items = new ArrayList<>();
        items.add(item(WorkConsequence.WOULD_HELP, "Nice", TODAY));
        items.add(item(WorkConsequence.CRITICAL_PATH, "Critical later", TODAY.plusDays(9)));
        items.add(item(WorkConsequence.HOLDS_UP_A_CAMPAIGN, "Undated blocker", null));
        items.add(item(WorkConsequence.CRITICAL_PATH, "Critical sooner", TODAY.plusDays(2)));
        items.add(item(WorkConsequence.HOLDS_UP_A_CAMPAIGN, "b late task", TODAY.minusDays(1)));
        items.add(item(WorkConsequence.HOLDS_UP_A_CAMPAIGN, "A late task", TODAY.minusDays(1)));
        items.add(item(WorkConsequence.DUE_SOON, "Soon", TODAY.minusDays(30)));

        assertThat(WorkRanking.rank(items)).extracting(WorkItem::title).containsExactly("A late task", "b late task",
                "Undated blocker", "Critical sooner", "Critical later", "Soon", "Nice");
        assertThat(EnumSet.allOf(WorkConsequence.class)).extracting(WorkConsequence::words)
                .doesNotHaveDuplicates().allMatch(w -> !w.isBlank());
    }

    private static WorkItem item(WorkConsequence consequence, String title, LocalDate when) {
        return new WorkItem(consequence, "task", title, null, null, null, when, null, "/x");
    }
}
