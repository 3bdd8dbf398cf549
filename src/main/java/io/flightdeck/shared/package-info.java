/**
 * The small kernel every module may use: ids, tenant scope, roles and the current actor,
 * problem details, ETags, idempotent creates, paging, secret encryption, job wiring, live signals across nodes and
 * the client of outside services (outbound), the attempt bookkeeping of outgoing-message ledgers (outbound), state
 * moves (StateMove, MoveRule) and absolute links that leave the app (links).
 * The inbound webhook kit ({@code webhooks}) keeps raw bodies, checks signatures and takes each delivery once.
 * Uploaded files that later requests read, on any node, are kept in the database in pieces ({@code files}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Shared kernel")
package io.flightdeck.shared;
