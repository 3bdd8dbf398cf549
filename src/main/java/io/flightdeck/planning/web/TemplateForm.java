package io.flightdeck.planning.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateChange;
import io.flightdeck.planning.templates.TemplateItem;
import io.flightdeck.planning.templates.TemplateView;
import org.springframework.util.MultiValueMap;

/**
 * The template editor: name, type, description and one row per item. A JavaBean so {@code items[3].title} binds into
 * a growing list; numbers and predecessors ({@code brief, messaging}) are text, parsed here so a typo comes back beside
 * its cell. Each row's skills are chips posted as repeated {@code items[3].skillName}/{@code items[3].skillLevel}
 * pairs, read by {@link #readSkills} (not bound: a single posted value would be split at commas); their errors are keyed
 * {@code items[3].skills[1]} by chip. Blank new rows are left out; a row with its remove box ticked is dropped.
 */
class TemplateForm {

    static final int BLANK_ROWS = 3;
    static final int MAX_SKILLS = 20;

    private String name;
    private CampaignType campaignType;
    private String description;
    private Long version;
    private List<Row> items = new ArrayList<>();

    static TemplateForm of(TemplateView template) {
        TemplateForm form = new TemplateForm();
        form.name = template.name();
        form.campaignType = template.campaignType();
        form.description = template.description();
        form.version = template.version();
        template.items().forEach(i -> form.items.add(Row.of(i)));
        form.addBlankRows(BLANK_ROWS);
        return form;
    }

    void addBlankRows(int count) {
        for (int i = 0; i < count && items.size() < 200 + BLANK_ROWS; i++) {
            items.add(new Row());
        }
    }

    /** Each row's chips from its posted name/level pairs. */
    void readSkills(MultiValueMap<String, String> params) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                items.get(i).chips = SkillChip.posted(params.get("items[" + i + "].skillName"),
                        params.get("items[" + i + "].skillLevel"));
            }
        }
    }

    /** The rows that become items, by their index in {@link #items}, so errors point at the right row. */
    List<Integer> keptRows() {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Row row = items.get(i);
            if (row != null && !row.isRemove() && !row.isBlank()) {
                kept.add(i);
            }
        }
        return kept;
    }

    /**
     * The change; a cell it cannot read adds its message by field ({@code items[2].durationDays}) and stands in as 0,
     * so checking the change still finds every other cell's problem.
     */
    TemplateChange toChange(Map<String, String> errors) {
        List<TemplateItem> converted = new ArrayList<>();
        for (int index : keptRows()) {
            converted.add(items.get(index).toItem("items[" + index + "]", errors));
        }
        return new TemplateChange(campaignType, name, description, converted);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CampaignType getCampaignType() {
        return campaignType;
    }

    public void setCampaignType(CampaignType campaignType) {
        this.campaignType = campaignType;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<Row> getItems() {
        return items;
    }

    public void setItems(List<Row> items) {
        this.items = items;
    }

    /** One item row as typed. */
    public static class Row {

        private String key;
        private String title;
        private TaskKind kind = TaskKind.TASK;
        private String durationDays;
        private String estimateHours;
        private List<SkillChip> chips = new ArrayList<>();
        private String dependsOn;
        private String milestone;
        private boolean remove;

        static Row of(TemplateItem item) {
            Row row = new Row();
            row.key = item.key();
            row.title = item.title();
            row.kind = item.kind();
            row.durationDays = String.valueOf(item.durationDays());
            row.estimateHours = item.estimateHours() == Math.rint(item.estimateHours())
                    ? String.valueOf((long) item.estimateHours()) : String.valueOf(item.estimateHours());
            row.chips = item.skills().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new SkillChip(e.getKey(), String.valueOf(e.getValue()))).toList();
            row.dependsOn = String.join(", ", item.dependsOn());
            row.milestone = item.milestone();
            return row;
        }

        boolean isBlank() {
            return blank(key) && blank(title) && blank(durationDays) && chips.isEmpty() && blank(dependsOn);
        }

        TemplateItem toItem(String field, Map<String, String> errors) {
            int duration = 0;
            if (!blank(durationDays)) {
                try {
                    duration = Integer.parseInt(durationDays.strip());
                } catch (NumberFormatException e) {
                    errors.put(field + ".durationDays", "must be a whole number of working days");
                }
            } else if (kind != TaskKind.MILESTONE) {
                errors.put(field + ".durationDays", "is required for a task");
            }
            double estimate = 0;
            if (!blank(estimateHours)) {
                try {
                    estimate = Double.parseDouble(estimateHours.strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    errors.put(field + ".estimateHours", "must be a number of hours");
                }
            }
            Map<String, Integer> parsedSkills = skills(field, errors);
            List<String> predecessors = blank(dependsOn) ? List.of()
                    : Arrays.stream(dependsOn.split("[,\\s]+")).filter(s -> !s.isBlank()).map(String::strip).toList();
            return new TemplateItem(key, title, kind, duration, estimate, parsedSkills, predecessors,
                    blank(milestone) ? null : milestone.strip());
        }

        /** One chip per skill: a name posted twice (the add row naming an existing chip) keeps the later level. */
        private Map<String, Integer> skills(String field, Map<String, String> errors) {
            Map<String, Integer> parsed = new LinkedHashMap<>();
            if (chips.size() > MAX_SKILLS) {
                errors.put(field + ".skills", "a row has at most " + MAX_SKILLS + " skills");
                return parsed;
            }
            for (int i = 0; i < chips.size(); i++) {
                String name = chips.get(i).storedName();
                Integer level = wholeNumber(chips.get(i).level());
                String chip = field + ".skills[" + i + "]";
                if (!SkillChip.NAME.matcher(name).matches()) {
                    errors.put(chip, "not a skill name; use lower-case letters, digits and dashes, starting with a "
                            + "letter (at most 40)");
                } else if (level == null || level < 1 || level > 5) {
                    errors.put(chip, "choose a level from 1 to 5");
                } else {
                    parsed.remove(name);
                    parsed.put(name, level);
                }
            }
            return parsed;
        }

        private static Integer wholeNumber(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public TaskKind getKind() {
            return kind;
        }

        public void setKind(TaskKind kind) {
            this.kind = kind;
        }

        public String getDurationDays() {
            return durationDays;
        }

        public void setDurationDays(String durationDays) {
            this.durationDays = durationDays;
        }

        public String getEstimateHours() {
            return estimateHours;
        }

        public void setEstimateHours(String estimateHours) {
            this.estimateHours = estimateHours;
        }

        /** The skills as chips; set from the posted pairs by {@link TemplateForm#readSkills}, not by binding. */
        public List<SkillChip> getChips() {
            return chips;
        }

        public String getDependsOn() {
            return dependsOn;
        }

        public void setDependsOn(String dependsOn) {
            this.dependsOn = dependsOn;
        }

        public String getMilestone() {
            return milestone;
        }

        public void setMilestone(String milestone) {
            this.milestone = milestone;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }
}
