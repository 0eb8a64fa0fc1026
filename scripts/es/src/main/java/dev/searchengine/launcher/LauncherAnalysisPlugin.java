package dev.searchengine.launcher;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.classic.ClassicFilter;
import org.apache.lucene.analysis.classic.ClassicTokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeepWordFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.path.PathHierarchyTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredCharFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * The analysis components of the distribution's analysis-common module that
 * search projects commonly use, built on Lucene's analysis classes (the
 * analysis-common module itself is not published on Maven Central).  Setting
 * names and defaults follow the Elasticsearch reference documentation.
 *
 * <p>Analyzers: cjk, english, french, german, spanish, italian, portuguese, dutch,
 * russian, smartcn (Lucene smartcn).  Tokenizers: keyword, whitespace, letter,
 * lowercase, ngram, edge_ngram, pattern, classic, uax_url_email, path_hierarchy,
 * smartcn_tokenizer.  Token filters: asciifolding, lowercase (language),
 * uppercase, trim, unique, reverse, length, truncate, limit, keep, elision,
 * apostrophe, classic, decimal_digit, flatten_graph, remove_duplicates,
 * cjk_bigram, cjk_width, ngram, edge_ngram, stemmer, porter_stem, kstem,
 * snowball, stemmer_override, keyword_marker, word_delimiter_graph,
 * pattern_replace, german_normalization, synonym, synonym_graph (inline or
 * file synonyms, solr/wordnet format, expand, lenient, updateable).  Char
 * filters: html_strip, mapping, pattern_replace.
 */
public class LauncherAnalysisPlugin extends Plugin implements AnalysisPlugin {

    // ------------------------------------------------------------------ analyzers

    private interface AnalyzerFactory {
        Analyzer create(CharArraySet stopwords, CharArraySet stemExclusion);
    }

    private record Language(String name, CharArraySet defaultStopwords, AnalyzerFactory factory) {}

    private static final List<Language> LANGUAGES = List.of(
        new Language("cjk", CJKAnalyzer.getDefaultStopSet(), (stop, excl) -> new CJKAnalyzer(stop)),
        new Language("english", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, EnglishAnalyzer::new),
        new Language("french", FrenchAnalyzer.getDefaultStopSet(), FrenchAnalyzer::new),
        new Language("german", GermanAnalyzer.getDefaultStopSet(), GermanAnalyzer::new),
        new Language("spanish", SpanishAnalyzer.getDefaultStopSet(), SpanishAnalyzer::new),
        new Language("italian", ItalianAnalyzer.getDefaultStopSet(), ItalianAnalyzer::new),
        new Language("portuguese", PortugueseAnalyzer.getDefaultStopSet(), PortugueseAnalyzer::new),
        new Language("dutch", DutchAnalyzer.getDefaultStopSet(), DutchAnalyzer::new),
        new Language("russian", RussianAnalyzer.getDefaultStopSet(), RussianAnalyzer::new)
    );

    private static final class SimpleAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        SimpleAnalyzerProvider(String name, Settings settings, Analyzer analyzer) {
            super(name, settings);
            this.analyzer = analyzer;
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new TreeMap<>();
        for (Language lang : LANGUAGES) {
            m.put(lang.name(), (indexSettings, env, name, settings) -> {
                CharArraySet stop = Analysis.parseStopWords(env, settings, lang.defaultStopwords());
                CharArraySet exclusion = Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET);
                return new SimpleAnalyzerProvider(name, settings, lang.factory().create(stop, exclusion));
            });
        }
        m.put("smartcn", (indexSettings, env, name, settings) -> new SimpleAnalyzerProvider(name, settings, new SmartChineseAnalyzer()));
        return m;
    }

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        List<PreBuiltAnalyzerProviderFactory> l = new ArrayList<>();
        for (Language lang : LANGUAGES) {
            l.add(
                new PreBuiltAnalyzerProviderFactory(
                    lang.name(),
                    CachingStrategy.LUCENE,
                    () -> lang.factory().create(lang.defaultStopwords(), CharArraySet.EMPTY_SET)
                )
            );
        }
        l.add(new PreBuiltAnalyzerProviderFactory("smartcn", CachingStrategy.ONE, SmartChineseAnalyzer::new));
        return l;
    }

    // ------------------------------------------------------------------ tokenizers

    private static AnalysisProvider<TokenizerFactory> tokenizer(BiFunction<IndexSettings, Settings, Supplier<Tokenizer>> f) {
        return (indexSettings, env, name, settings) -> {
            Supplier<Tokenizer> supplier = f.apply(indexSettings, settings);
            return new AbstractTokenizerFactory(indexSettings, settings, name) {
                @Override
                public Tokenizer create() {
                    return supplier.get();
                }
            };
        };
    }

    private static IntPredicate tokenChars(Settings settings) {
        List<String> classes = settings.getAsList("token_chars", List.of());
        if (classes.isEmpty()) {
            return null;
        }
        String custom = settings.get("custom_token_chars", "");
        IntPredicate p = c -> false;
        for (String cls : classes) {
            IntPredicate q = switch (cls.toLowerCase(Locale.ROOT)) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> c -> switch (Character.getType(c)) {
                    case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                        Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                        Character.OTHER_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> c -> switch (Character.getType(c)) {
                    case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
                    default -> false;
                };
                case "custom" -> c -> custom.codePoints().anyMatch(x -> x == c);
                default -> throw new IllegalArgumentException("Unknown token type: '" + cls + "'");
            };
            p = p.or(q);
        }
        return p;
    }

    private static void checkNgramDiff(IndexSettings indexSettings, int min, int max) {
        int allowed = indexSettings.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in NGram Tokenizer must be less than or equal to: ["
                    + allowed
                    + "] but was ["
                    + (max - min)
                    + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey()
                    + "] index level setting."
            );
        }
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("keyword", tokenizer((is, s) -> {
            int buffer = s.getAsInt("buffer_size", 256);
            return () -> new KeywordTokenizer(buffer);
        }));
        m.put("whitespace", tokenizer((is, s) -> {
            int max = s.getAsInt("max_token_length", 255);
            return () -> new WhitespaceTokenizer(WhitespaceTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, max);
        }));
        m.put("letter", tokenizer((is, s) -> LetterTokenizer::new));
        m.put("lowercase", tokenizer((is, s) -> LowerCaseLetterTokenizer::new));
        m.put("classic", tokenizer((is, s) -> {
            int max = s.getAsInt("max_token_length", 255);
            return () -> {
                ClassicTokenizer t = new ClassicTokenizer();
                t.setMaxTokenLength(max);
                return t;
            };
        }));
        m.put("uax_url_email", tokenizer((is, s) -> {
            int max = s.getAsInt("max_token_length", 255);
            return () -> {
                UAX29URLEmailTokenizer t = new UAX29URLEmailTokenizer();
                t.setMaxTokenLength(max);
                return t;
            };
        }));
        m.put("path_hierarchy", tokenizer((is, s) -> {
            char delimiter = s.get("delimiter", "/").charAt(0);
            String r = s.get("replacement");
            char replacement = r == null ? delimiter : r.charAt(0);
            int skip = s.getAsInt("skip", 0);
            return () -> new PathHierarchyTokenizer(delimiter, replacement, skip);
        }));
        m.put("pattern", tokenizer((is, s) -> {
            Pattern pattern = Pattern.compile(s.get("pattern", "\\W+"), regexFlags(s.get("flags")));
            int group = s.getAsInt("group", -1);
            return () -> new PatternTokenizer(pattern, group);
        }));
        m.put("ngram", tokenizer((is, s) -> {
            int min = s.getAsInt("min_gram", 1);
            int max = s.getAsInt("max_gram", 2);
            checkNgramDiff(is, min, max);
            IntPredicate chars = tokenChars(s);
            return () -> chars == null ? new NGramTokenizer(min, max) : new NGramTokenizer(min, max) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return chars.test(chr);
                }
            };
        }));
        m.put("edge_ngram", tokenizer((is, s) -> {
            int min = s.getAsInt("min_gram", 1);
            int max = s.getAsInt("max_gram", 2);
            IntPredicate chars = tokenChars(s);
            return () -> chars == null ? new EdgeNGramTokenizer(min, max) : new EdgeNGramTokenizer(min, max) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return chars.test(chr);
                }
            };
        }));
        m.put("smartcn_tokenizer", tokenizer((is, s) -> HMMChineseTokenizer::new));
        return m;
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
            PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new),
            PreConfiguredTokenizer.singleton("letter", LetterTokenizer::new),
            PreConfiguredTokenizer.singleton("lowercase", LowerCaseLetterTokenizer::new),
            PreConfiguredTokenizer.singleton("classic", ClassicTokenizer::new),
            PreConfiguredTokenizer.singleton("uax_url_email", UAX29URLEmailTokenizer::new),
            PreConfiguredTokenizer.singleton("path_hierarchy", PathHierarchyTokenizer::new),
            PreConfiguredTokenizer.singleton("pattern", () -> new PatternTokenizer(Pattern.compile("\\W+"), -1)),
            PreConfiguredTokenizer.singleton("ngram", NGramTokenizer::new),
            PreConfiguredTokenizer.singleton("edge_ngram", () -> new EdgeNGramTokenizer(1, 1)),
            PreConfiguredTokenizer.singleton("smartcn_tokenizer", HMMChineseTokenizer::new)
        );
    }

    // ------------------------------------------------------------------ token filters

    private static AnalysisProvider<TokenFilterFactory> filter(BiFunction<IndexSettings, Settings, Function<TokenStream, TokenStream>> f) {
        return filter(f, false);
    }

    private static AnalysisProvider<TokenFilterFactory> filter(
        BiFunction<IndexSettings, Settings, Function<TokenStream, TokenStream>> f,
        boolean normalizing
    ) {
        return (indexSettings, env, name, settings) -> {
            Function<TokenStream, TokenStream> fn = f.apply(indexSettings, settings);
            if (normalizing) {
                return new NormalizingFilter(name, settings, fn);
            }
            return new AbstractTokenFilterFactory(name, settings) {
                @Override
                public TokenStream create(TokenStream tokenStream) {
                    return fn.apply(tokenStream);
                }
            };
        };
    }

    private static final class NormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Function<TokenStream, TokenStream> fn;

        NormalizingFilter(String name, Settings settings, Function<TokenStream, TokenStream> fn) {
            super(name, settings);
            this.fn = fn;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return fn.apply(tokenStream);
        }
    }

    private static TokenStream stemmer(TokenStream ts, String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "english", "porter" -> new PorterStemFilter(ts);
            case "light_english", "kstem" -> new KStemFilter(ts);
            case "minimal_english" -> new EnglishMinimalStemFilter(ts);
            case "possessive_english" -> new EnglishPossessiveFilter(ts);
            case "porter2" -> new SnowballFilter(ts, "English");
            case "french" -> new SnowballFilter(ts, "French");
            case "light_french" -> new FrenchLightStemFilter(ts);
            case "minimal_french" -> new FrenchMinimalStemFilter(ts);
            case "german" -> new SnowballFilter(ts, "German");
            case "light_german" -> new GermanLightStemFilter(ts);
            case "spanish" -> new SnowballFilter(ts, "Spanish");
            case "light_spanish" -> new SpanishLightStemFilter(ts);
            case "italian" -> new SnowballFilter(ts, "Italian");
            case "light_italian" -> new ItalianLightStemFilter(ts);
            case "portuguese", "light_portuguese" -> new PortugueseLightStemFilter(ts);
            case "dutch" -> new SnowballFilter(ts, "Dutch");
            case "russian" -> new SnowballFilter(ts, "Russian");
            case "light_russian" -> new RussianLightStemFilter(ts);
            default -> {
                String lang = language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1).toLowerCase(Locale.ROOT);
                yield new SnowballFilter(ts, lang);
            }
        };
    }

    private static int cjkFlags(Settings s) {
        int flags = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String script : s.getAsList("ignored_scripts", List.of())) {
            switch (script.toLowerCase(Locale.ROOT)) {
                case "han" -> flags &= ~CJKBigramFilter.HAN;
                case "hiragana" -> flags &= ~CJKBigramFilter.HIRAGANA;
                case "katakana" -> flags &= ~CJKBigramFilter.KATAKANA;
                case "hangul" -> flags &= ~CJKBigramFilter.HANGUL;
                default -> throw new IllegalArgumentException("unknown script [" + script + "] in ignored_scripts");
            }
        }
        return flags;
    }

    private static int wordDelimiterFlags(Settings s) {
        int flags = 0;
        flags |= flag(s, "generate_word_parts", true, WordDelimiterGraphFilter.GENERATE_WORD_PARTS);
        flags |= flag(s, "generate_number_parts", true, WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS);
        flags |= flag(s, "catenate_words", false, WordDelimiterGraphFilter.CATENATE_WORDS);
        flags |= flag(s, "catenate_numbers", false, WordDelimiterGraphFilter.CATENATE_NUMBERS);
        flags |= flag(s, "catenate_all", false, WordDelimiterGraphFilter.CATENATE_ALL);
        flags |= flag(s, "split_on_case_change", true, WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE);
        flags |= flag(s, "preserve_original", false, WordDelimiterGraphFilter.PRESERVE_ORIGINAL);
        flags |= flag(s, "split_on_numerics", true, WordDelimiterGraphFilter.SPLIT_ON_NUMERICS);
        flags |= flag(s, "stem_english_possessive", true, WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE);
        flags |= flag(s, "ignore_keywords", false, WordDelimiterGraphFilter.IGNORE_KEYWORDS);
        return flags;
    }

    private static int flag(Settings s, String key, boolean dflt, int bit) {
        return s.getAsBoolean(key, dflt) ? bit : 0;
    }

    private static int regexFlags(String flags) {
        if (flags == null || flags.isBlank()) {
            return 0;
        }
        int result = 0;
        for (String f : flags.split("\\|")) {
            result |= switch (f.trim().toUpperCase(Locale.ROOT)) {
                case "CASE_INSENSITIVE" -> Pattern.CASE_INSENSITIVE;
                case "MULTILINE" -> Pattern.MULTILINE;
                case "DOTALL" -> Pattern.DOTALL;
                case "UNICODE_CASE" -> Pattern.UNICODE_CASE;
                case "CANON_EQ" -> Pattern.CANON_EQ;
                case "LITERAL" -> Pattern.LITERAL;
                case "UNICODE_CHARACTER_CLASS" -> Pattern.UNICODE_CHARACTER_CLASS;
                case "COMMENTS" -> Pattern.COMMENTS;
                case "UNIX_LINES" -> Pattern.UNIX_LINES;
                default -> throw new IllegalArgumentException("Unknown regex flag [" + f + "]");
            };
        }
        return result;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("asciifolding", filter((is, s) -> {
            boolean preserve = s.getAsBoolean("preserve_original", false);
            return ts -> new ASCIIFoldingFilter(ts, preserve);
        }, true));
        m.put("lowercase", filter((is, s) -> {
            String language = s.get("language");
            if (language == null) {
                return LowerCaseFilter::new;
            }
            return switch (language.toLowerCase(Locale.ROOT)) {
                case "greek" -> GreekLowerCaseFilter::new;
                case "irish" -> IrishLowerCaseFilter::new;
                case "turkish" -> TurkishLowerCaseFilter::new;
                default -> throw new IllegalArgumentException("language [" + language + "] not support for lower case");
            };
        }, true));
        m.put("uppercase", filter((is, s) -> UpperCaseFilter::new, true));
        m.put("trim", filter((is, s) -> TrimFilter::new, true));
        m.put("decimal_digit", filter((is, s) -> DecimalDigitFilter::new, true));
        m.put("cjk_width", filter((is, s) -> CJKWidthFilter::new, true));
        m.put("german_normalization", filter((is, s) -> GermanNormalizationFilter::new, true));
        m.put("unique", filter((is, s) -> {
            boolean samePosition = s.getAsBoolean("only_on_same_position", false);
            return ts -> samePosition ? new RemoveDuplicatesTokenFilter(ts) : new UniqueTokenFilter(ts);
        }));
        m.put("remove_duplicates", filter((is, s) -> RemoveDuplicatesTokenFilter::new));
        m.put("reverse", filter((is, s) -> ReverseStringFilter::new));
        m.put("apostrophe", filter((is, s) -> ApostropheFilter::new));
        m.put("classic", filter((is, s) -> ClassicFilter::new));
        m.put("flatten_graph", filter((is, s) -> FlattenGraphFilter::new));
        m.put("porter_stem", filter((is, s) -> PorterStemFilter::new));
        m.put("kstem", filter((is, s) -> KStemFilter::new));
        m.put("length", filter((is, s) -> {
            int min = s.getAsInt("min", 0);
            int max = s.getAsInt("max", Integer.MAX_VALUE);
            return ts -> new LengthFilter(ts, min, max);
        }));
        m.put("truncate", filter((is, s) -> {
            int length = s.getAsInt("length", 10);
            return ts -> new TruncateTokenFilter(ts, length);
        }));
        m.put("limit", filter((is, s) -> {
            int max = s.getAsInt("max_token_count", 1);
            boolean all = s.getAsBoolean("consume_all_tokens", false);
            return ts -> new LimitTokenCountFilter(ts, max, all);
        }));
        m.put("cjk_bigram", filter((is, s) -> {
            int flags = cjkFlags(s);
            boolean unigrams = s.getAsBoolean("output_unigrams", false);
            return ts -> new CJKBigramFilter(ts, flags, unigrams);
        }));
        m.put("ngram", filter((is, s) -> {
            int min = s.getAsInt("min_gram", 1);
            int max = s.getAsInt("max_gram", 2);
            checkNgramDiff(is, min, max);
            boolean preserve = s.getAsBoolean("preserve_original", false);
            return ts -> new NGramTokenFilter(ts, min, max, preserve);
        }));
        m.put("edge_ngram", filter((is, s) -> {
            int min = s.getAsInt("min_gram", 1);
            int max = s.getAsInt("max_gram", 2);
            boolean preserve = s.getAsBoolean("preserve_original", false);
            boolean back = "back".equalsIgnoreCase(s.get("side", "front"));
            return ts -> back
                ? new ReverseStringFilter(new EdgeNGramTokenFilter(new ReverseStringFilter(ts), min, max, preserve))
                : new EdgeNGramTokenFilter(ts, min, max, preserve);
        }));
        m.put("stemmer", filter((is, s) -> {
            String language = s.get("language", s.get("name", "porter"));
            return ts -> stemmer(ts, language);
        }));
        m.put("snowball", filter((is, s) -> {
            String language = s.get("language", "English");
            return ts -> new SnowballFilter(ts, language);
        }));
        m.put("word_delimiter_graph", filter((is, s) -> {
            int flags = wordDelimiterFlags(s);
            boolean adjustOffsets = s.getAsBoolean("adjust_offsets", true);
            List<String> protectedWords = s.getAsList("protected_words", List.of());
            CharArraySet prot = protectedWords.isEmpty() ? null : new CharArraySet(protectedWords, false);
            return ts -> new WordDelimiterGraphFilter(ts, adjustOffsets, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, flags, prot);
        }));
        m.put("pattern_replace", requiresAnalysisSettings(filter((is, s) -> {
            String p = s.get("pattern");
            if (p == null) {
                throw new IllegalArgumentException("pattern is missing for [pattern_replace] token filter");
            }
            Pattern pattern = Pattern.compile(p, regexFlags(s.get("flags")));
            String replacement = s.get("replacement", "");
            boolean all = s.getAsBoolean("all", true);
            return ts -> new PatternReplaceFilter(ts, pattern, replacement, all);
        })));
        m.put("elision", (is, env, name, s) -> {
            CharArraySet articles = Analysis.parseArticles(env, s);
            boolean ignoreCase = s.getAsBoolean("articles_case", false);
            CharArraySet set = articles == null ? FrenchAnalyzer.DEFAULT_ARTICLES
                : ignoreCase ? new CharArraySet(articles, true) : articles;
            return new NormalizingFilter(name, s, ts -> new ElisionFilter(ts, set));
        });
        m.put("keep", requiresAnalysisSettings((is, env, name, s) -> {
            CharArraySet words = Analysis.getWordSet(env, s, "keep_words");
            if (words == null) {
                throw new IllegalArgumentException("keep requires keep_words or keep_words_path to be configured");
            }
            CharArraySet set = s.getAsBoolean("keep_words_case", false) ? new CharArraySet(words, true) : words;
            return new NormalizingFilter(name, s, ts -> new KeepWordFilter(ts, set));
        }));
        m.put("keyword_marker", requiresAnalysisSettings((is, env, name, s) -> {
            String pattern = s.get("keywords_pattern");
            boolean ignoreCase = s.getAsBoolean("ignore_case", false);
            if (pattern != null) {
                Pattern p = Pattern.compile(pattern);
                return new NormalizingFilter(name, s, ts -> new PatternKeywordMarkerFilter(ts, p));
            }
            CharArraySet words = Analysis.getWordSet(env, s, "keywords");
            if (words == null) {
                throw new IllegalArgumentException("keyword filter requires either `keywords`, `keywords_path`, or `keywords_pattern` to be configured");
            }
            CharArraySet set = ignoreCase ? new CharArraySet(words, true) : words;
            return new NormalizingFilter(name, s, ts -> new SetKeywordMarkerFilter(ts, set));
        }));
        m.put("stemmer_override", requiresAnalysisSettings((is, env, name, s) -> {
            List<String> rules = Analysis.getWordList(env, s, "rules");
            if (rules == null) {
                throw new IllegalArgumentException("stemmer override filter requires either `rules` or `rules_path` to be configured");
            }
            StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(false);
            for (String rule : rules) {
                String[] parts = rule.split("=>");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("Invalid Keyword override Rule:" + rule);
                }
                String target = parts[1].trim();
                for (String key : parts[0].split(",")) {
                    if (key.isBlank() == false) {
                        b.add(key.trim(), target);
                    }
                }
            }
            StemmerOverrideFilter.StemmerOverrideMap map = b.build();
            return new AbstractTokenFilterFactory(name, s) {
                @Override
                public TokenStream create(TokenStream tokenStream) {
                    return new StemmerOverrideFilter(tokenStream, map);
                }
            };
        }));
        m.put("synonym", requiresAnalysisSettings((is, env, name, s) -> new SynonymFactory(env, name, s, false)));
        m.put("synonym_graph", requiresAnalysisSettings((is, env, name, s) -> new SynonymFactory(env, name, s, true)));
        return m;
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton("uppercase", true, UpperCaseFilter::new),
            PreConfiguredTokenFilter.singleton("trim", true, TrimFilter::new),
            PreConfiguredTokenFilter.singleton("decimal_digit", true, DecimalDigitFilter::new),
            PreConfiguredTokenFilter.singleton("cjk_width", true, CJKWidthFilter::new),
            PreConfiguredTokenFilter.singleton("german_normalization", true, GermanNormalizationFilter::new),
            PreConfiguredTokenFilter.singleton("elision", true, ts -> new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES)),
            PreConfiguredTokenFilter.singleton("cjk_bigram", false, CJKBigramFilter::new),
            PreConfiguredTokenFilter.singleton("unique", false, UniqueTokenFilter::new),
            PreConfiguredTokenFilter.singleton("remove_duplicates", false, RemoveDuplicatesTokenFilter::new),
            PreConfiguredTokenFilter.singleton("reverse", false, ReverseStringFilter::new),
            PreConfiguredTokenFilter.singleton("apostrophe", false, ApostropheFilter::new),
            PreConfiguredTokenFilter.singleton("classic", false, ClassicFilter::new),
            PreConfiguredTokenFilter.singleton("flatten_graph", false, FlattenGraphFilter::new),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("kstem", false, KStemFilter::new),
            PreConfiguredTokenFilter.singleton("stemmer", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("snowball", false, ts -> new SnowballFilter(ts, "English")),
            PreConfiguredTokenFilter.singleton("ngram", false, false, ts -> new NGramTokenFilter(ts, 1, 2, false)),
            PreConfiguredTokenFilter.singleton("edge_ngram", false, false, ts -> new EdgeNGramTokenFilter(ts, 1, 1, false)),
            PreConfiguredTokenFilter.singleton(
                "word_delimiter_graph",
                false,
                false,
                ts -> new WordDelimiterGraphFilter(
                    ts,
                    true,
                    WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                    WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                        | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
                        | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE,
                    null
                )
            )
        );
    }

    // ------------------------------------------------------------------ synonyms

    /**
     * synonym / synonym_graph.  The rules are analysed with the analysis chain
     * that precedes the filter (tokenizer, char filters and earlier token
     * filters), as Elasticsearch does.  With {@code updateable: true} the
     * filter may only be used in search analyzers, and
     * {@code POST /<index>/_reload_search_analyzers} re-reads synonyms_path.
     */
    static final class SynonymFactory extends AbstractTokenFilterFactory {
        private final Environment env;
        private final Settings settings;
        private final boolean graph;
        private final boolean expand;
        private final boolean lenient;
        private final boolean updateable;
        private final String format;

        SynonymFactory(Environment env, String name, Settings settings, boolean graph) {
            super(name, settings);
            this.env = env;
            this.settings = settings;
            this.graph = graph;
            this.expand = settings.getAsBoolean("expand", true);
            this.lenient = settings.getAsBoolean("lenient", false);
            this.updateable = settings.getAsBoolean("updateable", false);
            this.format = settings.get("format", "");
            if (settings.get("synonyms_set") != null) {
                throw new IllegalArgumentException("[synonyms_set] is not supported by this local search engine; use synonyms or synonyms_path");
            }
            if (settings.getAsList("synonyms", null) == null && settings.get("synonyms_path") == null) {
                throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
            }
        }

        @Override
        public AnalysisMode getAnalysisMode() {
            return updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        }

        @Override
        public String getResourceName() {
            return settings.get("synonyms_path");
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
            Analyzer analyzer = chainAnalyzer(tokenizer, charFilters, previousTokenFilters);
            SynonymMap map = buildMap(analyzer);
            String name = name();
            AnalysisMode mode = getAnalysisMode();
            String resource = getResourceName();
            return new TokenFilterFactory() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                @SuppressWarnings("deprecation")
                public TokenStream create(TokenStream tokenStream) {
                    if (map.fst == null) {
                        return tokenStream;
                    }
                    return graph
                        ? new SynonymGraphFilter(tokenStream, map, false)
                        : new org.apache.lucene.analysis.synonym.SynonymFilter(tokenStream, map, false);
                }

                @Override
                public TokenFilterFactory getSynonymFilter() {
                    // chained synonym filters must not be applied to the synonym rules themselves
                    return IDENTITY_FILTER;
                }

                @Override
                public AnalysisMode getAnalysisMode() {
                    return mode;
                }

                @Override
                public String getResourceName() {
                    return resource;
                }
            };
        }

        private static Analyzer chainAnalyzer(TokenizerFactory tokenizer, List<CharFilterFactory> charFilters, List<TokenFilterFactory> filters) {
            List<TokenFilterFactory> synonymFilters = new ArrayList<>();
            for (TokenFilterFactory f : filters) {
                synonymFilters.add(f.getSynonymFilter());
            }
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

        private Reader rules() {
            List<String> inline = settings.getAsList("synonyms", null);
            if (inline != null) {
                return new StringReader(String.join("\n", inline));
            }
            return Analysis.getReaderFromFile(env, settings.get("synonyms_path"), "synonyms_path");
        }

        private SynonymMap buildMap(Analyzer analyzer) {
            try (Reader reader = rules()) {
                SynonymMap.Parser parser = "wordnet".equalsIgnoreCase(format)
                    ? new LenientWordnetParser(expand, lenient, analyzer)
                    : new LenientSolrParser(expand, lenient, analyzer);
                parser.parse(reader);
                return parser.build();
            } catch (ParseException | IOException | RuntimeException e) {
                throw new IllegalArgumentException("failed to build synonyms", e);
            }
        }
    }

    private static CharsRef lenientAnalyze(boolean lenient, CharsRefBuilder reuse, AnalyzeCall call, String text) throws IOException {
        try {
            return call.analyze(text, reuse);
        } catch (IllegalArgumentException e) {
            if (lenient) {
                reuse.clear();
                return reuse.get();
            }
            throw e;
        }
    }

    private interface AnalyzeCall {
        CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException;
    }

    static final class LenientSolrParser extends SolrSynonymParser {
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
            return lenientAnalyze(lenient, reuse, super::analyze, text);
        }
    }

    static final class LenientWordnetParser extends WordnetSynonymParser {
        private final boolean lenient;

        LenientWordnetParser(boolean expand, boolean lenient, Analyzer analyzer) {
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
            return lenientAnalyze(lenient, reuse, super::analyze, text);
        }
    }

    // ------------------------------------------------------------------ char filters

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> m = new TreeMap<>();
        m.put("html_strip", (is, env, name, s) -> {
            List<String> escaped = s.getAsList("escaped_tags", List.of());
            java.util.Set<String> tags = escaped.isEmpty() ? null : new java.util.HashSet<>(escaped);
            return new AbstractCharFilterFactory(name) {
                @Override
                public Reader create(Reader reader) {
                    return new HTMLStripCharFilter(reader, tags);
                }
            };
        });
        m.put("mapping", requiresAnalysisSettings((is, env, name, s) -> {
            List<String> rules = Analysis.getWordList(env, s, "mappings");
            if (rules == null) {
                throw new IllegalArgumentException("mapping requires either `mappings` or `mappings_path` to be configured");
            }
            NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
            for (String rule : rules) {
                int arrow = rule.indexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
                }
                String from = unescape(rule.substring(0, arrow).trim());
                String to = unescape(rule.substring(arrow + 2).trim());
                if (from.isEmpty()) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
                }
                b.add(from, to);
            }
            NormalizeCharMap map = b.build();
            return new NormalizingCharFilter(name, r -> new MappingCharFilter(map, r));
        }));
        m.put("pattern_replace", requiresAnalysisSettings((is, env, name, s) -> {
            String p = s.get("pattern");
            if (p == null) {
                throw new IllegalArgumentException("pattern is missing for [" + name + "] char filter of type 'pattern_replace'");
            }
            Pattern pattern = Pattern.compile(p, regexFlags(s.get("flags")));
            String replacement = s.get("replacement", "");
            return new NormalizingCharFilter(name, r -> new PatternReplaceCharFilter(pattern, replacement, r));
        }));
        return m;
    }

    private static final class NormalizingCharFilter extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final Function<Reader, Reader> fn;

        NormalizingCharFilter(String name, Function<Reader, Reader> fn) {
            super(name);
            this.fn = fn;
        }

        @Override
        public Reader create(Reader reader) {
            return fn.apply(reader);
        }
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public List<PreConfiguredCharFilter> getPreConfiguredCharFilters() {
        return List.of(PreConfiguredCharFilter.singleton("html_strip", false, HTMLStripCharFilter::new));
    }
}
