package io.flightdeck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Campaigns for tests of other things, created through the campaigns API as a member would:
 * {@code campaigns.create(owner, name)} for a bare draft, or {@code campaigns.draft(name).type(...).dates(...)
 * .createdBy(owner)} when a test needs a type, priority, dates, channels, a budget or a description. Answers the new
 * campaign's id. Tests of campaign creation itself send their own requests, so they see every answer.
 */
@TestComponent
public final class TestCampaigns {

    private final ApiClient api;

    public TestCampaigns(ApiClient api) {
        this.api = api;
    }

    /**
     * A draft of type OTHER with nothing else said: no dates and no template, so no timeline comes with it. Answers
     * its id.
     */
    public String create(Member as, String name) {
        return draft(name).createdBy(as);
    }

    /** A campaign to describe further before {@link Draft#createdBy} creates it; type OTHER unless changed. */
    public Draft draft(String name) {
        return new Draft(name);
    }

    /** The fields of one create request; each setter answers this draft. Fields left unset are left out. */
    public final class Draft {

        private final Map<String, Object> body = new LinkedHashMap<>();

        private Draft(String name) {
            body.put("name", name);
            body.put("type", "OTHER");
        }

        public Draft type(String type) {
            body.put("type", type);
            return this;
        }

        public Draft priority(String priority) {
            body.put("priority", priority);
            return this;
        }

        public Draft description(String description) {
            body.put("description", description);
            return this;
        }

        /** The start and end dates; either may be null, which leaves it out. */
        public Draft dates(LocalDate start, LocalDate end) {
            if (start != null) {
                body.put("startDate", start.toString());
            }
            if (end != null) {
                body.put("endDate", end.toString());
            }
            return this;
        }

        public Draft channels(String... channels) {
            body.put("channels", List.of(channels));
            return this;
        }

        /** The budget; the amount as written (5000.00 stays 5000.00). */
        public Draft budget(String amount, String currency) {
            body.put("budget", Map.of("amount", new BigDecimal(amount), "currency", currency));
            return this;
        }

        /** Creates the campaign as the member (who must be allowed to) and answers its id; fails unless 201. */
        public String createdBy(Member as) {
            MvcTestResult created = api.as(as).post("/api/v1/campaigns", body);
            assertThat(created).as(Json.body(created)).hasStatus(201);
            return Json.read(created, "$.id");
        }
    }
}
