package io.flightdeck.shared.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/** {@link SearchAnalysis} on an Elasticsearch or OpenSearch cluster: the same chains under their names there. */
class ElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(SearchAnalysis.ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilters("english_possessive", "lowercase", "asciifolding", "porter_stem");
        context.tokenFilter("english_possessive").type("stemmer").param("language", "possessive_english");
        context.normalizer(SearchAnalysis.LOWERCASE).custom()
                .tokenFilters("lowercase", "asciifolding");
        context.analyzer(SearchAnalysis.TRIGRAM).custom()
                .tokenizer("trigram")
                .tokenFilters("lowercase", "asciifolding");
        context.tokenizer("trigram").type("ngram").param("min_gram", 3).param("max_gram", 3);
    }
}
