package io.flightdeck.email.segments;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.flightdeck.email.contacts.AttributeValues;
import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.shared.InvalidInputException;

/**
 * Checks a segment's rules and turns them into one boolean SQL expression over {@code c} ({@code email_contacts}).
 * Every problem is collected and named by its place ({@code conditions[2].value}), so a person fixes them all at once.
 * The SQL is built from fixed fragments and parameter names only; every value someone typed travels as a parameter.
 * Attribute, list and engagement conditions are correlated {@code exists} subqueries, each answered from an index
 * ({@code email_contact_attributes}' key, {@code email_list_members (list_id, contact_id)},
 * {@code email_engagements (tenant_id, contact_id, kind, occurred_at)}).
 */
final class SegmentCompiler {

    /** Checked, normalised rules (names lower-case, values stripped) and their SQL. */
    record Compiled(SegmentRules rules, SegmentFilter filter) {
    }

    static final int MAX_DAYS = 3650;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final String prefix;
    private final Instant now;
    private final Predicate<UUID> listExists;
    private final List<InvalidInputException.Problem> problems = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private SegmentCompiler(String prefix, Instant now, Predicate<UUID> listExists) {
        this.prefix = prefix;
        this.now = now;
        this.listExists = listExists;
    }

    /**
     * @param tag        makes the parameter names unique when several segments share one statement ({@code seg_} +
     *                   tag); empty for one segment
     * @param listExists whether a list id is one of the workspace's lists (a stored segment's lists were checked when
     *                   it was saved; a list removed since matches nobody)
     */
    static Compiled compile(SegmentRules rules, String tag, Instant now, Predicate<UUID> listExists) {
        if (rules == null) {
            throw new InvalidInputException("rules", "Give the segment's rules: a match (ALL or ANY) and conditions");
        }
        return new SegmentCompiler("seg_" + tag, now, listExists).run(rules);
    }

    private Compiled run(SegmentRules rules) {
        if (rules.conditions().size() > SegmentRules.MAX_CONDITIONS) {
            throw new InvalidInputException("rules.conditions", "At most " + SegmentRules.MAX_CONDITIONS
                    + " conditions in a segment");
        }
        List<SegmentCondition> kept = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < rules.conditions().size(); i++) {
            SegmentCondition condition = rules.conditions().get(i);
            String at = "rules.conditions[" + i + "]";
            if (condition == null) {
                problem(at, "A condition is missing (null)");
                continue;
            }
            int before = problems.size();
            String fragment = condition(condition, at, i, kept);
            if (problems.size() == before) {
                sql.add(fragment);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() == 1 ? problems.get(0).message()
                    : "The segment's rules have " + problems.size() + " problems", problems);
        }
        String joined = sql.isEmpty() ? "1 = 1" : sql.stream().map(s -> "(" + s + ")")
                .collect(Collectors.joining(rules.match() == SegmentRules.Match.ALL ? " and " : " or "));
        return new Compiled(new SegmentRules(rules.match(), kept), new SegmentFilter(joined, params));
    }

    private String condition(SegmentCondition condition, String at, int i, List<SegmentCondition> kept) {
        SegmentField field = SegmentField.byWire(condition.field());
        if (field == null) {
            problem(at + ".field", "Unknown field " + quoted(condition.field()) + "; use one of " + List.of(
                    SegmentField.values()).stream().map(SegmentField::wire).collect(Collectors.joining(", ")));
            return null;
        }
        SegmentOperator operator = SegmentOperator.byWire(condition.operator());
        if (operator == null || !field.operators().contains(operator)) {
            problem(at + ".operator", (operator == null ? "Unknown operator " : "The operator does not fit ")
                    + quoted(condition.operator()) + " for " + field.wire() + "; use one of "
                    + field.operators().stream().map(SegmentOperator::wire).collect(Collectors.joining(", ")));
            return null;
        }
        String key = field == SegmentField.ATTRIBUTE ? key(condition.key(), at + ".key") : null;
        String value = condition.value() == null ? "" : condition.value().strip();
        if (operator.value() == SegmentOperator.Value.NONE) {
            value = "";
        } else if (value.isEmpty()) {
            problem(at + ".value", "Give a value to compare with");
            return null;
        } else if (value.length() > 500) {
            problem(at + ".value", "The value is longer than 500 characters");
            return null;
        }
        String p = ":" + prefix + "c" + i;
        String fragment = switch (field) {
            case STATUS -> "c.status " + (operator == SegmentOperator.IS ? "=" : "<>") + " " + bind(p, status(value, at));
            case SUBSCRIBED -> "coalesce(c.consent_at, c.created_at) "
                    + (operator == SegmentOperator.WITHIN_DAYS ? ">=" : "<") + " " + bind(p, daysAgo(value, at));
            case EMAIL_DOMAIN -> "c.email_key " + (operator == SegmentOperator.IS ? "like " : "not like ")
                    + bind(p, "%@" + escapeLike(domain(value, at))) + " escape '\\'";
            case NAME -> "lower(c.name) like " + bind(p, "%" + escapeLike(value.toLowerCase(Locale.ROOT)) + "%")
                    + " escape '\\'";
            case TIME_ZONE -> operator == SegmentOperator.IS ? "c.time_zone = " + bind(p, zone(value, at))
                    : "(c.time_zone is null or c.time_zone <> " + bind(p, zone(value, at)) + ")";
            case ATTRIBUTE -> attribute(operator, key, value, p, at);
            case LIST -> (operator == SegmentOperator.IN ? "" : "not ") + "exists (select 1 from email_list_members m "
                    + "where m.list_id = " + bind(p, list(value, at)) + " and m.contact_id = c.id "
                    + "and m.tenant_id = c.tenant_id and m.unsubscribed_at is null)";
            case OPENED, CLICKED, CONVERTED -> (operator == SegmentOperator.WITHIN_DAYS ? "" : "not ")
                    + "exists (select 1 from email_engagements e where e.tenant_id = c.tenant_id "
                    + "and e.contact_id = c.id and e.kind = '" + kind(field) + "' and e.human = true "
                    + "and e.occurred_at >= " + bind(p, daysAgo(value, at)) + ")";
        };
        kept.add(new SegmentCondition(field.wire(), operator.wire(), key, value.isEmpty() ? null : value));
        return fragment;
    }

    private String attribute(SegmentOperator operator, String key, String value, String p, String at) {
        String row = "select 1 from email_contact_attributes a where a.contact_id = c.id and a.tenant_id = c.tenant_id "
                + "and a.name = " + bind(p + "k", key);
        String v = p + "v";
        return switch (operator) {
            case EXISTS -> "exists (" + row + ")";
            case NOT_EXISTS -> "not exists (" + row + ")";
            case EQUALS -> "exists (" + row + " and lower(a.text_value) = " + bind(v, value.toLowerCase(Locale.ROOT)) + ")";
            case NOT_EQUALS -> "not exists (" + row + " and lower(a.text_value) = "
                    + bind(v, value.toLowerCase(Locale.ROOT)) + ")";
            case CONTAINS -> "exists (" + row + " and lower(a.text_value) like "
                    + bind(v, "%" + escapeLike(value.toLowerCase(Locale.ROOT)) + "%") + " escape '\\')";
            case GREATER_THAN -> "exists (" + row + " and a.number_value > " + bind(v, number(value, at)) + ")";
            case LESS_THAN -> "exists (" + row + " and a.number_value < " + bind(v, number(value, at)) + ")";
            case AT_LEAST -> "exists (" + row + " and a.number_value >= " + bind(v, number(value, at)) + ")";
            case AT_MOST -> "exists (" + row + " and a.number_value <= " + bind(v, number(value, at)) + ")";
            case BEFORE -> "exists (" + row + " and a.date_value < " + bind(v, date(value, at)) + ")";
            case AFTER -> "exists (" + row + " and a.date_value > " + bind(v, date(value, at)) + ")";
            default -> throw new IllegalStateException("not an attribute operator: " + operator);
        };
    }

    /** Registers the parameter (without its colon) and answers its placeholder. */
    private String bind(String placeholder, Object value) {
        params.put(placeholder.substring(1), value);
        return placeholder;
    }

    private static String kind(SegmentField field) {
        return switch (field) {
            case OPENED -> "OPEN";
            case CLICKED -> "CLICK";
            default -> "CONVERSION";
        };
    }

    private String key(String given, String at) {
        String key = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (!KEY.matcher(key).matches()) {
            problem(at, key.isEmpty() ? "Name the attribute (such as plan or lifetime_value)"
                    : "Attribute names are lower-case letters, digits and _, up to 40 characters: " + quoted(given));
        }
        return key;
    }

    private String status(String value, String at) {
        for (ContactStatus status : ContactStatus.values()) {
            if (status.name().equalsIgnoreCase(value)) {
                return status.name();
            }
        }
        problem(at + ".value", "Unknown status " + quoted(value) + "; use SUBSCRIBED, UNSUBSCRIBED, BOUNCED or COMPLAINED");
        return "";
    }

    private OffsetDateTime daysAgo(String value, String at) {
        int days;
        try {
            days = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > MAX_DAYS) {
            problem(at + ".value", "Give a whole number of days from 1 to " + MAX_DAYS + ", not " + quoted(value));
            return null;
        }
        return now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }

    private String domain(String value, String at) {
        String domain = value.toLowerCase(Locale.ROOT);
        domain = domain.startsWith("@") ? domain.substring(1) : domain;
        if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            problem(at + ".value", "Not a domain: " + quoted(value) + "; write it as example.com");
        }
        return domain;
    }

    private String zone(String value, String at) {
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            problem(at + ".value", "Unknown time zone " + quoted(value) + "; use a name such as Europe/Lisbon");
            return "";
        }
    }

    private UUID list(String value, String at) {
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null || !listExists.test(id)) {
            problem(at + ".value", "Not a list of this workspace: " + quoted(value));
        }
        return id;
    }

    private BigDecimal number(String value, String at) {
        BigDecimal number = AttributeValues.number(value);
        if (number == null) {
            problem(at + ".value", "Not a number: " + quoted(value) + "; write it as 500 or 12.5");
        }
        return number;
    }

    private LocalDate date(String value, String at) {
        LocalDate date = AttributeValues.date(value);
        if (date == null) {
            problem(at + ".value", "Not a date: " + quoted(value) + "; write it as 2026-03-01");
        }
        return date;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void problem(String field, String message) {
        problems.add(new InvalidInputException.Problem(field, message));
    }

    private static String quoted(String value) {
        String shown = value == null ? "(none)" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "'" + shown + "'";
    }
}
