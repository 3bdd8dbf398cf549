package io.flightdeck.identity.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.flightdeck.identity.domain.IdentityProperties;
import io.flightdeck.identity.domain.ApiKeys;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.ratelimit.RateLimits;
import io.flightdeck.shared.security.CsrfExemptPaths;
import io.flightdeck.shared.security.FormTargets;
import io.flightdeck.shared.security.InlineStylePages;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Two filter chains: the API and the MCP endpoint (Bearer JWT or API key, stateless, problem-document errors) and
 * the web UI (form sign-in, session, CSRF, remember-me). The UI's sessions live in the database (Spring Session JDBC), so any node
 * serves any request; signing out deletes the session row and Spring Session expires its cookie. Both end in {@link ActorContextFilter}, which opens the workspace scope.
 * Endpoints check roles with {@code @PreAuthorize}. Every answer carries the security headers: a strict
 * Content-Security-Policy on the API's JSON, the pages' nonce-based one ({@link PagePolicy}) on the UI, and Spring
 * Security's defaults (nosniff, frames denied, HSTS over https). Form sign-in uses the one {@link ThrottledSignInProvider} bean,
 * which Spring Security makes the global authentication provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] STATIC = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/vendor/**", "/favicon.ico", "/favicon.svg"};

    /**
     * No observation per security filter. management.observations.enable.spring.security=false only makes them
     * no-ops, while Spring Security still wraps each of the chain's filters in an observing decorator on every
     * request (a tenth of a simple read's CPU in a profile, docs/benchmarks.md); requests stay observed as a whole
     * (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * BCrypt at the configured cost, with the {@code {bcrypt}} prefix every stored hash has. Only the cost of new
     * hashes changes with the setting: a hash is checked at the cost it was made with.
     */
    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        int cost = properties.passwordHashCost();
        if (cost < 4 || cost > 31) {
            throw new IllegalStateException("flightdeck.security.password-hash-cost must be from 4 to 31, not " + cost);
        }
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
    }

    @Bean
    SecretKey jwtSigningKey(MasterKey masterKey) {
        return new SecretKeySpec(masterKey.derive("flightdeck:jwt:v1"), "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        // the signature is checked once per token and minute; expiry and issuer on every request
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedAccessTokens(decoder, JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER));
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemResponses problems, PublicUrls urls) {
        return new ProblemSecurityHandlers(problems, urls);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, Workspaces workspaces, JwtDecoder jwtDecoder,
            ProblemSecurityHandlers problemHandlers, List<PublicPaths> publicPaths, RateLimits rateLimits,
            ProblemResponses problems) throws Exception {
        BearerAuthenticationManager bearer = new BearerAuthenticationManager(apiKeys, workspaces, jwtDecoder);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/mcp")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/**", "/v3/api-docs/**", "/actuator/health/**", "/actuator/health",
                                "/actuator/info").permitAll()
                        // Metrics reveal traffic: scrape them with an admin's API key as Bearer token.
                        .requestMatchers("/actuator/prometheus").hasRole("ADMIN")
                        .requestMatchers(patterns(publicPaths)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new PlainBearerTokens())
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                // JSON, never a page: nothing in an answer may load, run or be framed
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .addFilterAfter(new ActorContextFilter(workspaces), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, problems), ActorContextFilter.class);
        return http.build();
    }

    @Bean
    TokenBasedRememberMeServices rememberMeServices(MasterKey masterKey, AccountDetailsService accounts,
            IdentityProperties properties) {
        String key = java.util.HexFormat.of().formatHex(masterKey.derive("flightdeck:remember-me:v1"));
        TokenBasedRememberMeServices services = new TokenBasedRememberMeServices(key, accounts,
                TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256);
        services.setParameter("remember-me");
        services.setCookieName("flightdeck-remember-me");
        services.setTokenValiditySeconds((int) properties.rememberMeTtl().toSeconds());
        return services;
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, Workspaces workspaces, TokenBasedRememberMeServices rememberMe,
            List<PublicPaths> publicPaths, List<CsrfExemptPaths> csrfExempt, List<FormTargets> formTargets,
            List<InlineStylePages> inlineStylePages, ObjectProvider<RefusalExplainer> explainer) throws Exception {
        String[] exempt = csrfExempt.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        if (exempt.length > 0) {
            http.csrf(csrf -> csrf.ignoringRequestMatchers(exempt));
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(STATIC).permitAll()
                        .requestMatchers("/login", "/signup", "/invitations/**", "/error", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(patterns(publicPaths)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(exceptions -> exceptions
                        .accessDeniedHandler(new RoleNamingAccessDeniedHandler(explainer))
                        // An expired session answers htmx with a redirect htmx follows as a full page load.
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("HX-Redirect", "/login");
                            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                        }, new RequestHeaderRequestMatcher("HX-Request", "true"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
                // Spring Security's defaults stay (nosniff, HSTS on https requests only) but X-Frame-Options: its
                // writer overwrites the SAMEORIGIN of an email preview (FramedHtml), which our own pages frame
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(SecurityConfiguration::denyFramingUnlessSet)
                        .addHeaderWriter(new PagePolicy(formTargets, inlineStylePages))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .addFilterBefore(new CspNonceFilter(), HeaderWriterFilter.class)
                .addFilterAfter(new ActorContextFilter(workspaces), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static void denyFramingUnlessSet(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("X-Frame-Options")) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }

    private static String[] patterns(List<PublicPaths> publicPaths) {
        String[] all = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        return all.length == 0 ? new String[] {"/__none__"} : Stream.of(all).toArray(String[]::new);
    }
}
