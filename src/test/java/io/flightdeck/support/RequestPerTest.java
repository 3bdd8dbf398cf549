package io.flightdeck.support;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Binds a request for {@code http://localhost} to the test's thread around each test method, as Spring's test
 * framework does in a mock web environment: code a test calls directly (a signed link made outside any request, say)
 * finds the address the request came in on. The shared context listens on a real port, where Spring binds none.
 */
public class RequestPerTest extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        if (context instanceof WebApplicationContext web && web.getServletContext() != null) {
            MockHttpServletRequest request = new MockHttpServletRequest(web.getServletContext());
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        RequestContextHolder.resetRequestAttributes();
    }
}
