package dev.searchengine.launcher;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * The token filters of the distribution's analysis-common module that the
 * portal's index (search/documents.py) uses: that module is not published on
 * Maven Central, so these are rebuilt here on Lucene's analysis classes.
 *
 * <p>cjk_width, cjk_bigram and porter_stem by name (default settings), and
 * synonym_graph with inline {@code synonyms}, {@code expand} and
 * {@code lenient}.  The rest of the index's analysis (standard tokenizer,
 * lowercase and stop filters, standard and simple analyzers) is built into the
 * server.
 */
public class LauncherAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("cjk_width", true, CJKWidthFilter::new),
            PreConfiguredTokenFilter.singleton("cjk_bigram", false, CJKBigramFilter::new),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("synonym_graph", requiresAnalysisSettings((indexSettings, env, name, settings) -> new SynonymGraphFactory(name, settings)));
    }

    /**
     * synonym_graph.  The rules (Solr format) are analysed with the analysis
     * chain that precedes the filter (tokenizer, char filters and earlier token
     * filters), as Elasticsearch does.
     */
    private static final class SynonymGraphFactory extends AbstractTokenFilterFactory {
        private final List<String> rules;
        private final boolean expand;
        private final boolean lenient;

        SynonymGraphFactory(String name, Settings settings) {
            super(name, settings);
            for (String key : List.of("synonyms_path", "synonyms_set")) {
                if (settings.get(key) != null) {
                    throw new IllegalArgumentException("[" + key + "] is not supported by the local search engine's synonym_graph; use inline synonyms");
                }
            }
            if (settings.get("format", "solr").equals("solr") == false) {
                throw new IllegalArgumentException("only the solr synonym format is supported by the local search engine's synonym_graph");
            }
            this.rules = settings.getAsList("synonyms", null);
            if (rules == null) {
                throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
            }
            this.expand = settings.getAsBoolean("expand", true);
            this.lenient = settings.getAsBoolean("lenient", false);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
        }

        @Override
        public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters
        ) {
            SynonymMap map = buildMap(chainAnalyzer(tokenizer, charFilters, previousTokenFilters));
            String name = name();
            return new TokenFilterFactory() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public TokenStream create(TokenStream tokenStream) {
                    return map.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, map, false);
                }

                @Override
                public TokenFilterFactory getSynonymFilter() {
                    // a later synonym filter must not apply this one to its own rules
                    return IDENTITY_FILTER;
                }
            };
        }

        private static Analyzer chainAnalyzer(TokenizerFactory tokenizer, List<CharFilterFactory> charFilters, List<TokenFilterFactory> filters) {
            List<TokenFilterFactory> synonymFilters = filters.stream().map(TokenFilterFactory::getSynonymFilter).toList();
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer source = tokenizer.create();
                    TokenStream ts = source;
                    for (TokenFilterFactory f : synonymFilters) {
                        ts = f.create(ts);
                    }
                    return new TokenStreamComponents(source, ts);
                }

                @Override
                protected Reader initReader(String fieldName, Reader reader) {
                    for (CharFilterFactory c : charFilters) {
                        reader = c.create(reader);
                    }
                    return reader;
                }
            };
        }

        private SynonymMap buildMap(Analyzer analyzer) {
            try {
                SolrSynonymParser parser = new LenientSolrParser(expand, lenient, analyzer);
                parser.parse(new StringReader(String.join("\n", rules)));
                return parser.build();
            } catch (ParseException | IOException | RuntimeException e) {
                throw new IllegalArgumentException("failed to build synonyms", e);
            }
        }
    }

    /** With lenient, a rule whose words the analysis chain rejects or empties is dropped instead of failing. */
    private static final class LenientSolrParser extends SolrSynonymParser {
        private final boolean lenient;

        LenientSolrParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient == false || (input.length > 0 && output.length > 0)) {
                super.add(input, output, includeOrig);
            }
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient == false) {
                    throw e;
                }
                reuse.clear();
                return reuse.get();
            }
        }
    }
}
