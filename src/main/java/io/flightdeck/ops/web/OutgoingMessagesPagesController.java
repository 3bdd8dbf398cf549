package io.flightdeck.ops.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.ops.outgoing.OutgoingMessages;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outgoing messages page: every ledger's backlog in one table, then the chosen ledger's items that need a person
 * (the first with any, unless one is chosen), each with the reason and a retry where the ledger has one.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutgoingMessagesPagesController {

    static final String PATH = "/settings/outgoing";

    private final OutgoingMessages outgoing;

    OutgoingMessagesPagesController(OutgoingMessages outgoing) {
        this.outgoing = outgoing;
    }

    @Bean
    static NavItem outgoingMessagesNavItem() {
        return new NavItem("Outgoing messages", PATH, "send", 934, Role.ADMIN, NavGroup.SETTINGS,
                "Every message Flightdeck sends out (notifications, webhooks, emails, test sends, scheduled reports): "
                        + "what waits, what failed and why, and a retry.");
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String ledger, @RequestParam(required = false) Integer page,
            Model model) {
        List<OutgoingMessages.Ledger> ledgers = outgoing.ledgers();
        OutgoingMessages.Ledger chosen = ledgers.stream().filter(l -> l.key().equals(ledger)).findFirst()
                .orElseGet(() -> ledgers.stream().filter(l -> l.backlog().troubled() > 0).findFirst()
                        .orElse(ledgers.get(0)));
        model.addAttribute("ledgers", ledgers);
        model.addAttribute("chosen", chosen);
        model.addAttribute("items", outgoing.troubled(chosen.key(), Paging.of(page, Paging.DEFAULT_SIZE,
                Sort.unsorted())));
        return "ops/outgoing";
    }

    @PostMapping(PATH + "/{ledger}/items/{id}/retry")
    String retry(@PathVariable String ledger, @PathVariable UUID id, RedirectAttributes redirect) {
        outgoing.retry(ledger, id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Sending that again now"));
        return "redirect:" + PATH + "?ledger=" + ledger;
    }
}
