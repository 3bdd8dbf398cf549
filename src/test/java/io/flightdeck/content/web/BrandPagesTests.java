package io.flightdeck.content.web;

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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The brands pages: create with errors beside their fields, edit, default, archive with undo; managers only write. */
@FlightdeckTest
class BrandPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    @Test
    void aRefusedBrandKeepsWhatWasTypedAndMarksEveryWrongField() {
        Member owner = workspaces.workspace("Brand form errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = web.post(session, "/settings/brands", "name", " ", "voice", "Warm and plain",
                "hashtags", "#Good bad-tag", "colours", "brown");
        assertThat(refused).hasStatusOk().bodyText().contains("Name the brand")
                .contains("&#39;bad-tag&#39; is not a hashtag").contains("&#39;brown&#39; is not a colour like #1a2b3c")
                .contains("3 fields need a change").contains("Warm and plain").contains("value=\"#Good bad-tag\"")
                .contains("value=\"brown\"").contains("aria-describedby=\"colours-error\"")
                .doesNotContain("must not be blank");
        assertThat((java.util.List<?>) Json.read(api.as(owner).get("/api/v1/content/brands"), "$")).isEmpty();
    }

    @Test
    void aManagerCreatesEditsAndArchivesABrand() {
        Member owner = workspaces.workspace("Brand pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/settings/brands")).contains("No brands yet").contains("New brand");

        MvcTestResult bad = web.post(session, "/settings/brands", "name", "Northwind", "colours", "brown");
        assertThat(bad).hasStatusOk().bodyText().contains("is not a colour like #1a2b3c");
        MvcTestResult clash = web.post(session, "/settings/brands", "name", "Northwind", "wordsToUse", "cheap",
                "wordsToAvoid", "cheap");
        assertThat(clash).hasStatusOk().bodyText().contains("is both a word to use and one to avoid");
        assertThat((java.util.List<?>) Json.read(api.as(owner).get("/api/v1/content/brands"), "$")).isEmpty();

        MvcTestResult created = web.post(session, "/settings/brands", "name", "Northwind", "voice", "Warm and plain",
                "wordsToAvoid", "cheap\nsynergy", "hashtags", "#Northwind SlowMornings", "colours", "#3B2416, #f4e9dc",
                "legalFooter", "Terms apply.");
        assertThat(created).hasStatus3xxRedirection();
        String id = created.getResponse().getRedirectedUrl().substring("/settings/brands/".length());
        MvcTestResult read = api.as(owner).get("/api/v1/content/brands/" + id);
        assertThat((java.util.List<String>) Json.read(read, "$.hashtags")).containsExactly("#Northwind", "#SlowMornings");
        assertThat((java.util.List<String>) Json.read(read, "$.colours")).containsExactly("#3b2416", "#f4e9dc");
        assertThat((Boolean) Json.read(read, "$.isDefault")).isTrue();
        assertThat(web.page(session, "/settings/brands")).contains("Northwind").contains("Default");

        assertThat(web.post(session, "/settings/brands/" + id + "/archive")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/settings/brands?archived=true")).contains("Northwind");
        assertThat(web.post(session, "/settings/brands/" + id + "/restore")).hasStatus3xxRedirection();
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/content/brands/" + id), "$.archived")).isFalse();

        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession theirs = web.signIn(contributor);
        assertThat(web.page(theirs, "/settings/brands/" + id)).contains("Northwind").doesNotContain("Save brand");
        assertThat(web.post(theirs, "/settings/brands/" + id, "name", "Renamed")).hasStatus(403);
    }
}
