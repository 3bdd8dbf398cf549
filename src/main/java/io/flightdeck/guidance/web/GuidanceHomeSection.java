package io.flightdeck.guidance.web;

import io.flightdeck.guidance.home.MemberWork;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.HomeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page's first section: the member's work from every module in one list, ordered by what is at stake (a
 * blocker of a campaign about to start before a task that would help), each with the reason it sits where it does.
 * The sections below it keep each module's full lists.
 */
@Controller
class GuidanceHomeSection {

    static final int SHOWN = 8;

    private final MemberWork work;

    GuidanceHomeSection(MemberWork work) {
        this.work = work;
    }

    @GetMapping("/home/first")
    String first(Model model) {
        MemberWork.Queue queue = work.firstThings(SHOWN);
        model.addAttribute("items", queue.items());
        model.addAttribute("more", queue.total() - queue.items().size());
        return "guidance/fragments/home-section :: first";
    }

    @Configuration(proxyBeanMethods = false)
    static class GuidanceHomeConfiguration {

        /** Before every other section (approvals come at 10). */
        @Bean
        HomeSection firstThingsHomeSection() {
            return new HomeSection("first-things", "Do these first", "/home/first", 5, Role.VIEWER);
        }
    }
}
