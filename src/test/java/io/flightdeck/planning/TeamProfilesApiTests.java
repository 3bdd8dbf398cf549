package io.flightdeck.planning;

import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.TeamRequests.MEMBERS;
import static io.flightdeck.planning.TeamRequests.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

/** Planning profiles: defaults, validation per rule, who may change whose, ETags, tenancy and the skills overview. */
@FlightdeckTest
@SuppressWarnings("unchecked")
class TeamProfilesApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private TeamRequests api;
    private Member owner;
    private Member manager;
    private Member contributor;
    private Member viewer;

    @BeforeEach
    void setUp() {
        api = new TeamRequests(mvc);
        owner = workspaces.workspace("Team profiles");
        manager = workspaces.addMember(owner, Role.MANAGER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
    }

    @Test
    void everyProblemOfOneChangeIsListedAndNothingIsWritten() {
        MvcTestResult refused = api.profile(contributor, contributor, "{\"jobTitle\":\"" + "t".repeat(121)
                + "\",\"timeZone\":\"Mars/Olympus\",\"capacityPct\":150,\"weeklyHours\":{\"MONDAY\":30}}");
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactlyInAnyOrder("jobTitle", "timeZone",
                "weeklyHours.MONDAY", "capacityPct");
        assertThat((Boolean) Json.read(api.get(viewer, MEMBERS + contributor.userId()), "$.customised")).isFalse();
    }

    @Test
    void membersWithoutAProfileShowTheDefaults() {
        MvcTestResult list = api.get(viewer, "/api/v1/team/members");
        assertThat(list).hasStatusOk();
        assertThat((List<String>) Json.read(list, "$[*].userId")).containsExactlyInAnyOrder(owner.userId().toString(),
                manager.userId().toString(), contributor.userId().toString(), viewer.userId().toString());
        assertThat((List<String>) Json.read(list, "$[*].timeZone")).containsOnly("UTC");
        assertThat((List<Integer>) Json.read(list, "$[*].capacityPct")).containsOnly(100);
        assertThat((List<Boolean>) Json.read(list, "$[*].customised")).containsOnly(false);

        MvcTestResult one = api.get(viewer, MEMBERS + contributor.userId());
        assertThat(one).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat((Map<String, Double>) Json.read(one, "$.weeklyHours")).containsExactly(
                Map.entry("MONDAY", 8.0), Map.entry("TUESDAY", 8.0), Map.entry("WEDNESDAY", 8.0),
                Map.entry("THURSDAY", 8.0), Map.entry("FRIDAY", 8.0), Map.entry("SATURDAY", 0.0),
                Map.entry("SUNDAY", 0.0));
        assertThat((Map<String, Object>) Json.read(one, "$.skills")).isEmpty();
        assertThat((Double) Json.read(one, "$.weeklyCapacityHours")).isEqualTo(40.0);
        assertThat((String) Json.read(one, "$.role")).isEqualTo("CONTRIBUTOR");
    }

    @Test
    void aManagerChangesAProfileAndSkillNamesAreNormalised() {
        MvcTestResult changed = api.profile(manager, contributor, """
                {"jobTitle":"  Content designer ","timeZone":"Europe/Berlin",
                 "weeklyHours":{"monday":6,"TUESDAY":6,"Wednesday":6.5},
                 "skills":{"Copywriting":4,"Social Media":3,"seo":1},"capacityPct":80}""");
        assertThat(changed).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat((String) Json.read(changed, "$.jobTitle")).isEqualTo("Content designer");
        assertThat((String) Json.read(changed, "$.timeZone")).isEqualTo("Europe/Berlin");
        assertThat((Map<String, Double>) Json.read(changed, "$.weeklyHours")).containsEntry("MONDAY", 6.0)
                .containsEntry("WEDNESDAY", 6.5).containsEntry("THURSDAY", 0.0).containsEntry("FRIDAY", 0.0);
        assertThat((Map<String, Integer>) Json.read(changed, "$.skills")).containsExactly(
                Map.entry("copywriting", 4), Map.entry("seo", 1), Map.entry("social-media", 3));
        // (6 + 6 + 6.5) h at 80 %
        assertThat((Double) Json.read(changed, "$.weeklyCapacityHours")).isEqualTo(14.8);
        assertThat((Boolean) Json.read(changed, "$.customised")).isTrue();

        // null fields keep their values
        MvcTestResult again = api.profile(manager, contributor, "{\"capacityPct\":50}");
        assertThat(again).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
        assertThat((String) Json.read(again, "$.jobTitle")).isEqualTo("Content designer");
        assertThat((Map<String, Integer>) Json.read(again, "$.skills")).hasSize(3);

        MvcTestResult skills = api.get(viewer, "/api/v1/team/skills");
        assertThat((List<String>) Json.read(skills, "$[*].name")).containsExactly("copywriting", "seo", "social-media");
        assertThat((Integer) Json.read(skills, "$[0].members")).isEqualTo(1);
        assertThat((Integer) Json.read(skills, "$[0].levels['4']")).isEqualTo(1);
        assertThat((Integer) Json.read(skills, "$[0].levels['1']")).isZero();
        assertThat((String) Json.read(skills, "$[0].holders[0].userId")).isEqualTo(contributor.userId().toString());
    }

    @Test
    void theSkillsOverviewCountsMembersPerLevel() {
        api.profile(owner, contributor, "{\"skills\":{\"seo\":3,\"design\":5}}");
        api.profile(owner, manager, "{\"skills\":{\"seo\":3}}");
        api.profile(owner, owner, "{\"skills\":{\"seo\":5}}");

        MvcTestResult skills = api.get(viewer, "/api/v1/team/skills");
        assertThat((List<String>) Json.read(skills, "$[*].name")).containsExactly("seo", "design");
        assertThat((Integer) Json.read(skills, "$[0].members")).isEqualTo(3);
        assertThat((Map<String, Integer>) Json.read(skills, "$[0].levels")).containsExactly(Map.entry("1", 0),
                Map.entry("2", 0), Map.entry("3", 2), Map.entry("4", 0), Map.entry("5", 1));
        assertThat((List<Integer>) Json.read(skills, "$[0].holders[*].level")).containsExactly(5, 3, 3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "job title too long     | {\"jobTitle\":\"%s\"}                                  | jobTitle",
            "unknown time zone      | {\"timeZone\":\"Mars/Olympus\"}                        | timeZone",
            "blank time zone        | {\"timeZone\":\" \"}                                   | timeZone",
            "negative hours         | {\"weeklyHours\":{\"MONDAY\":-1}}                      | weeklyHours.MONDAY",
            "over 24 hours          | {\"weeklyHours\":{\"friday\":24.5}}                    | weeklyHours.FRIDAY",
            "no such weekday        | {\"weeklyHours\":{\"FUNDAY\":4}}                       | weeklyHours.FUNDAY",
            "skill level zero       | {\"skills\":{\"seo\":0}}                               | skills.seo",
            "skill level six        | {\"skills\":{\"SEO\":6}}                               | skills.seo",
            "skill starts with digit| {\"skills\":{\"3d\":2}}                                | skills.3d",
            "skill with symbols     | {\"skills\":{\"c++\":2}}                               | skills.c++",
            "skill name too long    | {\"skills\":{\"a1234567890123456789012345678901234567890\":2}} | skills.a1234567890123456789012345678901234567890",
            "skill twice            | {\"skills\":{\"SEO\":2,\"seo\":3}}                      | skills.seo",
            "capacity over 100      | {\"capacityPct\":101}                                  | capacityPct",
            "capacity negative      | {\"capacityPct\":-5}                                   | capacityPct"})
    void eachRuleRefusesNamingTheField(String what, String body, String field) {
        assertFieldError(api.profile(manager, contributor, body.replace("%s", "x".repeat(121))), field);
        assertThat((Boolean) Json.read(api.get(viewer, MEMBERS + contributor.userId()), "$.customised")).isFalse();
    }

    @Test
    void atMostThirtySkills() {
        StringBuilder skills = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            skills.append(i == 0 ? "" : ",").append("\"skill-").append(i).append("\":2");
        }
        assertFieldError(api.profile(manager, contributor, "{\"skills\":{" + skills + "}}"), "skills");
        String thirty = skills.substring(0, skills.lastIndexOf(","));
        assertThat(api.profile(manager, contributor, "{\"skills\":{" + thirty + "}}")).hasStatusOk();
    }

    @Test
    void aContributorChangesTheirOwnProfileButNotSomeoneElses() {
        assertThat(api.profile(contributor, contributor, "{\"jobTitle\":\"Writer\"}")).hasStatusOk();
        assertThat(api.profile(contributor, manager, "{\"jobTitle\":\"Boss\"}")).hasStatus(403);
        assertThat((String) Json.read(api.get(owner, MEMBERS + manager.userId()), "$.jobTitle")).isNull();
    }

    @Test
    void aViewerChangesNothingNotEvenTheirOwn() {
        assertThat(api.profile(viewer, viewer, "{\"jobTitle\":\"Watcher\"}")).hasStatus(403);
        assertThat(api.profile(viewer, contributor, "{\"jobTitle\":\"Watcher\"}")).hasStatus(403);
        assertThat(api.put(viewer, "/api/v1/team/schedules",
                "{\"memberIds\":[\"" + viewer.userId() + "\"],\"weeklyHours\":{\"MONDAY\":1}}")).hasStatus(403);
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        assertThat(api.putIfMatch(manager, MEMBERS + contributor.userId(), "{\"jobTitle\":\"A\"}", "\"0\""))
                .hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        MvcTestResult stale = api.putIfMatch(owner, MEMBERS + contributor.userId(), "{\"jobTitle\":\"B\"}", "\"0\"");
        assertThat(stale).hasStatus(412).hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(api.putIfMatch(owner, MEMBERS + contributor.userId(), "{\"jobTitle\":\"B\"}", "\"1\""))
                .hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
    }

    @Test
    void anotherWorkspacesMemberIsNotFound() {
        Member stranger = workspaces.workspace("Team stranger");
        assertThat(api.get(owner, MEMBERS + stranger.userId())).hasStatus(404);
        assertThat(api.profile(owner, stranger, "{\"jobTitle\":\"Spy\"}")).hasStatus(404);
        assertThat(api.get(stranger, MEMBERS + contributor.userId())).hasStatus(404);
        assertThat((List<String>) Json.read(api.get(stranger, "/api/v1/team/members"), "$[*].userId"))
                .containsExactly(stranger.userId().toString());
    }
}
