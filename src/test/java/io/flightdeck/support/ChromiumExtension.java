package io.flightdeck.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Browser tests' set-up in one place (use it through {@link BrowserTest}):
 * <ul>
 * <li>skips the whole class, with the reason, when Chromium is missing. As an execution condition it is evaluated
 * before the application boots and before {@code @BeforeAll}, so surefire reports the class as skipped;</li>
 * <li>starts Playwright and Chromium once per JVM, kept in the root store so JUnit closes them after the last
 * test;</li>
 * <li>resolves test method parameters: {@link WebUi} (base URL, sign-in, screenshots, extra contexts), a fresh
 * {@link BrowserContext}, or a fresh {@link Page} in it. All are closed after the test.</li>
 * </ul>
 */
public final class ChromiumExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Chromium.installed()
                ? ConditionEvaluationResult.enabled("Chromium at " + Chromium.PATH)
                : ConditionEvaluationResult.disabled("Browser tests skipped: no Chromium at " + Chromium.PATH
                        + " (install Debian's chromium package, or set CHROMIUM_PATH to a Chromium binary)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WebUi.class || type == BrowserContext.class || type == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WebUi ui = webUi(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == WebUi.class) {
            return ui;
        }
        return type == Page.class ? ui.context().newPage() : ui.context();
    }

    /** One per test, closed (with every browser context it opened) when the test ends. */
    private static WebUi webUi(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(WebUi.class,
                key -> new WebUi(chromium(context), port(context)), WebUi.class);
    }

    private static Chromium chromium(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Chromium.class, key -> {
            try {
                return Chromium.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Chromium.class);
    }

    /** The random port the test's application listens on. */
    private static int port(ExtensionContext context) {
        return Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port"));
    }
}
