package io.flightdeck.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathHeadsTests {

    private final PathHeads<String> heads = PathHeads.fromPatterns(mappings());

    private static Map<String, List<String>> mappings() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("list", List.of("/api/v1/campaigns"));
        m.put("get", List.of("/api/v1/campaigns/{id}"));
        m.put("tasks", List.of("/api/v1/campaigns/{id}/tasks"));
        m.put("export", List.of("/api/v1/campaigns/export.csv"));
        m.put("page", List.of("/campaigns/{id}"));
        m.put("home", List.of("/"));
        m.put("files", List.of("/files/**"));
        m.put("anything", List.of());
        m.put("two", List.of("/api/v1/assets", "/api/v1/assets/{id}/copy"));
        m.put("deep", List.of("/api/v1/campaigns/{id}/approvals/{approvalId}"));
        return m;
    }

    @Test
    void aPathWithAVariableFindsTheMappingsOfItsHeadOnly() {
        assertThat(heads.candidates("/api/v1/campaigns/123"))
                .containsExactlyInAnyOrder("list", "get", "tasks", "export", "deep", "anything");
    }

    @Test
    void aLiteralPathFindsItself() {
        assertThat(heads.candidates("/api/v1/campaigns")).contains("list").doesNotContain("page", "files", "two");
        assertThat(heads.candidates("/")).contains("home").doesNotContain("list");
    }

    @Test
    void shortBeginningsAreFoundByEveryPathThatHasThem() {
        assertThat(heads.candidates("/campaigns/7")).contains("page", "anything").doesNotContain("get", "files");
        assertThat(heads.candidates("/files/a/b/c/d.png")).contains("files").doesNotContain("page");
    }

    @Test
    void aMappingWithSeveralPatternsIsFoundByEach() {
        assertThat(heads.candidates("/api/v1/assets")).containsOnlyOnce("two");
        assertThat(heads.candidates("/api/v1/assets/9/copy")).containsOnlyOnce("two");
    }

    @Test
    void aTrailingSlashKeepsTheHead() {
        assertThat(PathHeads.head("/api/v1/campaigns/")).isEqualTo("/api/v1/campaigns");
        assertThat(PathHeads.head("/api/v1/campaigns/1/tasks")).isEqualTo("/api/v1/campaigns");
        assertThat(PathHeads.head("/login")).isEqualTo("/login");
        assertThat(PathHeads.head("/")).isEqualTo("/");
    }

    @Test
    void escapesAndPathParametersAreNotPlain() {
        assertThat(PathHeads.isPlain("/api/v1/campaigns/1")).isTrue();
        assertThat(PathHeads.isPlain("/api/v1/c%61mpaigns/1")).isFalse();
        assertThat(PathHeads.isPlain("/api/v1/campaigns;a=b/1")).isFalse();
    }
}
