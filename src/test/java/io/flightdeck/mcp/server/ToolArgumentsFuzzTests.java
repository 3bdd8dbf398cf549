package io.flightdeck.mcp.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.support.Fuzzing;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any JSON object as the arguments of any assistant tool: bound to the tool's input and validated, or answered with a
 * tool error in words, never an exception (which the MCP server would answer as an internal error). Runs without
 * Spring, so the fuzzer gets many inputs a second: the tools are taken from every module's tool configuration by
 * calling its {@code @Bean} methods with no services (binding needs only each tool's input type), and bound with a
 * plain JsonMapper and Bean Validation, as {@link ToolSpecs} binds them before any handler runs. What a handler then
 * does with bound arguments is the services' own validation, fuzzed through their parsers elsewhere.
 */
class ToolArgumentsFuzzTests {

    private static final List<AssistantTool> TOOLS = tools();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final ToolArguments ARGUMENTS = new ToolArguments(JSON, VALIDATOR);

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"dryRun", "confirmation", "confirmDestroy", "id", "campaignId", "name", "page", "size",
            "status", "true", "false", "null", "0195f3a0-0000-7000-8000-000000000001", "2026-11-28", "2026-11-28T10:00:00Z", "DRAFT", "ACTIVE", "-1", "1e999", "{", "}", "[", "]", ":", ","})
    void anyArgumentsBindOrAreAnsweredWithWords(FuzzedDataProvider data) {
        AssistantTool tool = TOOLS.get(data.consumeInt(0, TOOLS.size() - 1));
        String text = data.consumeRemainingAsString();
        Map<String, Object> given;
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                return; // the MCP SDK refuses arguments that are not an object before a tool sees them
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.convertValue(node, Map.class);
            given = map;
        } catch (JacksonException notJson) {
            return;
        }
        ToolArguments.Bound bound = ARGUMENTS.bind(tool, given);
        if (bound.refusal() != null) {
            assertThat(bound.refusal()).isNotBlank();
            assertThat(bound.input()).isNull();
        } else {
            assertThat(bound.input()).isInstanceOf(tool.input());
        }
    }

    @SuppressWarnings("java:S3011") // the tool configurations are package-private beans: reached by reflection here
    private static List<AssistantTool> tools() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Configuration.class));
        List<AssistantTool> tools = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.flightdeck")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                Object configuration = null;
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Bean.class) && method.getReturnType() == AssistantTool.class) {
                        if (configuration == null) {
                            Constructor<?> constructor = type.getDeclaredConstructors()[0];
                            constructor.setAccessible(true);
                            configuration = constructor.newInstance(new Object[constructor.getParameterCount()]);
                        }
                        method.setAccessible(true);
                        tools.add((AssistantTool) method.invoke(configuration, new Object[method.getParameterCount()]));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read the tools of " + candidate.getBeanClassName(), e);
            }
        }
        tools.sort(Comparator.comparing(AssistantTool::name));
        assertThat(tools).as("the assistant tools").hasSizeGreaterThan(20);
        return tools;
    }
}
