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
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning settings: defaults without a row, changes by managers with If-Match, validation, per workspace. */
@FlightdeckTest
class PlanningSettingsApiTests {

    static final String SETTINGS = PlanningRequests.SETTINGS;
    static final String BODY = """
            {"autoTimeline":false,"bufferUrgent":%d,"bufferHigh":12,"bufferMedium":18,"bufferLow":25,
             "holidays":["2026-12-25","2026-12-24","2026-12-25"]}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private PlanningRequests api;
    private Member owner;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
        owner = workspaces.workspace("Planning settings");
    }

    @Test
    void theDefaultsApplyUntilAManagerChangesThem() {
        MvcTestResult defaults = api.get(workspaces.addMember(owner, Role.VIEWER), SETTINGS);
        assertThat(defaults).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(Json.body(defaults)).isEqualToIgnoringWhitespace("""
                {"autoTimeline":true,"bufferUrgent":5,"bufferHigh":10,"bufferMedium":15,"bufferLow":20,
                 "holidays":[],"version":0}""");

        Member manager = workspaces.addMember(owner, Role.MANAGER);
        MvcTestResult changed = api.put(manager, SETTINGS, BODY.formatted(3), "\"0\"");
        assertThat(changed).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat((Boolean) Json.read(changed, "$.autoTimeline")).isFalse();
        assertThat((Integer) Json.read(changed, "$.bufferUrgent")).isEqualTo(3);
        assertThat((List<String>) Json.read(changed, "$.holidays")).containsExactly("2026-12-24", "2026-12-25");
        assertThat(api.put(manager, SETTINGS, BODY.formatted(4), "\"0\"")).hasStatus(412);

        // another workspace keeps its own defaults
        Member stranger = workspaces.workspace("Other planning settings");
        assertThat((Integer) Json.read(api.get(stranger, SETTINGS), "$.bufferUrgent")).isEqualTo(5);
        assertThat((Boolean) Json.read(api.get(stranger, SETTINGS), "$.autoTimeline")).isTrue();
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertField(api.put(owner, SETTINGS, BODY.formatted(101)), "bufferUrgent");
        assertField(api.put(owner, SETTINGS, BODY.formatted(-1)), "bufferUrgent");
        assertField(api.put(owner, SETTINGS, BODY.formatted(5).replace("\"bufferLow\":25", "\"bufferLow\":null")), "bufferLow");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(java.time.LocalDate.parse("2027-01-01").plusDays(i)).append('"');
        }
        assertField(api.put(owner, SETTINGS, BODY.formatted(5).replaceAll("\"holidays\":\\[.*]", "\"holidays\":[" + many + "]")),
                "holidays");
        MvcTestResult notADate = api.put(owner, SETTINGS, BODY.formatted(5).replace("2026-12-24", "Christmas Eve"));
        assertThat(notADate).hasStatus(400);
        assertThat((Integer) Json.read(api.get(owner, SETTINGS), "$.bufferUrgent")).isEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBadValueOfOneChangeIsListed() {
        MvcTestResult refused = api.put(owner, SETTINGS, BODY.formatted(101).replace("\"bufferLow\":25", "\"bufferLow\":-3"));
        assertThat(refused).hasStatus(400);
        // Bean Validation reports its violations in no set order
        assertThat((java.util.List<String>) Json.read(refused, "$.errors[*].field")).containsExactlyInAnyOrder("bufferUrgent", "bufferLow");
    }

    private static void assertField(MvcTestResult refused, String field) {
        assertThat(refused).as(Json.body(refused)).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field);
    }

    @Test
    void onlyManagersChangeTheSettings() {
        for (Role role : List.of(Role.CONTRIBUTOR, Role.APPROVER, Role.VIEWER)) {
            Member member = workspaces.addMember(owner, role);
            assertThat(api.get(member, SETTINGS)).hasStatusOk();
            assertThat(api.put(member, SETTINGS, BODY.formatted(5))).as("%s", role).hasStatus(403);
        }
        assertThat(api.put(workspaces.addMember(owner, Role.ADMIN), SETTINGS, BODY.formatted(5))).hasStatusOk();
    }
}
