package io.flightdeck.planning;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.planning.tasks.TimelineView;
import io.flightdeck.planning.workload.TeamWorkloadView;

/**
 * The planning endpoints are in the OpenAPI document, so Swagger UI lists them, and every request and response record
 * planning shows there has a name no other class in the API has: springdoc names a component by the class's simple
 * name, so two records of one name would share one schema and one endpoint would show the other's body.
 */
@FlightdeckTest
@SuppressWarnings("unchecked")
class PlanningOpenApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void theApiDocumentListsTheTaskEndpoints() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk();
        Map<String, Object> paths = Json.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/campaigns/{id}/tasks", "/api/v1/campaigns/{id}/tasks/auto-assign",
                "/api/v1/tasks", "/api/v1/tasks/mine", "/api/v1/tasks/{taskId}", "/api/v1/tasks/{taskId}/restore",
                "/api/v1/tasks/{taskId}/status", "/api/v1/tasks/{taskId}/checklist/{index}/toggle",
                "/api/v1/tasks/{taskId}/dependencies", "/api/v1/tasks/{taskId}/dependencies/{predecessorId}",
                "/api/v1/tasks/{taskId}/comments", "/api/v1/tasks/{taskId}/auto-assign",
                "/api/v1/tasks/{taskId}/assignee", "/api/v1/tasks/auto-assign");
        assertThat((String) Json.read(docs, "$.paths['/api/v1/tasks/{taskId}/status'].post.summary"))
                .contains("illegal-transition").contains("predecessors-open");
    }

    @Test
    void theApiDocumentListsTheTimelineTemplateSettingsAndTeamEndpoints() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk();
        Map<String, Object> paths = Json.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/timeline-templates", "/api/v1/timeline-templates/{id}",
                "/api/v1/timeline-templates/{id}/restore", "/api/v1/timeline-templates/{id}/make-default",
                "/api/v1/campaigns/{id}/timeline", "/api/v1/campaigns/{id}/timeline/generate",
                "/api/v1/campaigns/{id}/timeline/recalculate", "/api/v1/campaigns/{id}/timeline/critical-path",
                "/api/v1/tasks/{id}/schedule", "/api/v1/planning-settings", "/api/v1/team/members",
                "/api/v1/team/members/{userId}", "/api/v1/team/members/{userId}/time-off",
                "/api/v1/team/members/{userId}/availability", "/api/v1/team/time-off/{id}", "/api/v1/team/skills",
                "/api/v1/team/schedules", "/api/v1/team/workload", "/api/v1/team/performance");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "put,   /api/v1/planning-settings,      PlanningSettingsRequest",
            "put,   /api/v1/team/members/{userId},  TeamMemberProfileRequest",
            "patch, /api/v1/tasks/{id}/schedule,    TaskScheduleRequest",
            "put,   /api/v1/team/schedules,         TeamSchedulesRequest",
            "post,  /api/v1/tasks/{taskId}/comments, TaskCommentRequest"})
    void eachRequestBodyHasItsOwnSchema(String method, String path, String schema) {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        String ref = Json.read(docs, "$.paths['" + path + "']." + method
                + ".requestBody.content['application/json'].schema['$ref']");
        assertThat(ref).isEqualTo("#/components/schemas/" + schema);
        assertThat((Map<String, Object>) Json.read(docs, "$.components.schemas")).containsKey(schema);
    }

    @Test
    void noPlanningRecordSharesItsNameWithAnotherClassOfTheApi() {
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        handlers.getHandlerMethods().values().stream()
                .filter(h -> h.getBeanType().getName().startsWith("io.flightdeck."))
                .filter(h -> AnnotatedElementUtils.hasAnnotation(h.getBeanType(), RestController.class))
                .forEach(h -> {
                    Set<Class<?>> types = new LinkedHashSet<>();
                    collect(h.getMethod().getGenericReturnType(), types);
                    for (MethodParameter parameter : h.getMethodParameters()) {
                        if (parameter.hasParameterAnnotation(RequestBody.class)) {
                            collect(parameter.getGenericParameterType(), types);
                        }
                        var documented = parameter.getParameterAnnotation(
                                io.swagger.v3.oas.annotations.parameters.RequestBody.class);
                        if (documented != null) {
                            for (var content : documented.content()) {
                                collect(content.schema().implementation(), types);
                            }
                        }
                    }
                    types.forEach(t -> byName.computeIfAbsent(t.getSimpleName(), n -> new LinkedHashSet<>()).add(t));
                });

        assertThat(byName).containsKeys("TaskView", "TimelineView", "TeamWorkloadView", "PlanningSettingsRequest");
        Map<String, Set<Class<?>>> clashes = new TreeMap<>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1 && classes.stream().anyMatch(c -> c.getName().startsWith("io.flightdeck.planning."))) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).as("component names planning shares with other classes").isEmpty();
    }

    /** The application's own classes reachable from a type: records' components, generic arguments, arrays. */
    private static void collect(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), into);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, into);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, into);
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), into);
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), into);
                return;
            }
            if (!c.getName().startsWith("io.flightdeck.") || c.isEnum() || !into.add(c)) {
                return;
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collect(component.getGenericType(), into);
                }
            } else {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        collect(field.getGenericType(), into);
                    }
                }
            }
        }
    }
}
