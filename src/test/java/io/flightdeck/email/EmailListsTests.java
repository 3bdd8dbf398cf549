package io.flightdeck.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email lists through the API and the pages: names unique in any case, contacts put on a list all or none, leaving one
 * list keeps the others, counts without the leavers, a removed list keeps its contacts; another workspace's contacts
 * and lists are not found; viewers read only, removing a list takes a manager.
 */
@FlightdeckTest
class EmailListsTests {

    private static final Map<String, Object> CONSENT = Map.of("source", "MANUAL", "evidence", "Asked at the fair");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void contactsGoOnListsAllOrNoneAndLeavingOneKeepsTheOthers() {
        Member owner = workspaces.workspace("Lists basics");
        String ana = contact(owner, "ana@example.com");
        String bo = contact(owner, "bo@example.com");
        String news = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Newsletter")), "$.id");
        String vip = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "VIP",
                "description", "Our best customers")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists", Map.of("name", "  newsLETTER "))).hasStatus(409);

        MvcTestResult added = api.as(owner).post("/api/v1/email/lists/" + news + "/members",
                Map.of("contactIds", List.of(ana, bo, ana)));
        assertThat((Integer) Json.read(added, "$.added")).isEqualTo(2);
        api.as(owner).post("/api/v1/email/lists/" + vip + "/members", Map.of("contactIds", List.of(ana)));
        assertThat((Integer) Json.read(api.as(owner).post("/api/v1/email/lists/" + news + "/members",
                Map.of("contactIds", List.of(ana))), "$.added")).as("already on it").isZero();

        MvcTestResult foreign = api.as(owner).post("/api/v1/email/lists/" + vip + "/members",
                Map.of("contactIds", List.of(bo, UUID.randomUUID().toString())));
        assertThat(foreign).hasStatus(400);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/lists/" + vip + "/members"),
                "$.items[*].email")).as("nothing added").containsExactly("ana@example.com");

        assertThat(api.as(owner).post("/api/v1/email/lists/" + news + "/members/" + ana + "/unsubscribe"))
                .hasStatus(204);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/lists/" + news + "/members"),
                "$.items[*].email")).containsExactly("bo@example.com");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/contacts/" + ana + "/lists"),
                "$[*].name")).containsExactly("VIP");
        assertThat(Json.<List<Integer>>read(api.as(owner).get("/api/v1/email/lists"), "$.items[*].members"))
                .containsExactly(1, 1);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + ana), "$.status"))
                .as("leaving a list is not leaving the workspace's mail").isEqualTo("SUBSCRIBED");

        api.as(owner).post("/api/v1/email/lists/" + news + "/members", Map.of("contactIds", List.of(ana)));
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/lists/" + news), "$.members")).isEqualTo(2);
        assertThat(api.as(owner).delete("/api/v1/email/lists/" + news)).hasStatus(204);
        assertThat(api.as(owner).get("/api/v1/email/lists/" + news)).hasStatus(404);
        assertThat(api.as(owner).get("/api/v1/email/contacts/" + bo)).hasStatusOk();
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + ana + "/export"),
                "$.lists[0].name")).isEqualTo("VIP");
    }

    @Test
    void badInputAnotherWorkspaceAndRoles() {
        Member owner = workspaces.workspace("Lists ours");
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Ours")), "$.id");
        String ana = contact(owner, "ana@example.com");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(UUID.randomUUID().toString());
        }
        List<String> withNull = new ArrayList<>();
        withNull.add(ana);
        withNull.add(null);
        for (Object body : List.of(Map.of("contactIds", List.of()), Map.of("contactIds", withNull),
                Map.of("contactIds", many), Map.of("contactIds", List.of("not-a-uuid")))) {
            assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", body)).hasStatus(400)
                    .hasContentType("application/problem+json");
        }
        assertThat(api.as(owner).post("/api/v1/email/lists", Map.of("name", "x".repeat(121)))).hasStatus(400);

        Member stranger = workspaces.workspace("Lists theirs");
        String theirs = Json.read(api.as(stranger).post("/api/v1/email/lists", Map.of("name", "Theirs")), "$.id");
        assertThat(api.as(stranger).get("/api/v1/email/lists/" + list)).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/email/lists/" + theirs + "/members",
                Map.of("contactIds", List.of(ana)))).as("our contact is not theirs").hasStatus(400);
        assertThat(api.as(stranger).delete("/api/v1/email/lists/" + list)).hasStatus(404);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(api.as(viewer).get("/api/v1/email/lists/" + list + "/members")).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/lists", Map.of("name", "Mine"))).hasStatus(403);
        assertThat(api.as(contributor).delete("/api/v1/email/lists/" + list)).hasStatus(403);
        assertThat(api.as(contributor).post("/api/v1/email/lists/" + list + "/members",
                Map.of("contactIds", List.of(ana)))).hasStatusOk();
    }

    @Test
    void theListPagesPutContactsOnByAddressAndFromTheirPage() throws Exception {
        Member owner = workspaces.workspace("List pages");
        MockHttpSession session = web.signIn(owner);
        String ana = contact(owner, "ana@example.com");
        assertThat(web.page(session, "/email/lists")).contains("No lists yet");
        assertThat(web.post(session, "/email/lists", "name", "")).hasStatus(400);
        MvcTestResult made = web.post(session, "/email/lists", "name", "Spring news");
        assertThat(made).hasStatus3xxRedirection();
        String location = made.getResponse().getRedirectedUrl();
        assertThat(web.page(session, location)).contains("Nobody on it yet");

        MvcTestResult unknown = web.post(session, location + "/members", "email", "nobody@example.com");
        assertThat(unknown).hasStatus(400);
        assertThat(unknown.getResponse().getContentAsString()).contains("No contact has this address");
        assertThat(web.post(session, location + "/members", "email", "ANA@example.com")).hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("ana@example.com", "1 contact on it");

        String other = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Autumn news")), "$.id");
        assertThat(web.page(session, "/email/contacts/" + ana)).contains("Spring news", "Autumn news", "Put on a list");
        assertThat(web.post(session, "/email/contacts/" + ana + "/lists", "listId", other)).hasStatus3xxRedirection();
        assertThat(web.page(session, "/email/lists/" + other)).contains("ana@example.com");
        assertThat(web.post(session, location + "/members/" + ana + "/unsubscribe", "back", "contact"))
                .hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("Nobody on it yet");
    }

    private String contact(Member owner, String email) {
        return Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", email, "consent", CONSENT)),
                "$.id");
    }
}
