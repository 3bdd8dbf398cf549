/**
 * Planning: campaign timelines laid out from templates on working days with the critical path, tasks and milestones
 * with dependencies and a status machine, auto-assignment by skills and free hours, and the team's profiles, time
 * off, workload and performance.
 * <p>
 * This package is the module's API: the facades other modules and planning's own web layer use
 * ({@link io.flightdeck.planning.CampaignTasks}, {@link io.flightdeck.planning.CampaignTimelines},
 * {@link io.flightdeck.planning.TaskStaffing}, {@link io.flightdeck.planning.TeamDirectory}, ...), the records they
 * take and return, and the events planning publishes ({@link io.flightdeck.planning.TaskAssigned},
 * {@link io.flightdeck.planning.TaskCompleted}, {@link io.flightdeck.planning.TimelineGenerated},
 * {@link io.flightdeck.planning.TimelineRecalculated}). The subpackages are internal: {@code scheduling} (the pure
 * algorithms), {@code settings}, {@code team}, {@code templates}, {@code tasks} (tasks and the timelines that lay
 * them out, the readiness check), {@code workload}, {@code demo} and {@code web}.
 * <p>
 * Planning uses campaigns' and identity's APIs and the shared kernel, nothing else; other modules may use this
 * package only. ({@code shared} is an open module, yet a module that declares its dependencies has to name it too.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning",
        allowedDependencies = {"campaigns", "identity", "shared"})
package io.flightdeck.planning;
