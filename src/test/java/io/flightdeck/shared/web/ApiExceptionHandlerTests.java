package io.flightdeck.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A client that goes away in the middle of a download is not an error of ours: no problem answer, no error log. */
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
        assertThat(handler.unexpected(new IllegalStateException("a bug"), request).getStatus()).isEqualTo(500);
    }
}
