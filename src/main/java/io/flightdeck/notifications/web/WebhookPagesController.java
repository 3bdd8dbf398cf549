package io.flightdeck.notifications.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.notifications.domain.WebhookEndpointView;
import io.flightdeck.notifications.domain.WebhookEndpoints;
import io.flightdeck.notifications.domain.WebhookEventTypes;
import io.flightdeck.notifications.domain.WebhookFormat;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outgoing webhooks for admins: the endpoints with a form for a new one, and each endpoint's page (its settings, a
 * test, the secret's rotation, switching it off and on, removing it, and its delivery log with a replay per message).
 * A secret is shown once, on the page the admin lands on after making or rotating it.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhookPagesController {

    private static final String SECRET = "webhookSecret";

    private final WebhookEndpoints endpoints;
    private final Clock clock;

    WebhookPagesController(WebhookEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @GetMapping("/settings/webhooks")
    String list(@RequestParam(required = false) Integer page, Model model) {
        return listPage(page, model, new Form("", "", List.of(), WebhookFormat.STANDARD), Map.of());
    }

    @PostMapping("/settings/webhooks")
    String create(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) List<String> eventTypes,
            @RequestParam(defaultValue = "STANDARD") WebhookFormat format, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Form form = new Form(url, description, eventTypes == null ? List.of() : eventTypes, format);
        Map<String, String> errors = form.check();
        if (errors.isEmpty()) {
            try {
                WebhookEndpoints.WithSecret made = endpoints.create(url, description, form.eventTypes(), format);
                redirect.addFlashAttribute(SECRET, made.secret());
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Endpoint added. Copy its secret now: it is shown once."));
                return "redirect:/settings/webhooks/" + made.endpoint().id();
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return listPage(null, model, form, errors);
    }

    @GetMapping("/settings/webhooks/{id}")
    String endpoint(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        var endpoint = endpoints.get(id);
        return endpointPage(id, page, model, new Form(endpoint.url(), endpoint.description() == null ? ""
                : endpoint.description(), endpoint.eventTypes(), endpoint.format()), Map.of());
    }

    @PostMapping("/settings/webhooks/{id}")
    String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description, @RequestParam(required = false) List<String> eventTypes,
            @RequestParam(defaultValue = "STANDARD") WebhookFormat format, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Form form = new Form(url, description, eventTypes == null ? List.of() : eventTypes, format);
        Map<String, String> errors = form.check();
        if (errors.isEmpty()) {
            try {
                endpoints.change(id, url, description, form.eventTypes(), format);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Endpoint saved"));
                return "redirect:/settings/webhooks/" + id;
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return endpointPage(id, null, model, form, errors);
    }

    @PostMapping("/settings/webhooks/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.test(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("A webhook.test message is on its way; it shows in the log below."));
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/rotate-secret")
    String rotate(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(SECRET, endpoints.rotate(id).secret());
        redirect.addFlashAttribute(Flash.KEY, Flash.success(
                "New secret made. The old one keeps signing beside it for a day: switch your consumer over before then."));
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/enable")
    String enable(@PathVariable UUID id, @RequestParam boolean on, RedirectAttributes redirect) {
        endpoints.enable(id, on);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(on ? "Endpoint switched on" : "Endpoint switched off"));
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Endpoint removed, with its delivery log"));
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/settings/webhooks/{id}/messages/{messageId}/replay")
    String replay(@PathVariable UUID id, @PathVariable UUID messageId, RedirectAttributes redirect) {
        endpoints.replay(id, messageId);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Sending that message again, with the same webhook-id"));
        return "redirect:/settings/webhooks/" + id;
    }

    private String listPage(Integer page, Model model, Form form, Map<String, String> errors) {
        model.addAttribute("endpoints", endpoints.list(Paging.of(page, Paging.DEFAULT_SIZE, Sort.by("createdAt", "id"))));
        model.addAttribute("types", WebhookEventTypes.all());
        model.addAttribute("formats", WebhookFormat.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "notifications/webhooks";
    }

    private String endpointPage(UUID id, Integer page, Model model, Form form, Map<String, String> errors) {
        WebhookEndpointView endpoint = endpoints.get(id);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("rotating", endpoint.previousSecretUntil() != null
                && endpoint.previousSecretUntil().isAfter(clock.instant()));
        model.addAttribute("messages", endpoints.messages(id, List.of(),
                Paging.of(page, Paging.DEFAULT_SIZE, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))));
        model.addAttribute("types", WebhookEventTypes.all());
        model.addAttribute("formats", WebhookFormat.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "notifications/webhook";
    }

    /** What the admin typed, kept when the page comes back with errors. */
    public record Form(String url, String description, List<String> eventTypes, WebhookFormat format) {

        public boolean every() {
            return eventTypes.contains("*");
        }

        public boolean has(String type) {
            return eventTypes.contains(type);
        }

        Map<String, String> check() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (url.isBlank()) {
                errors.put("url", "Give the endpoint's address");
            }
            if (description.length() > 200) {
                errors.put("description", "Keep the description under 200 characters");
            }
            if (eventTypes.isEmpty()) {
                errors.put("eventTypes", "Choose at least one event type, or every event");
            }
            return errors;
        }
    }
}
