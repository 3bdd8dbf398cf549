package io.flightdeck.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@FlightdeckTest
class AuthApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JwtEncoder jwtEncoder;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult postJson(String uri, String json) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void signUpCreatesAWorkspaceAndAnswersWithAToken() {
        String email = TestWorkspaces.uniqueEmail("signup");
        MvcTestResult result = postJson("/api/v1/auth/signup", """
                {"workspaceName":"Acme Growth","displayName":"Ada Lovelace","email":"%s","password":"%s","timeZone":"Europe/Paris"}
                """.formatted(email, TestWorkspaces.PASSWORD));
        assertThat(result).hasStatus(201);
        assertThat((String) Json.read(result, "$.role")).isEqualTo("OWNER");
        assertThat((String) Json.read(result, "$.workspaceSlug")).startsWith("acme-growth");

        MvcTestResult me = mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + Json.read(result, "$.accessToken")).exchange();
        assertThat(me).hasStatusOk();
        assertThat((String) Json.read(me, "$.displayName")).isEqualTo("Ada Lovelace");
        assertThat((String) Json.read(me, "$.timeZone")).isEqualTo("Europe/Paris");
    }

    @Test
    void signUpWithATakenEmailIsAConflict() {
        Member owner = workspaces.workspace("Taken");
        MvcTestResult result = postJson("/api/v1/auth/signup", """
                {"workspaceName":"Again","displayName":"Someone","email":"%s","password":"%s"}
                """.formatted(owner.email(), TestWorkspaces.PASSWORD));
        assertThat(result).hasStatus(409);
        assertThat((String) Json.read(result, "$.type")).endsWith("/email-taken");
    }

    @Test
    void signUpRejectsBadInputFieldByField() {
        MvcTestResult result = postJson("/api/v1/auth/signup", """
                {"workspaceName":"","displayName":"X","email":"not-an-email","password":"short"}""");
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.body(result)).contains("\"field\":\"workspaceName\"").contains("\"field\":\"email\"");

        MvcTestResult weak = postJson("/api/v1/auth/signup", """
                {"workspaceName":"W","displayName":"X","email":"%s","password":"short"}""".formatted(TestWorkspaces.uniqueEmail("weak")));
        assertThat(weak).hasStatus(400);
        assertThat(Json.body(weak)).contains("\"field\":\"password\"").contains("at least 10 characters");

        MvcTestResult zone = postJson("/api/v1/auth/signup", """
                {"workspaceName":"W","displayName":"X","email":"%s","password":"%s","timeZone":"Mars/Olympus"}"""
                .formatted(TestWorkspaces.uniqueEmail("zone"), TestWorkspaces.PASSWORD));
        assertThat(zone).hasStatus(400);
        assertThat(Json.body(zone)).contains("\"field\":\"timeZone\"");
    }

    @Test
    void tokenForTheRightPasswordAndWorkspace() {
        Member owner = workspaces.workspace("Token");
        MvcTestResult result = postJson("/api/v1/auth/token", """
                {"email":"%s","password":"%s","workspace":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD, owner.workspaceId()));
        assertThat(result).hasStatusOk();
        assertThat((String) Json.read(result, "$.tokenType")).isEqualTo("Bearer");
        assertThat((Integer) Json.read(result, "$.expiresIn")).isEqualTo(900);
    }

    @Test
    void tokenForAWorkspaceTheUserIsNotInIsNotFound() {
        Member owner = workspaces.workspace("Mine");
        Member other = workspaces.workspace("Theirs");
        MvcTestResult result = postJson("/api/v1/auth/token", """
                {"email":"%s","password":"%s","workspace":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD, other.workspaceId()));
        assertThat(result).hasStatus(404);
    }

    @Test
    void wrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
        Member owner = workspaces.workspace("Throttle");
        for (int i = 0; i < 5; i++) {
            MvcTestResult wrong = postJson("/api/v1/auth/token", """
                    {"email":"%s","password":"wrong-password-%d"}""".formatted(owner.email(), i));
            assertThat(wrong).hasStatus(401);
            assertThat((String) Json.read(wrong, "$.type")).endsWith("/invalid-credentials");
        }
        MvcTestResult throttled = postJson("/api/v1/auth/token", """
                {"email":"%s","password":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD));
        assertThat(throttled).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat((String) Json.read(throttled, "$.detail")).contains("Too many failed sign-ins for this account");
        assertThat(Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);

        clock.advance(Duration.ofMinutes(16));
        assertThat(postJson("/api/v1/auth/token", """
                {"email":"%s","password":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD))).hasStatusOk();
    }

    @Test
    void manyFailuresFromOneAddressThrottleThatAddress() {
        Member owner = workspaces.workspace("Address throttle");
        String address = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"%s\",\"password\":\"guess-%d\"}".formatted(TestWorkspaces.uniqueEmail("guess"), i))
                    .with(request -> { request.setRemoteAddr(address); return request; }).exchange()).hasStatus(401);
        }
        MvcTestResult fromThere = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(owner.email(), TestWorkspaces.PASSWORD))
                .with(request -> { request.setRemoteAddr(address); return request; }).exchange();
        assertThat(fromThere).hasStatus(429);
        assertThat((String) Json.read(fromThere, "$.detail")).contains("from your network address");
        MvcTestResult fromElsewhere = postJson("/api/v1/auth/token", """
                {"email":"%s","password":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD));
        assertThat(fromElsewhere).hasStatusOk();
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndBearerAuth() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        assertThat(Json.body(docs)).contains("\"/api/v1/members\"").contains("\"/api/v1/auth/token\"")
                .contains("\"bearer\"").doesNotContain("\"/login\"");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
        MvcTestResult result = postJson("/api/v1/auth/token", """
                {"email":"%s","password":"whatever-it-is"}""".formatted(TestWorkspaces.uniqueEmail("nobody")));
        assertThat(result).hasStatus(401);
        assertThat((String) Json.read(result, "$.detail")).isEqualTo("The email or password is not correct");
    }

    @Test
    void expiredJwtIsRefused() {
        Member owner = workspaces.workspace("Expired");
        String token = jwt(owner, Instant.now().minus(Duration.ofHours(1)), Instant.now().minus(Duration.ofMinutes(5)));
        MvcTestResult result = mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
        assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(result, "$.detail")).contains("expired");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
    }

    @Test
    void tamperedJwtIsRefused() {
        Member owner = workspaces.workspace("Tampered");
        String token = owner.token();
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("A") ? "BBB" : "AAA");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tampered).exchange()).hasStatus(401);
    }

    @Test
    void jwtOfARemovedMemberStopsWorkingAtOnce() {
        Member owner = workspaces.workspace("Removal");
        Member viewer = workspaces.addMember(owner, io.flightdeck.shared.security.Role.VIEWER);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, viewer.bearer()).exchange()).hasStatusOk();
        String membershipId = membershipIdOf(owner, viewer.userId());
        assertThat(mvc.delete().uri("/api/v1/members/" + membershipId).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange())
                .hasStatus(204);
        MvcTestResult after = mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, viewer.bearer()).exchange();
        assertThat(after).hasStatus(401);
        assertThat((String) Json.read(after, "$.detail")).contains("no longer a member");
    }

    private String membershipIdOf(Member admin, UUID userId) {
        MvcTestResult list = mvc.get().uri("/api/v1/members?size=100").header(HttpHeaders.AUTHORIZATION, admin.bearer()).exchange();
        java.util.List<String> ids = Json.read(list, "$.items[?(@.userId == '" + userId + "')].id");
        return ids.get(0);
    }

    private String jwt(Member member, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("flightdeck").subject(member.userId().toString())
                .issuedAt(issuedAt).expiresAt(expiresAt).claim("ws", member.workspaceId().toString()).build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
