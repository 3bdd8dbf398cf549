/**
 * Planning: timelines laid out from templates on working days, the critical path, tasks with dependencies,
 * auto-assignment and team capacity (issue 5; the scheduling core comes first).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package io.flightdeck.planning;
