package io.flightdeck.assets.web;

import io.flightdeck.support.OpenSearchContext;
import org.junit.jupiter.api.Nested;

/** The asset library's search pages on the Elasticsearch backend against a real OpenSearch node ({@link OpenSearchContext}). */
class OpenSearchAssetLibrarySearchPagesTests extends OpenSearchContext {

    @Nested
    class Pages extends AssetLibrarySearchPagesTests {
    }
}
