/**
 * The small kernel every module may use: ids, tenant scope, roles and the current actor,
 * problem details, ETags, idempotent creates, paging, secret encryption, job wiring and live signals across nodes.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Shared kernel")
package io.flightdeck.shared;
