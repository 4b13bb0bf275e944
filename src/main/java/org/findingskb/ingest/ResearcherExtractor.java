package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.findingskb.study.ResearcherRole;

/**
 * Finds the people an article names and the role it gives them. A capitalised name counts as a person when it
 * carries an honorific, follows "led by", is said to speak, or has an appositive naming a profession. Mentions
 * are merged by surname; the strongest role wins (senior over lead over author over quoted), except that a
 * person said not to be involved is quoted.
 */
final class ResearcherExtractor {

    private static final Pattern OPENING = Pattern.compile("^[\\s\"'(]*");
    private static final Pattern APPOSITIVE_COMMA = Pattern.compile("^\\s*,\\s*");
    /** "Professor X of the Y Centre, the senior author, said …": an affiliation before the appositive. */
    private static final Pattern AFFILIATION = Pattern.compile("^\\s+(?:of|at|from)\\s+(?:the\\s+)?");

    /** ", and Charles X, …": the appositive ends where a second person is named. */
    private static final Pattern NEXT_PERSON = Pattern.compile("^\\s+and\\s+(?:(?:(?:Dr|Prof|Professor)\\.?\\s+)?\\p{Lu}"
            + "|(?:her|his|their)\\s+(?:colleagues|team|co-workers|collaborators)\\b"
            // ", and the senior author is Y": the next person's role.
            + "|(?:the\\s+)?(?:[\\p{L}'\\-]+\\s+){0,2}?authors?\\s+(?:is|was)\\b)");
    /** "senior author Y" right after a comma is the next person of a list, not what is said of the one before. */
    private static final Pattern ROLE_THEN_NAME = Pattern.compile(
            "^(?:co-|lead|senior|first|last|study)[\\p{L}\\-]*\\s+(?:author|investigator|researcher)s?\\s+"
                    + "(?:(?:Dr|Prof|Professor)\\.?\\s+)?\\p{Lu}");
    /** " in Lyon" after an affiliation: where the organisation is. */
    private static final Pattern PLACE_AFTER = Pattern.compile(
            "^\\s+in\\s+\\p{Lu}[\\p{L}'\\-]*(?:\\s+\\p{Lu}[\\p{L}'\\-]*)*");
    /** ", PhD" after a name: a comma and a word of capitals (a degree if the vocabulary knows it). */
    private static final Pattern DEGREE_AFTER = Pattern.compile("^\\s*,\\s*(\\p{Lu}[\\p{L}.]{0,7})(?=[\\s,.;)]|$)");
    private static final Pattern BARE_PROFESSION = Pattern.compile("\\p{Ll}{3,}(?:ist|ician)\\b");
    private static final Pattern WORD_IN_RUN = Pattern.compile("[\\p{L}'\\-]+");
    /** Word classes that cannot begin a person's name ("In London, …", "After Smith …"). */
    private static final Set<String> NOT_NAME_TAGS = Set.of("ADP", "DET", "SCONJ", "CCONJ", "ADV", "PART");
    private static final Pattern AFFILIATION_BEFORE = Pattern.compile("\\p{L}\\s+(?:of|at|from)\\s+(?:the\\s+)?$");
    /**
     * "X, who works at Y, is a co-author on the study", "X of Y was its senior author": what the sentence goes on to
     * say of X.
     */
    private static final Pattern PREDICATE = Pattern.compile("^\\s*,?\\s+(?:is|was)\\s+([^.;,]*)");
    /** What stands between two names of a list: "X and Y", "X, Y". */
    private static final Pattern LISTED_AFTER = Pattern.compile("\\p{L}(?:,\\s+(?:and\\s+)?|\\s+and\\s+)$");
    private static final Pattern PLAIN_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");
    /** Where a clause opens: the sentence's start, after an opening quote or bracket, a colon or a dash. */
    private static final Pattern CLAUSE_OPENS = Pattern.compile("(?:^|[:;\"'(\u201C\u2018\u2013\u2014]|\\s-)\\s*$");
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+(\\p{Ll}[\\p{Ll}'\\-]*)\\b");
    /** Words that go on describing a person after a comma ("…, a chemist, and the study's first author"). */
    private static final Set<String> APPOSITIVE_CONTINUATIONS = Set.of("a", "an", "the", "and", "or", "who", "whom",
            "whose", "which", "where", "of", "at", "in", "for", "from", "with", "on", "as", "now", "then", "formerly",
            "previously", "currently", "also", "both", "one", "co-author", "senior", "lead", "first", "last", "not",
            "professor", "director", "head", "chair", "author", "researcher", "scientist");
    /** "… Centre for Healthy Ageing, said": capitalised words after an organisation's "for"/"of" are its name. */
    private static final Pattern ORGANISATION_BEFORE = Pattern.compile("\\b(\\p{Lu}[\\p{L}'\\-]*)\\s+(?:for|of)\\s+$");

    private static final Pattern PLACE_BEFORE = Pattern.compile("\\b(?:at|in|near)\\s+(?:the\\s+)?$");
    /** "… University of Norland, East Harbor": a campus named after its organisation. */
    private static final Pattern CAMPUS_BEFORE = Pattern.compile(
            "\\b(\\p{Lu}[\\p{L}'\\-]*)\\s+(?:for|of)\\s+\\p{Lu}[\\p{L}'\\-]*(?:\\s+\\p{Lu}[\\p{L}'\\-]*)*\\s*,\\s+$");

    private boolean campusAfterOrganisation(String before) {
        Matcher m = CAMPUS_BEFORE.matcher(before);
        return m.find() && cues.organizationWords.contains(m.group(1));
    }

    /** "a physicist", "an economist", "a paediatrician": a profession the cue list does not name. */
    private static final Pattern PROFESSION = Pattern.compile(
            "(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?\\p{L}{3,}(?:ist|ician)\\b", Pattern.CASE_INSENSITIVE);

    private final Cues cues;
    private final MetadataVocabulary vocabulary;
    private final Pattern namePattern;

    ResearcherExtractor(Cues cues) {
        this.cues = cues;
        this.vocabulary = cues.vocabulary;
        String honorifics = cues.honorifics.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        String word = "\\p{Lu}[\\p{L}'\\-]*\\p{L}";
        // Lower-case particles inside a surname ("van", "de") join the name when a capitalised word follows.
        String particles = cues.nameParticles.isEmpty() ? ""
                : "(?:(?:" + cues.nameParticles.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                        + ")\\s+){0,2}";
        // "A. Jane Doe", "J. Doe": an initial may open the name.
        this.namePattern = Pattern.compile("(?:(?<hon>" + honorifics + ")\\s+)?(?<name>(?:\\p{Lu}\\.\\s+)?" + word
                + "(?:\\s+(?:\\p{Lu}\\.\\s+)?" + particles + word + "){0,3})");
    }

    /** One mention of a person, with what the sentence says of them. */
    record Mention(String name, int sentence, Set<ResearcherRole> roles, boolean quoted, boolean notInvolved,
            String description, int start, int end) {
    }

    List<Mention> mentions(List<Sentence> sentences, List<SentenceRole> roles) {
        return mentions(sentences, roles, false);
    }

    /**
     * Every full name the body names, with what its sentence says of the person, including names nothing marks as
     * a person's ("co-authors A, B and C"): the learned ranker's candidates.
     */
    List<Mention> nameCandidates(List<Sentence> sentences, List<SentenceRole> roles) {
        return mentions(sentences, roles, true);
    }

    private List<Mention> mentions(List<Sentence> sentences, List<SentenceRole> roles, boolean unmarked) {
        Set<String> writers = writers(sentences, roles);
        List<Mention> mentions = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (roles.get(sentence.index()) != SentenceRole.BODY) {
                continue;
            }
            Matcher m = namePattern.matcher(sentence.folded());
            int from = 0;
            Set<ResearcherRole> listed = Set.of();
            while (from < sentence.folded().length() && m.find(from)) {
                from = m.end();
                // "Co-author Dr. X": a run that ends in a title stops at its full stop; the name follows the title.
                int title = titleInsideRun(m);
                if (title > m.start()) {
                    from = title;
                    continue;
                }
                Mention mention = mentionAt(sentence, m, unmarked, listed);
                // "co-authors A and B of X, and C": an affiliation between names keeps the list going.
                boolean affiliation = mention == null
                        && AFFILIATION_BEFORE.matcher(sentence.folded().substring(0, m.start())).find();
                // A name listed after another keeps the list's role for the names after it ("A, B and C").
                boolean continues = mention != null
                        && LISTED_AFTER.matcher(sentence.folded().substring(0, m.start())).find();
                if (!affiliation) {
                    Set<ResearcherRole> own = mention == null || !mention.notInvolved() ? listedRoles(sentence, m)
                            : Set.of();
                    listed = own.isEmpty() && continues ? listed : own;
                }
                // The article's own writer ("By NAME, OUTLET" above the story) is no one the study names.
                if (mention != null && !writers.contains(surname(mention.name()))) {
                    mentions.add(mention);
                }
            }
        }
        return mentions;
    }

    /** The roles said right before a name ("led by", "co-authors"), which names listed after it share. */
    private Set<ResearcherRole> listedRoles(Sentence sentence, Matcher m) {
        String before = sentence.folded().substring(0, m.start());
        Set<ResearcherRole> roles = EnumSet.noneOf(ResearcherRole.class);
        if (BoilerplateDetector.findsAny(cues.leadBeforeName, before)) {
            roles.add(ResearcherRole.LEAD);
        }
        if (BoilerplateDetector.findsAny(cues.seniorBeforeName, before)) {
            roles.add(ResearcherRole.SENIOR);
        }
        if (BoilerplateDetector.findsAny(cues.authorBeforeName, before)) {
            roles.add(ResearcherRole.AUTHOR);
        }
        return roles;
    }

    /** The surnames of the people a byline above the story names ("By NAME", "Words by NAME | OUTLET"). */
    private Set<String> writers(List<Sentence> sentences, List<SentenceRole> roles) {
        Set<String> writers = new java.util.HashSet<>();
        for (Sentence s : sentences) {
            SentenceRole role = roles.get(s.index());
            if (role == SentenceRole.BODY || role == SentenceRole.TITLE) {
                continue;
            }
            String line = s.folded().strip();
            for (Pattern byline : cues.mastheadBylines) {
                Matcher lead = byline.matcher(line);
                if (!lead.lookingAt()) {
                    continue;
                }
                Matcher name = namePattern.matcher(line);
                name.region(lead.end(), line.length());
                while (name.find()) {
                    if (name.group("name").contains(" ")) {
                        writers.add(surname(name.group("name")));
                    }
                }
            }
        }
        return writers;
    }

    /** The offset of a title ("Dr", "Professor") inside a matched name run after its first word, or -1. */
    private int titleInsideRun(Matcher m) {
        if (m.group("hon") != null) {
            return -1;
        }
        Matcher word = WORD_IN_RUN.matcher(m.group("name"));
        boolean first = true;
        while (word.find()) {
            if (!first && cues.honorifics.contains(word.group())) {
                return m.start("name") + word.start();
            }
            first = false;
        }
        return -1;
    }

    List<ExtractedResearcher> researchers(List<Mention> mentions) {
        Map<String, List<Mention>> bySurname = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            bySurname.computeIfAbsent(surname(mention.name()), k -> new ArrayList<>()).add(mention);
        }
        List<ExtractedResearcher> researchers = new ArrayList<>();
        for (List<Mention> group : bySurname.values()) {
            String name = group.stream().map(Mention::name).max(Comparator.comparingInt(String::length)).orElseThrow();
            String description = group.stream().map(Mention::description).filter(d -> d != null)
                    .findFirst().orElse(null);
            researchers.add(new ExtractedResearcher(name, roleOf(group), description));
        }
        return researchers;
    }

    private static ResearcherRole roleOf(List<Mention> group) {
        if (group.stream().anyMatch(Mention::notInvolved)) {
            return ResearcherRole.QUOTED;
        }
        Set<ResearcherRole> roles = EnumSet.noneOf(ResearcherRole.class);
        group.forEach(m -> roles.addAll(m.roles()));
        for (ResearcherRole role : List.of(ResearcherRole.SENIOR, ResearcherRole.LEAD, ResearcherRole.AUTHOR)) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return group.stream().anyMatch(Mention::quoted) ? ResearcherRole.QUOTED : ResearcherRole.AUTHOR;
    }

    private Mention mentionAt(Sentence sentence, Matcher m, boolean unmarked, Set<ResearcherRole> listed) {
        String folded = sentence.folded();
        String honorific = m.group("hon");
        int nameStart = m.start("name");
        String name = m.group("name");
        int nameEnd = m.end("name");
        if (name.endsWith("'s")) {
            name = name.substring(0, name.length() - 2);
            nameEnd -= 2;
        }
        // "X Y Jr.": a suffix keeps its full stop.
        String lastWord = name.substring(name.lastIndexOf(' ') + 1);
        if (vocabulary.nameSuffixes.contains(lastWord + ".") && folded.startsWith(".", nameEnd)) {
            name = name + ".";
            nameEnd++;
        }
        // "Professor Sir X Y": further titles and words that cannot begin a name ("In London") are not the name.
        while (name.indexOf(' ') > 0) {
            String first = name.substring(0, name.indexOf(' '));
            boolean title = cues.honorifics.contains(first);
            // "Co-author X Y", "Archaeologist X Y": the role or profession before a name is no part of it.
            String lower = first.toLowerCase(Locale.ROOT);
            boolean profession = cues.personNouns.in(lower) || BARE_PROFESSION.matcher(lower).matches();
            // A function word ("In London", "After Smith") is capitalised only where a clause opens; elsewhere the
            // tagger's reading of an unfamiliar first name as one is wrong.
            boolean functionWord = NOT_NAME_TAGS.contains(tagAt(sentence, nameStart))
                    && PLAIN_WORD.matcher(first).matches()
                    && CLAUSE_OPENS.matcher(folded.substring(0, nameStart)).find();
            if (!title && !profession && !functionWord) {
                break;
            }
            honorific = title && honorific == null ? first : honorific;
            nameStart += first.length() + 1;
            name = name.substring(first.length() + 1);
        }
        // A capitalised first word of the sentence is a name only if the tagger calls it a proper noun, or if an
        // appositive describes the whole run as a person ("Robin Y, an associate professor …, said").
        if (honorific == null && nameStart <= leadingOffset(folded)
                && !properNounAt(sentence, nameStart) && !describedAsPerson(folded.substring(nameEnd))) {
            int space = name.indexOf(' ');
            if (space < 0) {
                return null;
            }
            nameStart += space + 1;
            name = name.substring(space + 1);
        }
        String[] words = name.split("\\s+");
        if (honorific == null && words.length < 2) {
            return null;
        }
        boolean allDegrees = true;
        for (String w : words) {
            if (cues.organizationWords.contains(w) || cues.honorifics.contains(w)
                    || vocabulary.notPersonWords.contains(w)) {
                return null;
            }
            allDegrees &= vocabulary.degrees.contains(w);
        }
        if (allDegrees || vocabulary.journal.matcher(name).matches()) {
            return null;
        }
        int mentionStart = honorific == null ? nameStart : m.start("hon");
        String before = folded.substring(0, mentionStart);
        Matcher organisation = ORGANISATION_BEFORE.matcher(before);
        if (honorific == null && organisation.find() && cues.organizationWords.contains(organisation.group(1))) {
            return null;
        }
        // "at Fenwick Bay", "the University of Norland, East Harbor": a place or an organisation, no person.
        if (honorific == null && (PLACE_BEFORE.matcher(before).find() || campusAfterOrganisation(before))) {
            return null;
        }
        // "X Y, MD, PhD, a professor …": degrees after the name come before what is said of the person.
        String after = withoutDegrees(folded.substring(nameEnd));

        Set<ResearcherRole> roles = EnumSet.noneOf(ResearcherRole.class);
        // "led by X and Y", "co-authors X, Y and Z": a name listed right after another shares the role said before
        // the list.
        Set<ResearcherRole> inherited = LISTED_AFTER.matcher(before).find() ? listed : Set.of();
        if (BoilerplateDetector.findsAny(cues.leadBeforeName, before)) {
            roles.add(ResearcherRole.LEAD);
        }
        if (BoilerplateDetector.findsAny(cues.seniorBeforeName, before)
                || BoilerplateDetector.findsAny(cues.seniorAfterName, after)) {
            roles.add(ResearcherRole.SENIOR);
        }
        if (BoilerplateDetector.findsAny(cues.leadAfterName, after)) {
            roles.add(ResearcherRole.LEAD);
        }
        if (BoilerplateDetector.findsAny(cues.authorBeforeName, before)) {
            roles.add(ResearcherRole.AUTHOR);
        }
        String appositive = appositive(after);
        boolean notInvolved = false;
        if (appositive != null) {
            for (ResearcherRole role : List.of(ResearcherRole.SENIOR, ResearcherRole.LEAD, ResearcherRole.AUTHOR)) {
                PhraseMatcher matcher = cues.roles.get(role);
                if (matcher != null && matcher.in(appositive)) {
                    roles.add(role);
                }
            }
            PhraseMatcher quotedOnly = cues.roles.get(ResearcherRole.QUOTED);
            notInvolved = quotedOnly != null && quotedOnly.in(appositive);
        }
        Matcher predicate = PREDICATE.matcher(restAfter(after, appositive));
        PhraseMatcher outside = cues.roles.get(ResearcherRole.QUOTED);
        notInvolved |= predicate.lookingAt() && outside != null && outside.in(predicate.group(1));
        if (roles.isEmpty() && predicate.lookingAt()) {
            for (ResearcherRole role : List.of(ResearcherRole.SENIOR, ResearcherRole.LEAD, ResearcherRole.AUTHOR)) {
                PhraseMatcher matcher = cues.roles.get(role);
                if (matcher != null && matcher.in(predicate.group(1))) {
                    roles.add(role);
                }
            }
        }
        // "In a linked commentary, X wrote": the commentary's writer comments on the study.
        notInvolved |= BoilerplateDetector.findsAny(cues.outsideBeforeName, before);
        boolean quoted = cues.speechVerbs.startsWith(after.replaceFirst("^\\s*,", " "))
                || cues.speechVerbs.endsWith(before)
                || (appositive != null && cues.speechVerbs.startsWith(
                        after.substring(Math.min(after.length(), after.indexOf(appositive) + appositive.length()))
                                .replaceFirst("^\\s*,", " ")));
        boolean profession = appositive != null
                && (cues.personNouns.in(appositive) || PROFESSION.matcher(appositive).lookingAt());
        if (roles.isEmpty()) {
            roles.addAll(inherited);
        }
        if (honorific == null && roles.isEmpty() && !quoted && !profession && !notInvolved && !unmarked) {
            return null;
        }
        String description = appositive == null ? null : describe(sentence, after, appositive);
        return new Mention(name, sentence.index(), roles, quoted, notInvolved, description,
                sentence.start() + nameStart, sentence.start() + nameEnd);
    }

    private String withoutDegrees(String after) {
        Matcher degree = DEGREE_AFTER.matcher(after);
        while (degree.lookingAt() && vocabulary.degrees.contains(degree.group(1).replace(".", ""))) {
            after = after.substring(degree.end(1));
            degree = DEGREE_AFTER.matcher(after);
        }
        return after;
    }

    /** The text after an affiliation right after a name ("of X", "at X in Y"), or all of it where none stands. */
    private String pastAffiliation(String after) {
        Matcher affiliation = AFFILIATION.matcher(after);
        if (affiliation.lookingAt()) {
            String organisation = NameRuns.read(after, affiliation.end(), cues.institutionConnectors);
            if (organisation != null) {
                after = after.substring(after.indexOf(organisation, affiliation.end()) + organisation.length());
                Matcher place = PLACE_AFTER.matcher(after);
                after = place.lookingAt() ? after.substring(place.end()) : after;
            }
        }
        return after;
    }

    /** The text after a name, past its affiliation ("of X in Y") and its appositive. */
    private String restAfter(String after, String appositive) {
        if (appositive != null) {
            int at = after.indexOf(appositive);
            return at < 0 ? "" : after.substring(at + appositive.length());
        }
        return pastAffiliation(after);
    }

    private boolean describedAsPerson(String after) {
        String appositive = appositive(after);
        if (appositive == null) {
            return false;
        }
        if (cues.personNouns.in(appositive)) {
            return true;
        }
        return cues.roles.values().stream().anyMatch(m -> m.in(appositive));
    }

    private static int leadingOffset(String folded) {
        Matcher opening = OPENING.matcher(folded);
        return opening.lookingAt() ? opening.end() : 0;
    }

    private static boolean properNounAt(Sentence sentence, int offsetInSentence) {
        return "PROPN".equals(tagAt(sentence, offsetInSentence));
    }

    /** The part-of-speech tag of the token starting at that offset; "" where no token starts (odd characters). */
    private static String tagAt(Sentence sentence, int offsetInSentence) {
        int absolute = sentence.start() + offsetInSentence;
        for (Token token : sentence.tokens()) {
            if (token.start() == absolute) {
                return token.tag();
            }
        }
        return "";
    }

    /**
     * The phrase set off by commas after a name ("…, a biologist and the study's last author, said …"),
     * up to a comma before a speech verb or the end of the sentence; {@code null} if none starts there.
     */
    private String appositive(String after) {
        after = pastAffiliation(after);
        Matcher lead = APPOSITIVE_COMMA.matcher(after);
        if (!lead.lookingAt()) {
            return null;
        }
        String rest = after.substring(lead.end());
        if (ROLE_THEN_NAME.matcher(rest).lookingAt()) {
            return null;
        }
        // "…, neurologist and leader of the group, …": an appositive may start with the profession itself.
        if (!cues.appositiveStarts.startsWith(rest) && !cues.personNouns.startsWith(rest)
                && !BARE_PROFESSION.matcher(rest).lookingAt()) {
            return null;
        }
        int end = rest.length();
        int comma = rest.indexOf(',');
        while (comma >= 0) {
            String next = rest.substring(comma + 1);
            if (cues.speechVerbs.startsWith(next) || NEXT_PERSON.matcher(next).lookingAt() || startsPredicate(next)) {
                end = comma;
                break;
            }
            comma = rest.indexOf(',', comma + 1);
        }
        String phrase = rest.substring(0, end).strip();
        phrase = phrase.replaceAll("[\\s.!?;:\"']+$", "");
        return phrase.isEmpty() ? null : phrase;
    }

    /**
     * Whether the text after a comma goes on with the sentence's verb ("…, the senior author, had 12 adults …")
     * rather than with the appositive: a lower-case word that cannot continue a description.
     */
    private static boolean startsPredicate(String next) {
        Matcher word = NEXT_WORD.matcher(next);
        return word.lookingAt() && !APPOSITIVE_CONTINUATIONS.contains(word.group(1));
    }

    /** The description as the article writes it (original characters, not folded). */
    private static String describe(Sentence sentence, String after, String appositive) {
        int offsetInAfter = after.indexOf(appositive);
        if (offsetInAfter < 0) {
            return appositive;
        }
        int from = sentence.text().length() - after.length() + offsetInAfter;
        return sentence.text().substring(from, from + appositive.length());
    }

    private static String surname(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1].toLowerCase(Locale.ROOT);
    }
}
