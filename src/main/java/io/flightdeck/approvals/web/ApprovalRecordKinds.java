package io.flightdeck.approvals.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names an approval, its fields, and where it is read. */
@Configuration(proxyBeanMethods = false)
class ApprovalRecordKinds {

    @Bean
    RecordKind approvalKind() {
        return RecordKind.of("Approval", "Approval", Map.of("scopeName", "Scope", "stageIndex", "Stage",
                "requestedBy", "Requested by", "strategyVersion", "Strategy version", "campaignId", "Campaign"),
                // Approvals are never deleted, only decided or withdrawn: every one keeps its page.
                ids -> ids.stream().collect(Collectors.toMap(Function.identity(), id -> new RecordLink(null, "/approvals/" + id))));
    }
}
