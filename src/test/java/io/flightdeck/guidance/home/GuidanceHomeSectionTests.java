package io.flightdeck.guidance.home;

import java.time.LocalDate;

import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.planning.TaskTestDataApi;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's first section orders a member's work from every module by consequence: what holds up a campaign
 * about to start comes before a task due next month, each with the reason it sits there; another member's campaigns
 * are not theirs to unblock.
 */
@FlightdeckTest
class GuidanceHomeSectionTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void aBlockerOfACampaignStartingSoonComesBeforeTasksThatCanWait() {
        PlanningRequests planning = new PlanningRequests(mvc);
        TaskTestDataApi tasks = new TaskTestDataApi(mvc);
        Member owner = planning.workspace(workspaces, "First things");
        LocalDate today = LocalDate.now();
        String soon = campaigns.draft("Rushed launch").dates(today.plusDays(5), today.plusDays(30)).createdBy(owner);
        String later = tasks.campaign(owner, "Quiet quarter");
        String nextMonth = tasks.createId(owner, later, """
                {"title":"Draft the recap","dueDate":"%s"}""".formatted(today.plusDays(30)));
        String thisWeek = tasks.createId(owner, later, """
                {"title":"Book the speaker","dueDate":"%s"}""".formatted(today.plusDays(2)));
        for (String task : new String[] {nextMonth, thisWeek}) {
            assertThat(tasks.assign(owner, task, owner.userId().toString())).hasStatusOk();
        }

        assertThat(web.page(web.signIn(owner), "/")).contains("hx-get=\"/home/first\"");
        String section = web.fragment(web.signIn(owner), "/home/first");

        assertThat(section).contains("Do these first").contains("Rushed launch").contains("starts in 5 days")
                .contains("Holds up a campaign").contains("Book the speaker").contains("Due soon")
                .contains("Draft the recap").contains("Would help").contains("href=\"/tasks/" + nextMonth + "\"")
                .doesNotContain("<html");
        int blocker = section.indexOf("data-consequence=\"HOLDS_UP_A_CAMPAIGN\"");
        assertThat(blocker).isPositive().isLessThan(section.indexOf("Book the speaker"));
        assertThat(section.indexOf("Book the speaker")).isLessThan(section.indexOf("Draft the recap"));
        assertThat(section.indexOf("Rushed launch")).isLessThan(section.indexOf("Book the speaker"));

        // A contributor owns none of it and is assigned nothing: an empty state, not the owner's work.
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(web.fragment(web.signIn(contributor), "/home/first")).contains("Nothing holds up your campaigns")
                .doesNotContain("Rushed launch").doesNotContain("Book the speaker");
        assertThat(soon).isNotBlank();
    }
}
