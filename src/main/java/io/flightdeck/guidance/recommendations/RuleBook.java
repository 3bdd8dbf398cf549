package io.flightdeck.guidance.recommendations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flightdeck.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The recommendation rules, read once at start-up from {@code guidance/rules/*.json} on the class path, one rule per
 * file. A file that does not parse or check, two files with one id, or no files at all stop the start-up with a message
 * naming the file and what is wrong, since a missing rule would otherwise go unnoticed.
 */
@Component
class RuleBook {

    static final String LOCATION = "classpath*:guidance/rules/*.json";

    private final Map<String, RuleDefinition> rules;

    @Autowired
    RuleBook() {
        this(LOCATION);
    }

    /** The rules at another location, for tests of broken files. */
    RuleBook(String location) {
        this.rules = load(location);
    }

    /** Every rule, by id. */
    public List<RuleDefinition> all() {
        return List.copyOf(rules.values());
    }

    public Optional<RuleDefinition> find(String ruleId) {
        return Optional.ofNullable(ruleId == null ? null : rules.get(ruleId));
    }

    public RuleDefinition require(String ruleId) {
        return find(ruleId).orElseThrow(() -> new NotFoundException("The recommendation rule " + ruleId));
    }

    private static Map<String, RuleDefinition> load(String location) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the guidance rule files at " + location, e);
        }
        if (resources.length == 0) {
            throw new IllegalStateException("No guidance rule files at " + location);
        }
        List<RuleDefinition> read = new ArrayList<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (Resource resource : resources) {
            String name = resource.getFilename();
            RuleDefinition rule;
            try (InputStream in = resource.getInputStream()) {
                rule = RuleFiles.read(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the guidance rule file " + resource.getDescription(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Broken guidance rule file " + e.getMessage() + " (read from "
                        + resource.getDescription() + ")", e);
            }
            String earlier = fileOf.putIfAbsent(rule.id(), resource.getDescription());
            if (earlier != null) { // the same file name in two jars or folders on the class path
                throw new IllegalStateException("Two guidance rule files define " + rule.id() + ": " + earlier + " and "
                        + resource.getDescription());
            }
            read.add(rule);
        }
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        read.stream().sorted(Comparator.comparing(RuleDefinition::id)).forEach(rule -> byId.put(rule.id(), rule));
        return byId;
    }
}
