package io.flightdeck.planning;

import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Finish-to-start dependencies through the API: listing, the refusals (cycle, other campaign, itself, twice), removal. */
@FlightdeckTest
class TaskDependenciesApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private TaskTestDataApi api;
    private Member contributor;
    private Member viewer;
    private String campaign;
    private Member owner;

    @BeforeEach
    void setUp() {
        api = new TaskTestDataApi(mvc);
        owner = workspaces.workspace("Dependencies");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        campaign = api.campaign(owner, "Dependencies");
    }

    @Test
    void aCycleIsRefusedWithItsTasksInOrder() {
        String a = api.task(contributor, campaign, "A");
        String b = api.task(contributor, campaign, "B");
        String c = api.task(contributor, campaign, "C");
        assertThat(api.depend(contributor, b, a)).hasStatus(201); // A -> B
        assertThat(api.depend(contributor, c, b)).hasStatus(201); // B -> C

        MvcTestResult refused = api.depend(contributor, a, c); // C -> A would close the loop
        assertThat(refused).hasStatus(400);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/dependency-cycle");
        assertThat((List<String>) Json.read(refused, "$.cycle")).containsExactly("A", "B", "C", "A");
        assertThat((String) Json.read(refused, "$.detail")).contains("A → B → C → A");
        assertThat((List<?>) api.read(viewer, a, "$.predecessors")).isEmpty();
        // a two-task loop too
        assertThat((List<String>) Json.read(api.depend(contributor, a, b), "$.cycle")).containsExactly("A", "B", "A");
    }

    @Test
    void dependenciesStayWithinOneCampaignAndAreUnique() {
        String a = api.task(contributor, campaign, "Here");
        String elsewhere = api.task(contributor, api.campaign(owner, "Elsewhere"), "There");

        MvcTestResult across = api.depend(contributor, a, elsewhere);
        assertThat(across).hasStatus(400);
        assertThat((List<String>) Json.read(across, "$.errors[*].field")).containsExactly("predecessorId");
        assertThat((List<String>) Json.read(across, "$.errors[*].message")).containsExactly("must be a task of the same campaign");
        assertThat(api.depend(contributor, a, a)).hasStatus(400);
        assertThat(api.post(contributor, "/api/v1/tasks/" + a + "/dependencies", "{}")).hasStatus(400);

        String b = api.task(contributor, campaign, "Next");
        assertThat(api.depend(contributor, b, a)).hasStatus(201);
        MvcTestResult twice = api.depend(contributor, b, a);
        assertThat(twice).hasStatus(409);
        assertThat((String) Json.read(twice, "$.type")).endsWith("/duplicate-dependency");
    }

    @Test
    void dependenciesAreListedAndRemoved() {
        String a = api.task(contributor, campaign, "First");
        String b = api.task(contributor, campaign, "Second");
        MvcTestResult added = api.depend(contributor, b, a);
        assertThat((List<String>) Json.read(added, "$.predecessors[*].title")).containsExactly("First");

        MvcTestResult list = api.get(viewer, "/api/v1/tasks/" + a + "/dependencies");
        assertThat(list).hasStatusOk();
        assertThat((List<String>) Json.read(list, "$.successors[*].title")).containsExactly("Second");
        assertThat((List<?>) Json.read(list, "$.predecessors")).isEmpty();

        assertThat(api.delete(contributor, "/api/v1/tasks/" + b + "/dependencies/" + a)).hasStatusOk();
        assertThat((List<?>) api.read(viewer, b, "$.predecessors")).isEmpty();
        assertThat(api.delete(contributor, "/api/v1/tasks/" + b + "/dependencies/" + a)).hasStatus(404);
    }
}
