/**
 * The small kernel every module may use: ids, tenant scope, roles and the current actor,
 * problem details, ETags, idempotent creates, paging, secret encryption and job wiring.
 * The inbound webhook kit ({@code webhooks}) keeps raw bodies, checks signatures and takes each delivery once.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Shared kernel")
package io.flightdeck.shared;
