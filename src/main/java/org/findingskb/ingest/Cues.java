package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.concept.ConceptType;
import org.findingskb.study.ResearcherRole;

/** The cue lists of {@code ingest/cues.json}, compiled once into matchers. */
final class Cues {

    static final String RESOURCE = "ingest/cues.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(SentenceCues sentences, BoilerplateCues boilerplate, MetadataCues metadata,
            ResearcherCues researchers, PopulationCues population, FindingCues findings,
            TimescaleCues timescale, ConceptCues concepts, WordCues words) {
    }

    record SentenceCues(List<String> abbreviations) {
    }

    record BoilerplateCues(List<String> credit, List<String> link, List<String> publication, List<String> copyright,
            List<String> other, List<String> dates, List<String> sections) {
    }

    record MetadataCues(List<String> journalAnchors, List<String> journalConnectors, List<String> institutionAnchors,
            List<String> institutionConnectors, List<String> organizationWords, String doiPattern,
            List<String> sourceLineAnchors, List<String> republished, List<String> referenceLines,
            List<String> referenceJournals, List<String> wireDatelines, String mastheadSeparators,
            List<String> mastheadLeadIns, List<String> mastheadBylines, List<String> subUnitWords,
            List<String> independentUnitWords, List<String> issueLines) {
    }

    record ResearcherCues(List<String> honorifics, List<String> speechVerbs, List<String> personNouns,
            Map<String, List<String>> roles, List<String> leadBeforeName, List<String> seniorBeforeName,
            List<String> seniorAfterName, List<String> leadAfterName, List<String> authorBeforeName,
            List<String> appositiveStarts, List<String> nameParticles, List<String> outsideBeforeName) {
    }

    record PopulationCues(List<String> humanNouns, List<String> animalNouns, List<String> qualifierStops,
            List<String> quantifiers, List<String> conditionStops) {
    }

    record FindingCues(List<String> hedges, List<String> hedgeExceptions, List<String> reporting, List<String> outcome, List<String> priorWork,
            List<String> implication, List<String> clinical, List<String> limitation, List<String> harm, List<String> method,
            List<String> analogy, List<String> analogyEcho, List<String> metadataLine, List<String> mechanism,
            List<String> studyReference, List<String> anaphors, List<String> negations,
            Map<String, List<String>> patterns) {
    }

    record TimescaleCues(List<String> rapid, List<String> sustained, List<String> onsetPatterns,
            List<String> exceptions) {
    }

    record ConceptCues(List<String> namingCues, Map<String, List<String>> typeContext, List<String> genericNouns,
            List<String> dropModifiers) {
    }

    record WordCues(Map<String, String> irregularPlurals) {
    }

    // Boilerplate
    final List<Pattern> credit;
    final List<Pattern> link;
    final List<Pattern> publication;
    final List<Pattern> copyright;
    final List<Pattern> otherBoilerplate;
    final List<Pattern> dates;
    final List<Pattern> sections;
    final Set<String> abbreviations;

    // Metadata
    final List<Pattern> journalAnchors;
    final Set<String> journalConnectors;
    final List<Pattern> institutionAnchors;
    final Set<String> institutionConnectors;
    final Set<String> organizationWords;
    final Pattern doi;
    final List<Pattern> sourceLineAnchors;
    final List<Pattern> republished;
    final List<Pattern> referenceLines;
    final List<Pattern> referenceJournals;
    final List<Pattern> wireDatelines;
    final Pattern mastheadSeparators;
    final List<Pattern> mastheadLeadIns;
    final List<Pattern> mastheadBylines;
    final Set<String> subUnitWords;
    final Set<String> independentUnitWords;
    final List<Pattern> issueLines;

    // Researchers
    final Set<String> honorifics;
    final PhraseMatcher speechVerbs;
    final PhraseMatcher personNouns;
    final Map<ResearcherRole, PhraseMatcher> roles;
    final List<Pattern> leadBeforeName;
    final List<Pattern> seniorBeforeName;
    final List<Pattern> seniorAfterName;
    final List<Pattern> leadAfterName;
    final List<Pattern> authorBeforeName;
    final PhraseMatcher appositiveStarts;
    final List<String> nameParticles;
    final List<Pattern> outsideBeforeName;

    // Population
    final List<String> humanNouns;
    final List<String> animalNouns;
    final Set<String> qualifierStops;
    final List<String> quantifiers;
    final Set<String> conditionStops;

    // Findings
    final PhraseMatcher hedges;
    final PhraseMatcher hedgeExceptions;
    final PhraseMatcher reporting;
    final PhraseMatcher outcome;
    final PhraseMatcher priorWork;
    final PhraseMatcher implication;
    final PhraseMatcher clinical;
    final PhraseMatcher limitation;
    final PhraseMatcher harm;
    final PhraseMatcher method;
    final PhraseMatcher analogy;
    final PhraseMatcher analogyEcho;
    final PhraseMatcher metadataLine;
    final PhraseMatcher mechanism;
    final PhraseMatcher studyReference;
    final PhraseMatcher anaphors;
    final Set<String> negations;
    private final Map<String, List<Pattern>> findingPatterns;

    // Timescale
    final PhraseMatcher rapid;
    final PhraseMatcher sustained;
    final List<Pattern> onsetPatterns;
    final PhraseMatcher timescaleExceptions;

    // Concepts
    final PhraseMatcher namingCues;
    final Map<ConceptType, Set<String>> typeContext;
    final Set<String> genericNouns;
    final Set<String> dropModifiers;
    final WordForms wordForms;

    /** Journal, outlet and organisation vocabulary for metadata, from a file of its own. */
    final MetadataVocabulary vocabulary = MetadataVocabulary.fromClasspath();

    private Cues(File f) {
        this.credit = patterns(f.boilerplate().credit());
        this.link = patterns(f.boilerplate().link());
        this.publication = patterns(f.boilerplate().publication());
        this.copyright = patterns(f.boilerplate().copyright());
        this.otherBoilerplate = patterns(f.boilerplate().other());
        this.dates = patterns(f.boilerplate().dates());
        this.sections = patterns(f.boilerplate().sections());
        this.abbreviations = Set.copyOf(f.sentences().abbreviations());

        this.journalAnchors = patterns(f.metadata().journalAnchors());
        this.journalConnectors = lowerSet(f.metadata().journalConnectors());
        this.institutionAnchors = patterns(f.metadata().institutionAnchors());
        this.institutionConnectors = lowerSet(f.metadata().institutionConnectors());
        this.organizationWords = Set.copyOf(f.metadata().organizationWords());
        this.doi = Pattern.compile(f.metadata().doiPattern());
        this.sourceLineAnchors = patterns(f.metadata().sourceLineAnchors());
        this.republished = patterns(f.metadata().republished());
        this.referenceLines = patterns(f.metadata().referenceLines());
        this.referenceJournals = patterns(f.metadata().referenceJournals());
        this.wireDatelines = patterns(f.metadata().wireDatelines());
        this.mastheadSeparators = Pattern.compile(f.metadata().mastheadSeparators());
        this.mastheadLeadIns = patterns(f.metadata().mastheadLeadIns());
        this.mastheadBylines = patterns(f.metadata().mastheadBylines());
        this.subUnitWords = f.metadata().subUnitWords() == null ? Set.of() : Set.copyOf(f.metadata().subUnitWords());
        this.independentUnitWords = f.metadata().independentUnitWords() == null ? Set.of()
                : Set.copyOf(f.metadata().independentUnitWords());
        this.issueLines = patterns(f.metadata().issueLines());

        ResearcherCues r = f.researchers();
        this.honorifics = Set.copyOf(r.honorifics());
        this.speechVerbs = new PhraseMatcher(r.speechVerbs());
        this.personNouns = new PhraseMatcher(r.personNouns());
        Map<ResearcherRole, PhraseMatcher> roleMatchers = new EnumMap<>(ResearcherRole.class);
        r.roles().forEach((role, phrases) -> roleMatchers.put(ResearcherRole.valueOf(role), new PhraseMatcher(phrases)));
        this.roles = roleMatchers;
        this.leadBeforeName = patterns(r.leadBeforeName());
        this.seniorBeforeName = patterns(r.seniorBeforeName());
        this.seniorAfterName = patterns(r.seniorAfterName());
        this.leadAfterName = patterns(r.leadAfterName());
        this.authorBeforeName = patterns(r.authorBeforeName());
        this.appositiveStarts = new PhraseMatcher(r.appositiveStarts());
        this.nameParticles = r.nameParticles() == null ? List.of() : List.copyOf(r.nameParticles());
        this.outsideBeforeName = patterns(r.outsideBeforeName());

        this.humanNouns = List.copyOf(f.population().humanNouns());
        this.animalNouns = List.copyOf(f.population().animalNouns());
        this.qualifierStops = lowerSet(f.population().qualifierStops());
        this.quantifiers = f.population().quantifiers() == null ? List.of() : List.copyOf(f.population().quantifiers());
        this.conditionStops = lowerSet(f.population().conditionStops());

        FindingCues c = f.findings();
        this.hedges = new PhraseMatcher(c.hedges());
        this.hedgeExceptions = new PhraseMatcher(c.hedgeExceptions());
        this.reporting = new PhraseMatcher(c.reporting());
        this.outcome = new PhraseMatcher(c.outcome());
        this.priorWork = new PhraseMatcher(c.priorWork());
        this.implication = new PhraseMatcher(c.implication());
        this.clinical = new PhraseMatcher(c.clinical());
        this.limitation = new PhraseMatcher(c.limitation());
        this.harm = new PhraseMatcher(c.harm());
        this.method = new PhraseMatcher(c.method());
        this.analogy = new PhraseMatcher(c.analogy());
        this.analogyEcho = new PhraseMatcher(c.analogyEcho());
        this.metadataLine = new PhraseMatcher(c.metadataLine());
        this.mechanism = new PhraseMatcher(c.mechanism());
        this.studyReference = new PhraseMatcher(c.studyReference());
        this.anaphors = new PhraseMatcher(c.anaphors());
        this.negations = lowerSet(c.negations());
        Map<String, List<Pattern>> findingPatterns = new LinkedHashMap<>();
        if (c.patterns() != null) {
            c.patterns().forEach((category, regexes) -> findingPatterns.put(category, patterns(regexes)));
        }
        this.findingPatterns = Map.copyOf(findingPatterns);

        this.rapid = new PhraseMatcher(f.timescale().rapid());
        this.sustained = new PhraseMatcher(f.timescale().sustained());
        this.onsetPatterns = patterns(f.timescale().onsetPatterns());
        this.timescaleExceptions = new PhraseMatcher(f.timescale().exceptions());

        this.namingCues = new PhraseMatcher(f.concepts().namingCues());
        Map<ConceptType, Set<String>> context = new LinkedHashMap<>();
        f.concepts().typeContext().forEach((type, words) -> context.put(ConceptType.valueOf(type), lowerSet(words)));
        this.typeContext = context;
        this.genericNouns = lowerSet(f.concepts().genericNouns());
        this.dropModifiers = lowerSet(f.concepts().dropModifiers());
        this.wordForms = new WordForms(f.words().irregularPlurals());
    }

    /**
     * Whether a sentence is hedged. Comparisons such as "more likely" are not hedges, nor is a modal inside an
     * open question ("it is unclear whether a higher dose might work better").
     */
    boolean hedged(String folded) {
        List<PhraseMatcher.Hit> exceptions = new ArrayList<>(hedgeExceptions.all(folded));
        // Ability rather than a hedge: "improved how well people could hear".
        for (Pattern p : findingPatterns.getOrDefault("hedgeException", List.of())) {
            java.util.regex.Matcher m = p.matcher(folded);
            while (m.find()) {
                exceptions.add(new PhraseMatcher.Hit(m.start(), m.end()));
            }
        }
        for (PhraseMatcher.Hit hedge : hedges.all(folded)) {
            boolean inException = exceptions.stream()
                    .anyMatch(e -> e.start() <= hedge.start() && hedge.end() <= e.end());
            if (!inException && !insideOpenQuestion(folded, hedge.start())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern OPEN_QUESTION = Pattern.compile("\\bwhether\\b[^,;:]*$", Pattern.CASE_INSENSITIVE);

    private static boolean insideOpenQuestion(String folded, int position) {
        return OPEN_QUESTION.matcher(folded.substring(0, position)).find();
    }

    /** The names of the finding cue pattern categories ("reporting", "outcome", ...), in no fixed order. */
    Set<String> patternCategories() {
        return findingPatterns.keySet();
    }

    /** Whether one of the regular expressions of a finding cue category (e.g. "reporting") finds a match. */
    boolean findsPattern(String category, String folded) {
        for (Pattern p : findingPatterns.getOrDefault(category, List.of())) {
            if (p.matcher(folded).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence dates a study or discovery to a year before the article's ("a 2005 study", "first
     * reported in 1998"); never when the article's year is unknown.
     */
    boolean citesEarlierYear(String folded, Integer articleYear) {
        if (articleYear == null) {
            return false;
        }
        for (Pattern p : findingPatterns.getOrDefault("priorYear", List.of())) {
            java.util.regex.Matcher m = p.matcher(folded);
            while (m.find()) {
                if (Integer.parseInt(m.group("year")) < articleYear) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first match of a finding cue category's regular expressions, or {@code null}. */
    java.util.regex.Matcher firstPatternMatch(String category, String folded) {
        for (Pattern p : findingPatterns.getOrDefault(category, List.of())) {
            java.util.regex.Matcher m = p.matcher(folded);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    static Cues fromClasspath() {
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Cues read(InputStream in) {
        return new Cues(mapper().readValue(in, File.class));
    }

    static JsonMapper mapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    private static List<Pattern> patterns(List<String> regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes == null ? List.<String>of() : regexes) {
            compiled.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return List.copyOf(compiled);
    }

    private static Set<String> lowerSet(List<String> words) {
        Set<String> set = new TreeSet<>();
        for (String w : words == null ? List.<String>of() : words) {
            set.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(set);
    }
}
