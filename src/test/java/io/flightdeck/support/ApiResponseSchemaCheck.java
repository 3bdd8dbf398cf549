package io.flightdeck.support;

import java.util.List;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Fails a test method when an API answer it (or its set-up) received did not match the OpenAPI document
 * ({@link ApiResponseSchemas}), naming each call and what was wrong.
 */
public class ApiResponseSchemaCheck extends AbstractTestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext.getApplicationContext().getBeanProvider(ApiResponseSchemas.class).ifAvailable(schemas -> {
            List<String> violations = schemas.drain();
            if (!violations.isEmpty()) {
                throw new AssertionError(violations.size() + " API answer(s) did not match the OpenAPI document:\n  "
                        + String.join("\n  ", violations));
            }
        });
    }
}
