package io.flightdeck.identity;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The web UI's sessions live in the database (Spring Session JDBC): what a session holds (the signed-in account, the
 * page asked for before signing in, a flash message, the workspace) is written there and reads back, and signing
 * out deletes it. Two nodes sharing these rows is TwoNodesTests' part.
 */
@FlightdeckTest
class WebSessionStoreTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient db;

    private MockHttpSession signIn(Member member, MockHttpSession session) {
        var login = mvc.post().uri("/login").param("email", member.email()).param("password", TestWorkspaces.PASSWORD)
                .with(csrf());
        MvcTestResult result = (session == null ? login : login.session(session)).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession();
    }

    private List<Map<String, Object>> attributesOf(String email) {
        return db.sql("""
                select a.attribute_name, a.attribute_bytes from spring_session s
                join spring_session_attributes a on a.session_primary_id = s.primary_id where s.principal_name = ?""")
                .param(email).query().listOfRows();
    }

    private static Object deserialise(Object bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream((byte[]) bytes))) {
            return in.readObject();
        }
    }

    @Test
    void aSignedInSessionIsARowInTheDatabaseWhoseEveryAttributeReadsBack() throws Exception {
        Member owner = workspaces.workspace("Stored session");
        MockHttpSession session = signIn(owner, null);
        // a page that stores the workspace, a form that leaves a flash message for the next page
        assertThat(mvc.get().uri("/profile").session(session).exchange()).hasStatusOk();
        assertThat(mvc.post().uri("/profile").session(session).with(csrf()).param("displayName", "Ada Stored")
                .param("timeZone", "Europe/Paris").exchange()).hasRedirectedUrl("/profile");

        List<Map<String, Object>> attributes = attributesOf(owner.email());
        assertThat(attributes).extracting(row -> row.get("attribute_name")).contains("SPRING_SECURITY_CONTEXT",
                "flightdeck.workspaceId", "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");
        for (Map<String, Object> row : attributes) {
            assertThat(deserialise(row.get("attribute_bytes"))).as("%s", row.get("attribute_name")).isNotNull();
        }
        Object flashes = deserialise(attributes.stream().filter(row -> row.get("attribute_name").toString().endsWith("FLASH_MAPS"))
                .findFirst().orElseThrow().get("attribute_bytes"));
        assertThat(flashes.toString()).contains(Flash.success("Profile saved").toString());

        assertThat(mvc.get().uri("/profile").session(session).exchange()).hasStatusOk().bodyText().contains("Profile saved");
    }

    @Test
    void thePageAskedForBeforeSigningInIsOpenedAfterIt() {
        Member owner = workspaces.workspace("Saved request");
        MvcTestResult asked = mvc.get().uri("/members").exchange();
        assertThat(asked).hasStatus3xxRedirection();
        MockHttpSession session = (MockHttpSession) asked.getRequest().getSession();

        MvcTestResult signedIn = mvc.post().uri("/login").session(session).param("email", owner.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/members?continue");
    }

    @Test
    void signingOutDeletesTheSessionRow() {
        Member owner = workspaces.workspace("Session row gone");
        MockHttpSession session = signIn(owner, null);
        assertThat(attributesOf(owner.email())).isNotEmpty();

        assertThat(mvc.post().uri("/logout").session(session).with(csrf()).exchange()).hasRedirectedUrl("/login?signedOut");
        assertThat(sessionsOf(owner.email())).isZero();
        assertThat(mvc.get().uri("/profile").session(session).exchange()).hasStatus3xxRedirection();
    }

    @Test
    void aRememberMeCookieOpensANewStoredSession() {
        Member owner = workspaces.workspace("Remembered session");
        MvcTestResult result = mvc.post().uri("/login").param("email", owner.email())
                .param("password", TestWorkspaces.PASSWORD).param("remember-me", "on").with(csrf()).exchange();
        Cookie remembered = result.getResponse().getCookie("flightdeck-remember-me");
        assertThat(sessionsOf(owner.email())).isEqualTo(1);

        // the browser comes back after its session ended: the cookie signs it in, and the new session is stored too
        MvcTestResult again = mvc.get().uri("/profile").cookie(remembered).exchange();
        assertThat(again).hasStatusOk();
        assertThat(sessionsOf(owner.email())).isEqualTo(2);
        MockHttpSession session = (MockHttpSession) again.getRequest().getSession();
        assertThat(mvc.get().uri("/profile").session(session).exchange()).hasStatusOk();
    }

    @Test
    void aStoredAttributeThatNoLongerReadsSignsThePersonOutInsteadOfFailing() {
        Member owner = workspaces.workspace("Unreadable session");
        MockHttpSession session = signIn(owner, null);
        assertThat(mvc.get().uri("/profile").session(session).exchange()).hasStatusOk();

        // as if another build had written it: a class that changed since, or bytes this build cannot read
        db.sql("""
                update spring_session_attributes set attribute_bytes = ? where attribute_name = 'SPRING_SECURITY_CONTEXT'
                and session_primary_id in (select primary_id from spring_session where principal_name = ?)""")
                .params(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 's', 'r', 0, 1, 'X'}, owner.email()).update();
        MvcTestResult page = mvc.get().uri("/profile").session(session).exchange();
        assertThat(page).hasStatus3xxRedirection();
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    private long sessionsOf(String email) {
        return db.sql("select count(*) from spring_session where principal_name = ?").param(email).query(Long.class).single();
    }
}
