package io.flightdeck.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A client that goes away in the middle of a download is not an error of ours: no problem answer, no error log. A
 * database that gave no connection is a 503 to come back to, however the failure is wrapped.
 */
class ApiExceptionHandlerTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/files/token");

    @Test
    void aClientThatWentAwayGetsNoAnswer() {
        assertThat(handler.unexpected(new ClientAbortException(new IOException("Broken pipe")), request)).isNull();
        assertThat(handler.unexpected(new IOException("Connection reset by peer"), request)).isNull();
    }

    @Test
    void anythingElseUnexpectedIsAServerError() {
        assertThat(handler.unexpected(new IllegalStateException("a bug"), request).getStatusCode().value()).isEqualTo(500);
        // a constraint or a bad query is a bug, not an outage
        assertThat(handler.unexpected(new BadSqlGrammarException("select", "select nothing", new SQLException("syntax")),
                request).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void noDatabaseConnectionIsAServiceUnavailableToRetry() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms");
        for (Exception failure : new Exception[] {
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", timeout),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timeout),
                new IllegalStateException("wrapped", new RuntimeException(timeout))}) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(failure, request);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getType().toString()).endsWith("/database-unavailable");
        }
    }
}
