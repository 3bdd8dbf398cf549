/**
 * Planning: campaign timelines laid out from templates on working days with the critical path, tasks and milestones
 * with dependencies and a status machine, auto-assignment by skills and free hours, and the team's profiles, time
 * off, workload and performance.
 * <p>
 * This package is what other modules see: the events planning publishes ({@link io.flightdeck.planning.TaskAssigned},
 * {@link io.flightdeck.planning.TaskCompleted}, {@link io.flightdeck.planning.TimelineGenerated},
 * {@link io.flightdeck.planning.TimelineRecalculated}), the {@link io.flightdeck.planning.TimelineDirection} one
 * of them carries,, {@link io.flightdeck.planning.TaskDirectory}, which names a task for notifications, and
 * {@link io.flightdeck.planning.PlanningTrends} with the records it answers, the weekly completion trends and team
 * utilisation analytics shows (implemented in {@code workload} on the workload heat map's calculation).
 * Inside, one package per feature, each with the facade planning's
 * web layer calls: {@code tasks} (tasks and milestones, the timelines that lay them out, assignment, comments and
 * dependencies, the readiness check; {@code CampaignTasks}, {@code CampaignTimelines}, {@code TaskStaffing}),
 * {@code templates} ({@code TemplateLibrary}, with {@code TaskKind}), {@code team} ({@code TeamDirectory},
 * {@code TeamTimeOff}), {@code workload} (the workload and performance reports), {@code settings}
 * ({@code PlanningPreferences}), {@code scheduling} (the pure algorithms), {@code demo} and {@code web}. Dependencies
 * point one way: workload, tasks, templates, team, settings, scheduling.
 * <p>
 * Planning uses campaigns' and identity's APIs and the shared kernel, nothing else. ({@code shared} is an open
 * module, yet a module that declares its dependencies has to name it too.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning",
        allowedDependencies = {"campaigns", "identity", "shared"})
package io.flightdeck.planning;
