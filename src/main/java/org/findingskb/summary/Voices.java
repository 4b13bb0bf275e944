package org.findingskb.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.finding.Finding;
import org.findingskb.study.Researcher;
import org.findingskb.study.ResearcherRole;
import org.findingskb.study.Study;

/**
 * Whose result a finding's sentence reports, read from its words and from the people the study names
 * ({@code summary/voices.json}): a sentence that reports earlier or another team's research, or speaks for someone
 * outside the study, never speaks for the study in its summary, whatever the sentence model read. The model's
 * verdict ({@code reportedBy}) is the first test; these catch what it misreads in writing it has not seen.
 */
final class Voices {

    private static final String RESOURCE = "summary/voices.json";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** How far back in the source a pronoun's speaker is looked for: the last few sentences. */
    private static final int PRONOUN_REACH = 1_000;
    private static final Pattern YEAR_STUDY = Pattern.compile("\\b(?:a|an)\\s+(?:19|20)\\d\\d\\s+");
    private static final Pattern QUOTATION = Pattern.compile("[\"\u201c][^\"\u201c\u201d]*[\"\u201d]");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}'\u2019-]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    record File(List<String> priorWork, List<String> priorModifiers, List<String> researchNouns,
            List<String> groupNouns, List<String> pastFindingVerbs, List<String> pastPerfectVerbs, List<String> openers, List<String> newsMarkers,
            List<String> institutionWords, List<String> reportingVerbs, List<String> outsideVoices,
            List<String> notInvolved, List<String> authorship) {
    }

    private final Pattern priorWork;
    private final Pattern otherResearch;
    private final Pattern pastPerfect;
    private final Pattern indefiniteFinder;
    private final Pattern teamAt;
    private final Pattern pastFinding;
    private final Pattern reporting;
    private final Pattern pronounSpeaker;
    private final Pattern outsideVoice;
    private final Pattern notInvolved;
    private final Pattern authorship;
    private final Set<String> institutionWords;

    private Voices(File file) {
        this.priorWork = words(file.priorWork());
        String research = CaveatCues.alternatives(file.researchNouns());
        String groups = CaveatCues.alternatives(file.groupNouns());
        String opener = "^\\s*(?:" + CaveatCues.alternatives(file.openers()) + ",?\\s+)?";
        this.otherResearch = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + CaveatCues.alternatives(file.priorModifiers())
                + "|" + YEAR_STUDY.pattern() + ")\\s*(?:[\\p{L}-]+\\s+){0,2}?" + research + "(?![\\p{L}\\p{N}])", FLAGS);
        this.pastPerfect = Pattern.compile("(?<![\\p{L}\\p{N}])had\\s+(?:been\\s+)?" + CaveatCues.alternatives(file.pastPerfectVerbs())
                + "(?![\\p{L}\\p{N}])", FLAGS);
        String past = "(?<![\\p{L}\\p{N}])(?<!has\\s|have\\s)" + CaveatCues.alternatives(file.pastFindingVerbs()) + "(?![\\p{L}\\p{N}])";
        this.pastFinding = Pattern.compile(past, FLAGS);
        // "A team at ... found", "An earlier trial in ... showed": the subject is some study, not the study.
        this.indefiniteFinder = Pattern.compile(opener + "(?:a|an|another)\\s+(?!" + CaveatCues.alternatives(file.newsMarkers())
                + "\\b)(?:[\\p{L}\\p{N}'-]+,?\\s+){0,8}?(?:"
                + groups + "|" + research + ")(?![\\p{L}\\p{N}])[^.;:]*?" + past, FLAGS);
        // "Researchers at the X Institute ...": the institution's capitalised words follow.
        this.teamAt = Pattern.compile("(?iu:" + opener + "(?:(?:a|the)\\s+)?(?:[\\p{L}-]+\\s+)?" + groups
                + "\\s+(?:at|from|of)\\s+(?:the\\s+)?)((?:\\p{Lu}[\\p{L}'\u2019-]*\\s*)+(?:(?:of|for|and)\\s+(?:\\p{Lu}[\\p{L}'\u2019-]*\\s*)+)*)",
                Pattern.UNICODE_CASE);
        this.reporting = words(file.reportingVerbs());
        String verbs = CaveatCues.alternatives(file.reportingVerbs());
        this.pronounSpeaker = Pattern.compile("(?<![\\p{L}])(?:(?:he|she)\\s+(?:[\\p{L}]+ly\\s+)?" + verbs + "|" + verbs
                + "\\s+(?:he|she))(?![\\p{L}])", FLAGS);
        this.outsideVoice = words(file.outsideVoices());
        this.notInvolved = words(file.notInvolved());
        this.authorship = words(file.authorship());
        this.institutionWords = file.institutionWords().stream().map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    static Voices load() {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new Voices(json.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Which of the study's findings may speak for it: by their words, none reports other research or speaks for
     * someone outside the study. Who is outside is read once per study.
     */
    Predicate<Finding> speakingFor(Study study) {
        String text = study.getSource() == null ? null : study.getSource().getContent();
        List<Researcher> people = study.getResearchers();
        Set<Researcher> outsiders = people.stream().filter(p -> outsider(p, text)).collect(Collectors.toSet());
        return f -> !reportsOtherResearch(study, f.getStatement())
                && !speaksForOutsider(f.getStatement(), text, people, outsiders);
    }

    /** True when {@code sentence} reports earlier research or another team's ("previously", "earlier surveys"). */
    boolean reportsPriorWork(String sentence) {
        return priorWork.matcher(sentence).find() || otherResearch.matcher(sentence).find()
                || pastPerfect.matcher(QUOTATION.matcher(sentence).replaceAll("")).find()
                || indefiniteFinder.matcher(sentence).find();
    }

    private boolean reportsOtherResearch(Study study, String sentence) {
        if (reportsPriorWork(sentence)) {
            return true;
        }
        // A team at an institution other than the study's, telling what it found.
        Matcher team = teamAt.matcher(sentence);
        if (study.getInstitution() != null && team.find() && pastFinding.matcher(sentence).find()) {
            Set<String> named = names(team.group(1));
            Set<String> own = names(study.getInstitution());
            return !named.isEmpty() && !own.isEmpty() && named.stream().noneMatch(own::contains);
        }
        return false;
    }

    /**
     * True when the sentence speaks for someone outside the study: it says so ("who was not involved", "a
     * spokesperson"), names a person quoted about the study who is none of its authors, or is said by "he" or
     * "she" after the source last named such a person.
     */
    private boolean speaksForOutsider(String sentence, String text, List<Researcher> people, Set<Researcher> outsiders) {
        if (authorship.matcher(sentence).find()) {
            return false;
        }
        if (notInvolved.matcher(sentence).find()
                || outsideVoice.matcher(sentence).find() && reporting.matcher(sentence).find()) {
            return true;
        }
        // An author named in the sentence speaks for the study, whoever else it names.
        if (people.stream().anyMatch(p -> named(p, sentence) && !outsiders.contains(p))) {
            return false;
        }
        if (people.stream().anyMatch(p -> named(p, sentence))) {
            return true;
        }
        if (text == null || !pronounSpeaker.matcher(sentence).find()) {
            return false;
        }
        int at = text.indexOf(sentence);
        if (at <= 0) {
            return false;
        }
        String before = text.substring(Math.max(0, at - PRONOUN_REACH), at);
        return people.stream().max(Comparator.comparingInt(p -> lastMention(p, before)))
                .filter(p -> lastMention(p, before) >= 0).map(outsiders::contains).orElse(false);
    }

    /**
     * A person quoted about the study and not one of its authors: the text says they were not involved, or the
     * metadata reads them as only quoted and no sentence naming them makes them an author.
     */
    private boolean outsider(Researcher person, String text) {
        List<String> naming = text == null ? List.of() : SENTENCE_END.splitAsStream(text).filter(s -> named(person, s)).toList();
        if (naming.stream().anyMatch(s -> notInvolved.matcher(s).find())) {
            return true;
        }
        return person.role() == ResearcherRole.QUOTED
                && !(person.description() != null && authorship.matcher(person.description()).find())
                && naming.stream().noneMatch(s -> authorship.matcher(s).find());
    }

    private static boolean named(Researcher person, String text) {
        return lastMention(person, text) >= 0;
    }

    /** Where the text last names the person by their surname, or -1. */
    private static int lastMention(Researcher person, String text) {
        String surname = surname(person.name());
        if (surname == null) {
            return -1;
        }
        Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(surname) + "(?![\\p{L}])").matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    private static String surname(String name) {
        List<String> parts = CAPITALISED.matcher(name).results().map(r -> r.group())
                .filter(w -> w.length() > 2 && !w.endsWith(".")).toList();
        return parts.isEmpty() ? null : parts.get(parts.size() - 1);
    }

    /** The capitalised words that tell one institution from another ("Max", "Planck"), not "University". */
    private Set<String> names(String institution) {
        Set<String> words = new HashSet<>();
        CAPITALISED.matcher(institution).results().map(r -> r.group().toLowerCase(Locale.ROOT))
                .filter(w -> !institutionWords.contains(w)).forEach(words::add);
        return words;
    }

    private static Pattern words(List<String> words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}-])" + CaveatCues.alternatives(words) + "(?![\\p{L}\\p{N}])", FLAGS);
    }
}
