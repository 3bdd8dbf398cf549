package io.flightdeck.planning.web;

import io.flightdeck.planning.TaskTestDataApi;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A refused task form keeps what was typed and marks every wrong field at once, in plain words. */
@FlightdeckTest
class TaskFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void theCreateFormShowsEveryProblemAndKeepsTheTypedValues() {
        Member owner = workspaces.workspace("Task form errors");
        MockHttpSession session = signIn(owner);
        String campaign = new TaskTestDataApi(mvc).campaign(owner, "Form campaign");
        String base = "/campaigns/" + campaign + "/tasks";

        MvcTestResult refused = mvc.post().uri(base).session(session).with(csrf()).param("title", " ")
                .param("estimateHours", "lots").param("startDate", "next tuesday")
                .param("description", "Typed with care").exchange();
        assertThat(refused).hasStatusOk();
        String body = Json.body(refused);
        assertThat(body).contains("Title must be 1 to 200 characters").contains("Estimate must be a number, such as 4 or 2.5")
                .contains("Start date must be a date like 2031-03-01").contains("3 fields need a change")
                .contains("value=\"lots\"").contains("value=\"next tuesday\"").contains("Typed with care")
                .contains("aria-describedby=\"task-estimateHours-error\"").doesNotContain("estimateHours must");
        assertThat(Json.body(mvc.get().uri(base).session(session).exchange())).contains("No tasks yet");
    }

    @Test
    void theEditFormShowsEveryProblemAndWritesNothing() {
        Member owner = workspaces.workspace("Task edit errors");
        MockHttpSession session = signIn(owner);
        TaskTestDataApi api = new TaskTestDataApi(mvc);
        String task = api.task(owner, api.campaign(owner, "Edit campaign"), "Write brief");

        MvcTestResult refused = mvc.post().uri("/tasks/" + task).session(session).with(csrf()).param("title", "Rewrite brief")
                .param("durationDays", "two").param("dueDate", "soon").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("Not saved: 2 fields need a change")
                .contains("Duration must be a whole number").contains("Due date must be a date like 2031-03-01")
                .contains("value=\"Rewrite brief\"").contains("value=\"two\"").contains("value=\"soon\"");
        assertThat((String) api.read(owner, task, "$.title")).isEqualTo("Write brief");
    }

    private MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession();
    }
}
