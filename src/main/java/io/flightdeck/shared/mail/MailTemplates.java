package io.flightdeck.shared.mail;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail bodies from Thymeleaf templates: {@code templates/mail/<name>.txt} (text mode) and
 * {@code templates/mail/<name>.html} (HTML mode, escaped like a page). An engine of its own, so the pages' engine and
 * its resolvers are left as they are.
 */
@Component
public class MailTemplates {

    /** The two parts of one mail. */
    public record Rendered(String text, String html) {
    }

    private final TemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    public Rendered render(String name, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        return new Rendered(engine.process("mail/" + name + ".txt", context), engine.process("mail/" + name + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
