package io.flightdeck.shared;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates and instants in request bodies are ISO-8601 strings; a number or an array is a 400 naming the field. */
@FlightdeckTest
class DateInputTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    TestWorkspaces workspaces;

    Member owner;

    @BeforeEach
    void workspace() {
        owner = workspaces.workspace("Dates");
    }

    private static void assertNamesField(MvcTestResult result, String field, String mustBe) {
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(result, "$.errors[0].field")).isEqualTo(field);
        assertThat((String) Json.read(result, "$.errors[0].message")).contains(mustBe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "[2027,3,1]", "1.5", "true", "{\"year\":2027}"})
    void aCampaignsStartDateIsOnlyAnIsoString(String value) {
        MvcTestResult result = api.as(owner).post("/api/v1/campaigns",
                "{\"name\":\"Numeric date\",\"type\":\"OTHER\",\"startDate\":" + value + "}");
        assertNamesField(result, "startDate", "ISO-8601 date");
        assertThat(Json.body(api.as(owner).get("/api/v1/campaigns?q=Numeric"))).contains("\"total\":0");
    }

    @Test
    void updatingACampaignWithANumberForADateIsRefused() {
        String id = campaigns.create(owner, "Dated");
        assertNamesField(api.as(owner).put("/api/v1/campaigns/" + id, "{\"name\":\"Dated\",\"type\":\"OTHER\",\"endDate\":12345}"),
                "endDate", "ISO-8601 date");
        assertThat(Json.body(api.as(owner).get("/api/v1/campaigns/" + id))).contains("\"endDate\":null");
    }

    @Test
    void aTasksDueDateIsOnlyAnIsoString() {
        String id = campaigns.create(owner, "Dated");
        assertNamesField(api.as(owner).post("/api/v1/campaigns/" + id + "/tasks", "{\"title\":\"Brief\",\"dueDate\":20270301}"),
                "dueDate", "ISO-8601 date");
    }

    @Test
    void anIsoStringStillWorksAndAMalformedOneSaysWhatIsExpected() {
        assertThat(api.as(owner).post("/api/v1/campaigns", "{\"name\":\"ISO\",\"type\":\"OTHER\",\"startDate\":\"2027-03-01\"}"))
                .hasStatus(201);
        assertNamesField(api.as(owner).post("/api/v1/campaigns", "{\"name\":\"ISO\",\"type\":\"OTHER\",\"startDate\":\"01/03/2027\"}"),
                "startDate", "ISO-8601 date");
    }
}
