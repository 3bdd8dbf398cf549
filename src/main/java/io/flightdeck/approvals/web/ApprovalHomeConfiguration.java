package io.flightdeck.approvals.web;

import io.flightdeck.approvals.domain.ApprovalInbox;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.HomeSection;
import io.flightdeck.shared.web.NavBadge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

/** What approvals adds to the home page ({@link ApprovalHomeSection}) and the inbox's count on the Approvals entry. */
@Configuration(proxyBeanMethods = false)
class ApprovalHomeConfiguration {

    @Bean
    HomeSection approvalsWaitingHomeSection() {
        return new HomeSection("approvals-waiting", "Approvals waiting for you", "/home/approvals/waiting", 10,
                Role.VIEWER);
    }

    @Bean
    HomeSection approvalDecisionsHomeSection() {
        return new HomeSection("approval-decisions", "Decisions on what you requested", "/home/approvals/decisions",
                40, Role.VIEWER);
    }

    /** The inbox's own count, so the badge and the inbox never disagree (routing is decided in Java, see the inbox). */
    @Bean
    NavBadge approvalsWaitingBadge(ApprovalInbox inbox) {
        return new NavBadge("/approvals", "waiting", () -> inbox.inbox(PageRequest.of(0, 1)).getTotalElements());
    }
}
