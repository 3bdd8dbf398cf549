package io.flightdeck.email.segments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.support.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any segment rules a client sends: compiled, or refused with an {@link InvalidInputException} that names each problem's
 * place (400), never another exception. Compiled SQL is made of the compiler's own fragments only: nothing typed
 * reaches it except through a parameter, and every parameter it names is bound.
 */
class SegmentRulesFuzzTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final UUID LIST = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String[] FIELDS = {"status", "subscribed", "email_domain", "name", "time_zone", "attribute",
            "list", "opened", "clicked", "converted"};
    private static final String[] OPERATORS = {"is", "is_not", "within_days", "not_within_days", "before_days",
            "contains", "equals", "not_equals", "exists", "not_exists", "greater_than", "less_than", "at_least",
            "at_most", "before", "after", "in", "not_in"};
    /** What the compiler's fragments are written with; a typed value would bring other characters. */
    private static final Pattern SQL_ALPHABET = Pattern.compile("[a-z0-9_ .,:()=<>'\\\\]*");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z0-9_]+)");

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"SUBSCRIBED", "BOUNCED", "example.com", "@", "Europe/Lisbon", "UTC", "+01:00", "2026-03-01", "2026-03-01T10:00:00+02:00", "1,200.50", "-3.5", "3650", "0195f3a0-0000-7000-8000-000000000001", "%", "_", "'", "plan", "lifetime_value"})
    void anyRulesCompileOrAreRefusedByPlace(FuzzedDataProvider data) {
        SegmentRules.Match match = data.pickValue(new SegmentRules.Match[] {SegmentRules.Match.ALL, SegmentRules.Match.ANY,
                null});
        int count = data.consumeInt(0, SegmentRules.MAX_CONDITIONS + 2);
        List<SegmentCondition> conditions = new ArrayList<>();
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            if (data.consumeInt(0, 30) == 0) {
                conditions.add(null);
                continue;
            }
            String field = data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(20);
            String operator = data.consumeBoolean() ? data.pickValue(OPERATORS) : data.consumeString(20);
            String key = data.consumeBoolean() ? null : data.consumeString(50);
            String value = data.consumeBoolean() ? null : data.consumeString(600);
            conditions.add(new SegmentCondition(field, operator, key, value));
        }
        String tag = data.consumeBoolean() ? "" : "7";
        SegmentCompiler.Compiled compiled;
        try {
            compiled = SegmentCompiler.compile(new SegmentRules(match, conditions), tag, NOW, LIST::equals);
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            refused.problems().forEach(p -> assertThat(p.field()).startsWith("rules"));
            return;
        }
        String sql = compiled.filter().sql();
        assertThat(sql.replaceAll("'(OPEN|CLICK|CONVERSION)'", "''")).matches(SQL_ALPHABET);
        Set<String> named = new HashSet<>();
        for (Matcher m = PLACEHOLDER.matcher(sql); m.find(); ) {
            named.add(m.group(1));
        }
        assertThat(compiled.filter().params().keySet()).isEqualTo(named);
        assertThat(compiled.rules().conditions()).hasSize(conditions.size());
    }
}
