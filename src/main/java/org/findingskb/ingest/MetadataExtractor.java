package org.findingskb.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.findingskb.study.ResearcherRole;

/** Title, journal, publisher, year, institution, DOI and population: each only where the article states it. */
final class MetadataExtractor {

    private final Cues cues;
    private final MetadataVocabulary vocabulary;
    private final Pattern numberedPopulation;
    private final Pattern animalPopulation;
    private final Pattern humanWithPopulation;
    private final Pattern secondGroup;
    private final Pattern whereStudied;
    /** Each animal noun as a whole word, compiled once. */
    private final List<Pattern> animalWords;
    private static final Pattern RATIO_BEFORE = Pattern.compile(
            "(?:\\d|\\b(?i:one|two|three|four|five|six|seven|eight|nine|ten))\\s+(?:in|out of)\\s+$");
    private static final int MIN_ANIMAL_MENTIONS = 2;
    /** An earlier year dates an earlier study only where a study is named, not the samples ("autopsies in 2016"). */
    private static final Pattern STUDY_WORD = Pattern.compile(
            "\\b(?:stud(?:y|ies)|trials?|surveys?|experiments?|reports?|papers?|analys[ie]s|research|work)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    /**
     * "420 million people worldwide", "kills 300,000 women every year": a sentence that estimates how many live with
     * or die of a condition counts no study's sample.
     */
    private static final Pattern ESTIMATE = Pattern.compile("\\b(?:worldwide|globally|around the world|across the "
            + "world|annually|live with|living with|suffer from|affects?|kills?|die of|dies of)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            + "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    /** A count as one token: "2,300", "40", "1.8". */
    private static final Pattern COUNT_TOKEN = Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?");
    private static final Pattern LARGE_NUMBER = Pattern.compile("(?i)million|billion");
    /** Where a counted phrase's longer readings stop: a clause or a parenthesis begins. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;:()\"\u201C\u201D\u2013\u2014]|--?");
    /** How far (in tokens) and in how many readings a counted phrase is read on. */
    private static final int PHRASE_TOKENS = 30;
    private static final int PHRASE_READINGS = 6;
    private static final Pattern TIME_UNIT = Pattern.compile("(?:second|minute|hour|day|night|week|month|year|decade)s?");
    /** Words after "and"/"or" that start a new clause rather than name a second condition. */
    private static final Set<String> NOT_A_CONDITION = Set.of("then", "also", "later", "still", "so", "thus", "now",
            "were", "was", "are", "is", "had", "have", "took", "received", "got", "all", "each", "both", "most");
    private static final Set<String> NOT_A_COUNT = Set.of("percent", "per", "cent", "of", "%");
    private static final Pattern WORD = Pattern.compile("\\p{Ll}[\\p{Ll}\\-']*");
    private static final Pattern SEVERITY_FROM = Pattern.compile("(?i)mild|moderate|low|medium");
    private static final Pattern SEVERITY_TO = Pattern.compile("(?i)moderate|severe|high");
    /** A line above the story is read as parts: a masthead's separators, and a byline's comma ("By X, Y"). */
    private static final Pattern HEADER_PARTS = Pattern.compile("\\s+[|\\u00B7\\u2022\\u2013\\u2014-]+\\s+|,\\s+|\\s*\\|\\s*");
    /** How many body sentences the dateline of a wire story may follow. */
    private static final int DATELINE_WITHIN = 6;
    /** How many lines below the headline a masthead or byline may stand. */
    private static final int HEADER_LINES = 8;
    /** A short line is a masthead's or a byline's; a longer one begins the story. */
    private static final int HEADER_LINE_WORDS = 12;
    /** "The Northern Wire (TNW)": the abbreviation after an outlet's name is not part of it. */
    /** "NameWise": a capital inside a word marks a coined name, not an ordinary word. */
    private static final int MIN_NAME_LETTERS = 5;
    private static final int MIN_ACRONYM_LETTERS = 4;
    /** "The X", "THE X Y": "The" and one to four capitalised words, nothing else. */
    private static final Pattern THE_NAME = Pattern.compile("(?:The|THE)(?:\\s+\\p{Lu}[\\p{L}'\\-]*){1,4}");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("<?[\\w.+\\-]+@[\\w.\\-]+>?");
    private static final Pattern INNER_CAPITAL = Pattern.compile("\\p{Ll}\\p{Lu}");
    private static final Pattern ABBREVIATION_AFTER = Pattern.compile("\\s*\\([\\p{Lu}\\p{N}&.\\-]{2,12}\\)$");
    /** A shouted acronym keeps its capitals: a consonant run inside it ("UCSF", "CNRS"), unlike a word ("GOOD"). */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}&&[^AEIOUY]]+\\p{Lu}?");
    /** "Brigham and " right before a name's capitalised run. */
    private static final Pattern JOINED_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}'\\-]*\\s+and\\s+$");
    /** "Eye and Ear and Harvard …": a joined word after another "and" starts a second name. */
    private static final Pattern JOIN_CONTINUES = Pattern.compile("(?:\\band|\\p{Lu}[\\p{L}'\\-]*)\\s+$");
    /** ", Irvine" after a university's name: its campus, one or two capitalised words. */
    private static final Pattern CAMPUS_AFTER = Pattern.compile(",\\s+(\\p{Lu}[\\p{L}'\\-]*(?:\\s+\\p{Lu}[\\p{L}'\\-]*)?)");
    /** The word right before a position, and a capitalised word before that one. */
    private static final Pattern WORD_BEFORE = Pattern.compile("(?:(\\p{Lu}[\\p{L}'\\-]*)\\s+)?([\\p{L}&'\\-]+)\\s+$");
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\-]+");
    /** A capitalised word ending where a name continues; a possessive ("King's College") belongs to the name. */
    private static final Pattern CAPITALISED_WORD_BEFORE = Pattern.compile("(\\p{Lu}[\\p{L}'\\-]*)\\s+$");

    MetadataExtractor(Cues cues) {
        this.cues = cues;
        this.vocabulary = cues.vocabulary;
        String humans = alternatives(cues.humanNouns);
        String animals = alternatives(cues.animalNouns);
        // "nearly 5,000 nurses": a quantifier before the count belongs to the population.
        String quantifier = cues.quantifiers.isEmpty() ? "" : "(?:\\b(?i:" + alternatives(cues.quantifiers) + ")\\s+)?";
        // "2.4 million boys and men", "eight adults with X or Y": a count in digits or words, a coordinated
        // second group noun, and a condition.
        String count = "(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?(?:\\s+(?:million|billion))?|(?i:"
                + NUMBER_WORDS + "))";
        // "adults aged 50 and older", "children aged 8 to 12 years": an age range belongs to the population.
        String age = "(?:\\s+aged\\s+(?:\\d+|(?i:" + NUMBER_WORDS + "))(?:\\s*(?:-|to|and|or)\\s*(?:\\d+|older|over|above))?"
                + "(?:\\s+years(?:\\s+old)?)?)?";
        this.numberedPopulation = Pattern.compile(quantifier + "(?<![\\d,.])(?<n>" + count + ")\\s+"
                + "(?:[a-z][a-z\\-]*\\s+){0,4}?(?<noun>" + humans + "|" + animals + ")\\b"
                + "(?:\\s+(?:and|or)\\s+(?:" + humans + ")\\b)?" + age
                // "recruits serving in the army", "residents of a named region": where the group is.
                + "(?:\\s+(?:serving|living|working|stationed)\\s+in\\s+(?:the\\s+)?[\\p{L}.'\\-]+"
                + "(?:\\s+(?!(?:who|and|with|for|from|to|in)\\b)[\\p{L}.'\\-]+){0,2}"
                + "|(?<=residents|inhabitants|citizens)\\s+of\\s+\\p{Lu}[\\p{L}'\\-]+(?:\\s+\\p{Lu}[\\p{L}'\\-]+)*(?:,\\s+\\p{Lu}[\\p{L}'\\-]+)?)?"
                + "(?:\\s+with\\s+\\p{L}[\\p{L}'\\- ]*)?");
        // "… with asthma and 300 healthy controls": a second counted group compared with the first.
        this.secondGroup = Pattern.compile("^\\s+and\\s+" + quantifier + "(?<![\\d,.])" + count + "\\s+(?:[a-z][a-z\\-]*\\s+){0,3}?(?:"
                + humans + ")\\b");
        String place = "(?:the\\s+)?\\p{Lu}[\\p{L}.'\\-]*(?:\\s+\\p{Lu}[\\p{L}.'\\-]*){0,3}";
        String counted = count + "\\s+(?:\\p{Lu}[\\p{Lu}.]+\\s+)?\\p{Ll}+s";
        this.whereStudied = Pattern.compile("(?:\\s+(?:in|at|across)\\s+(?:" + counted + "|" + place + ")){1,2}"
                + "(?=[\\s,.;:)]|$)");
        this.animalWords = cues.animalNouns.stream()
                .map(a -> Pattern.compile("\\b" + Pattern.quote(a) + "\\b", Pattern.CASE_INSENSITIVE)).toList();
        this.animalPopulation = Pattern.compile("\\bin\\s+(?:[a-z][a-z\\-]*\\s+){0,2}?(?<animal>" + animals + ")\\b");
        this.humanWithPopulation = Pattern.compile("\\b(?:in|among)\\s+(?<pop>(?:[a-z][a-z\\-]*\\s+){0,2}?(?:"
                + humans + ")\\s+with\\s+[a-z][a-z'\\- ]*)");
    }

    private static String alternatives(List<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    String title(String text, List<Sentence> sentences, List<SentenceRole> roles) {
        int start = -1;
        int end = -1;
        for (Sentence s : sentences) {
            if (roles.get(s.index()) == SentenceRole.TITLE) {
                start = start < 0 ? s.start() : start;
                end = s.end();
            }
        }
        return start < 0 ? null : text.substring(start, end).strip();
    }

    /**
     * The journal: from a publication line, else a reference line ("Journal Reference:"), else the first body
     * sentence that says where the study was published ("in the March 16 issue of X", "published online by X").
     */
    String journal(String text, List<Sentence> sentences, List<SentenceRole> roles) {
        String fromPublicationLine = journalIn(sentences, roles, SentenceRole.PUBLICATION);
        if (fromPublicationLine != null) {
            return fromPublicationLine;
        }
        Reference reference = reference(text);
        if (reference != null && reference.journal() != null) {
            return reference.journal();
        }
        return journalIn(sentences, roles, SentenceRole.BODY);
    }

    private String journalIn(List<Sentence> sentences, List<SentenceRole> roles, SentenceRole wanted) {
        for (Sentence s : sentences) {
            if (roles.get(s.index()) != wanted) {
                continue;
            }
            String known = knownJournalAfterCue(s);
            if (known != null) {
                return known;
            }
            String named = journalName(firstNameAfter(List.of(s), cues.journalAnchors, cues.journalConnectors));
            if (named != null) {
                return named;
            }
        }
        return null;
    }

    /**
     * A journal of the vocabulary named after a phrase that says where a paper appeared, read on to the end of its
     * name ("the journal Brain Reports" is not "Brain").
     */
    private String knownJournalAfterCue(Sentence s) {
        int cue = Integer.MAX_VALUE;
        for (Pattern p : vocabulary.publicationCues) {
            Matcher m = p.matcher(s.folded());
            if (m.find()) {
                cue = Math.min(cue, m.start());
            }
        }
        if (cue == Integer.MAX_VALUE) {
            return null;
        }
        Matcher journal = vocabulary.journal.matcher(s.text());
        while (journal.find()) {
            if (journal.start() < cue || insideLongerName(s.text(), journal.start())) {
                continue;
            }
            String run = journalName(NameRuns.read(s.text(), journal.start(), cues.journalConnectors));
            return run != null && run.startsWith(journal.group()) ? run : journal.group();
        }
        return null;
    }

    /** Whether a capitalised word, or one with a connector, comes right before ("Developmental Cell"). */
    private boolean insideLongerName(String text, int start) {
        Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, start - 40), start));
        if (!before.find()) {
            return false;
        }
        String word = before.group(2);
        return NameRuns.isCapitalised(word) || cues.journalConnectors.contains(word) && before.group(1) != null
                && !vocabulary.notJournalWords.contains(before.group(1));
    }

    /**
     * A name read after a journal anchor, without a trailing date ("X in March") and refused where it is one
     * ("Feb", "December") or a nationality before the name ("the American journal X").
     */
    private String journalName(String name) {
        if (name == null) {
            return null;
        }
        String[] words = name.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (words[i - 1].equals("in") && vocabulary.notJournalWords.contains(words[i])) {
                name = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i - 1));
                break;
            }
        }
        // "Tuesday in X": the date before the name is no part of it.
        if (words.length > 2 && vocabulary.notJournalWords.contains(words[0]) && words[1].equals("in")) {
            return journalName(name.substring(name.indexOf(" in ") + 4));
        }
        return vocabulary.notJournalWords.contains(words[0]) ? null : name;
    }

    /** The first name that stands right after one of {@code anchors} in {@code sentences}, in order; else null. */
    private static String firstNameAfter(List<Sentence> sentences, List<Pattern> anchors, Set<String> connectors) {
        for (Sentence s : sentences) {
            for (Pattern anchor : anchors) {
                Matcher m = anchor.matcher(s.folded());
                if (m.find()) {
                    String name = NameRuns.read(s.text(), m.end(), connectors);
                    if (name != null) {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    /** The journal and year of the paper as a reference line cites it ("X et al. Title. Journal, 2020; DOI: …"). */
    record Reference(String journal, Integer year) {
    }

    Reference reference(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = TextFolding.fold(lines[i].strip());
            for (Pattern label : cues.referenceLines) {
                Matcher m = label.matcher(line);
                if (!m.find()) {
                    continue;
                }
                String cited = lines[i].strip().substring(m.end()).strip();
                for (int j = i + 1; cited.isEmpty() && j < lines.length; j++) {
                    cited = lines[j].strip();
                }
                Reference reference = parseReference(cited);
                if (reference != null) {
                    return reference;
                }
            }
        }
        return null;
    }

    private Reference parseReference(String cited) {
        String folded = TextFolding.fold(cited);
        for (Pattern p : cues.referenceJournals) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                String candidate = cited.substring(m.start("journal"), m.end("journal")).strip();
                // A journal is a run of capitalised words; a title or an author list is not.
                if (candidate.equals(NameRuns.read(candidate, 0, cues.journalConnectors))
                        && !candidate.contains(" et al")) {
                    return new Reference(candidate, Integer.valueOf(m.group("year")));
                }
            }
        }
        return null;
    }

    /** Publisher and year from a copyright line; either may be {@code null}. */
    record Copyright(String publisher, Integer year) {
    }

    /**
     * The publisher and year of the article: the copyright line; else a republication note ("originally
     * published on X") for the publisher, and a date line, then the cited paper's year, for the year.
     */
    Copyright source(String text, List<Sentence> sentences, List<SentenceRole> roles) {
        Copyright copyright = copyright(sentences, roles);
        String publisher = copyright.publisher() != null ? copyright.publisher() : republisher(sentences);
        if (publisher == null) {
            publisher = wireAgency(sentences, roles);
        }
        if (publisher == null) {
            publisher = headerPublisher(sentences, roles);
        }
        if (publisher == null) {
            publisher = mastheadPublisher(sentences, roles);
        }
        Copyright issue = issueLine(sentences);
        if (publisher == null) {
            publisher = issue.publisher();
        }
        if (publisher == null) {
            publisher = recurringHeaderName(sentences, roles);
        }
        if (publisher == null) {
            publisher = theNamedHeader(sentences, roles);
        }
        Integer year = copyright.year();
        if (year == null) {
            year = issue.year();
        }
        if (year == null) {
            year = dateLineYear(sentences, roles);
        }
        if (year == null) {
            year = furnitureDateYear(sentences, roles);
        }
        if (year == null) {
            Reference reference = reference(text);
            year = reference == null ? null : reference.year();
        }
        return new Copyright(publisher, year);
    }

    /** A magazine's closing line ("This article appears in the Winter 2021 issue of X"): publisher and year. */
    private Copyright issueLine(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            for (Pattern p : cues.issueLines) {
                Matcher m = p.matcher(s.folded());
                if (m.find()) {
                    String name = NameRuns.read(s.text(), m.end(), cues.journalConnectors);
                    return new Copyright(name, Integer.valueOf(m.group("year")));
                }
            }
        }
        return new Copyright(null, null);
    }

    /**
     * A publication named on a line of its own above the story, or as one part of a masthead or byline line ("By
     * NAME, OUTLET", "Section | OUTLET", "OUTLET (ABBR)"): a whole capitalised name with a word that names an outlet
     * or an organisation, never a reporter's job ("Staff Writer") nor a date.
     */
    private String headerPublisher(List<Sentence> sentences, List<SentenceRole> roles) {
        for (Sentence s : headerLines(sentences, roles, false)) {
            for (String part : HEADER_PARTS.split(s.text().strip())) {
                String name = outletName(part);
                if (name != null) {
                    return shoutedToTitleCase(name);
                }
            }
        }
        return null;
    }

    /**
     * A name on a short line above the story that the article names again elsewhere, in a credit ("(Name/Stock)"),
     * a sign-off or a line about its team: the outlet's own name, even without an outlet word. The longest such
     * run of its first words counts; one word only where it is shouted or has a capital inside ("NAME", "NameWise"),
     * as an ordinary capitalised word recurs by chance. Returned as the article writes it in lower case.
     */
    private String recurringHeaderName(List<Sentence> sentences, List<SentenceRole> roles) {
        // Below the first sentence of the story, a short line is a heading, not a masthead.
        for (Sentence s : headerLines(sentences, roles, true)) {
            for (String part : HEADER_PARTS.split(s.text().strip())) {
                String name = headerName(part);
                if (name == null || !name.equals(NameRuns.read(name, 0, cues.institutionConnectors))
                        || vocabulary.journal.matcher(name).matches()) {
                    continue;
                }
                String[] words = name.split("\\s+");
                if (java.util.Arrays.stream(words).anyMatch(w -> vocabulary.bylineRoleWords.contains(
                        w.length() < 2 ? w : w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)))) {
                    continue;
                }
                for (int n = words.length; n >= 1; n--) {
                    String run = String.join(" ", java.util.Arrays.copyOf(words, n));
                    if (!Character.isUpperCase(words[n - 1].charAt(0))) {
                        continue;
                    }
                    boolean coined = n == 1 && (INNER_CAPITAL.matcher(run).find()
                            || run.length() >= MIN_ACRONYM_LETTERS && ACRONYM.matcher(run).matches());
                    boolean shouted = n == 1 && !coined && run.length() >= MIN_NAME_LETTERS
                            && run.equals(run.toUpperCase(Locale.ROOT));
                    if (n == 1 && !coined && !shouted) {
                        continue;
                    }
                    String again = namedAgain(sentences, s.index(), run, shouted, cues.journalConnectors);
                    if (again != null) {
                        return run.chars().anyMatch(Character::isLowerCase) ? run
                                : again.chars().anyMatch(Character::isLowerCase) ? again : shoutedToTitleCase(again);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The name as another sentence writes it (whole words, any case, starting with a capital; with {@code notFirst},
     * not opening the sentence), else null.
     */
    private static String namedAgain(List<Sentence> sentences, int except, String name, boolean notFirst,
            java.util.Collection<String> connectors) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        for (Sentence other : sentences) {
            if (other.index() == except) {
                continue;
            }
            Matcher m = p.matcher(other.text());
            while (m.find()) {
                // A lone word that opens a sentence is capitalised for that alone.
                boolean first = other.text().substring(0, m.start()).isBlank();
                // Written as a name: its words capitalised (short connectors aside), not a phrase ("the big study").
                boolean asName = java.util.Arrays.stream(m.group().split("\\s+"))
                        .allMatch(w -> connectors.contains(w) || Character.isUpperCase(w.charAt(0)));
                if (Character.isUpperCase(m.group().charAt(0)) && asName && !(notFirst && first)) {
                    return m.group();
                }
            }
        }
        return null;
    }

    /**
     * A name that begins with "The" standing alone as a line or a part of one above the story ("The X Times", "By
     * NAME | The X | June 2015", "THE X Y | a weekly newsletter", "From: The X <address>"): a publication's own
     * name, where nothing else named one. Shouted, it counts only beside another part of its line.
     */
    private String theNamedHeader(List<Sentence> sentences, List<SentenceRole> roles) {
        // A standfirst or a claim and verdict may stand above the byline.
        for (Sentence s : headerLines(sentences, roles, false)) {
            String line = EMAIL_ADDRESS.matcher(s.text().strip()).replaceAll("").replaceFirst("^(?i:from):\\s*", "");
            String[] parts = HEADER_PARTS.split(line.strip());
            for (String part : parts) {
                String name = headerName(part);
                // A shouted line alone is a heading ("THE RESULTS"); beside a description it is a masthead.
                boolean shouted = name != null && name.equals(name.toUpperCase(Locale.ROOT));
                if (name != null && THE_NAME.matcher(name).matches() && (!shouted || parts.length > 1)
                        && name.equals(NameRuns.read(name, 0, cues.institutionConnectors))
                        && !vocabulary.journal.matcher(name).matches()) {
                    return shoutedToTitleCase(name);
                }
            }
        }
        return null;
    }

    /**
     * The lines above the story, after the headline, where a masthead or byline may stand; a long body line (a
     * standfirst, the story's first sentence) is skipped, or ends them with {@code stopAtStory}.
     */
    private static List<Sentence> headerLines(List<Sentence> sentences, List<SentenceRole> roles,
            boolean stopAtStory) {
        List<Sentence> lines = new java.util.ArrayList<>();
        int seen = 0;
        for (Sentence s : sentences) {
            SentenceRole role = roles.get(s.index());
            if (role == SentenceRole.TITLE) {
                continue;
            }
            if (++seen > HEADER_LINES) {
                break;
            }
            if (role == SentenceRole.BODY && s.text().strip().split("\\s+").length >= HEADER_LINE_WORDS) {
                if (stopAtStory) {
                    break;
                }
                continue;
            }
            lines.add(s);
        }
        return lines;
    }

    /** One part of a header line without an abbreviation after it; null for a byline, a date or a number. */
    private String headerName(String part) {
        String name = ABBREVIATION_AFTER.matcher(part.strip()).replaceFirst("").strip();
        return name.isEmpty() || BoilerplateDetector.findsAny(cues.mastheadBylines, name)
                || name.chars().anyMatch(Character::isDigit) || BoilerplateDetector.findsAny(cues.dates, name) ? null
                        : name;
    }

    private String outletName(String part) {
        String name = headerName(part);
        if (name == null) {
            return null;
        }
        for (Pattern leadIn : cues.mastheadLeadIns) {
            Matcher m = leadIn.matcher(name);
            if (m.lookingAt()) {
                name = name.substring(m.end()).strip();
                break;
            }
        }
        if (name.isEmpty() || !name.equals(NameRuns.read(name, 0, cues.institutionConnectors))) {
            return null;
        }
        String[] words = name.split("\\s+");
        // A lone "NEWS" is a section; a journal named above the story is where its study appeared.
        if (words.length < 2 || vocabulary.journal.matcher(name).matches()) {
            return null;
        }
        boolean outlet = false;
        for (String word : words) {
            String titled = word.length() < 2 ? word
                    : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
            if (vocabulary.bylineRoleWords.contains(titled)) {
                return null;
            }
            outlet |= vocabulary.outletWords.contains(titled);
        }
        return outlet ? name : null;
    }

    /** "HEALTH NEWS WEEKLY" on a masthead is the publication "Health News Weekly". */
    private String shoutedToTitleCase(String name) {
        if (name.chars().anyMatch(Character::isLowerCase) || name.chars().filter(Character::isLetter).count() < 6) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (ACRONYM.matcher(word).matches() && !cues.journalConnectors.contains(lower)) {
                out.append(word);
                continue;
            }
            out.append(out.length() > 0 && cues.journalConnectors.contains(lower) || lower.isEmpty() ? lower
                    : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return out.toString();
    }

    /** The agency of a wire story's opening dateline ("PARIS, March 3 (Agency) - …"). */
    private String wireAgency(List<Sentence> sentences, List<SentenceRole> roles) {
        int bodySentences = 0;
        for (Sentence s : sentences) {
            if (roles.get(s.index()) != SentenceRole.BODY) {
                continue;
            }
            // "TAMPA, Fla., May 3 (X) -": a state's abbreviation may end a sentence before the dateline's end.
            Sentence next = s.index() + 1 < sentences.size() ? sentences.get(s.index() + 1) : null;
            String folded = next == null ? s.folded() : s.folded() + " " + next.folded();
            String text = next == null ? s.text() : s.text() + " " + next.text();
            for (Pattern p : cues.wireDatelines) {
                Matcher m = p.matcher(folded);
                if (m.find() && m.start("publisher") < text.length()) {
                    return text.substring(m.start("publisher"), m.end("publisher")).strip();
                }
            }
            // Key points or a standfirst may stand above the dateline.
            if (++bodySentences >= DATELINE_WITHIN) {
                return null;
            }
        }
        return null;
    }

    /**
     * The publication named first on a masthead line above the story ("X Magazine | Health | May 2013",
     * "Distributed by X Newsroom | March 2005"): a line of separated parts, one of them a date, whose first part
     * is a name rather than a byline or the date itself.
     */
    private String mastheadPublisher(List<Sentence> sentences, List<SentenceRole> roles) {
        for (Sentence s : sentences) {
            SentenceRole role = roles.get(s.index());
            if (role == SentenceRole.BODY) {
                return null;
            }
            if (role == SentenceRole.TITLE) {
                continue;
            }
            String line = s.text().strip();
            // Split the line itself: folding turns an em dash, a masthead separator, into a space.
            String[] parts = cues.mastheadSeparators.split(line);
            if (parts.length < 2 || java.util.Arrays.stream(parts).noneMatch(
                    p -> BoilerplateDetector.findsAny(cues.dates, p))) {
                continue;
            }
            String first = parts[0].strip();
            if (BoilerplateDetector.findsAny(cues.mastheadBylines, first)) {
                continue;
            }
            for (Pattern leadIn : cues.mastheadLeadIns) {
                Matcher m = leadIn.matcher(first);
                if (m.lookingAt()) {
                    first = first.substring(m.end()).strip();
                    break;
                }
            }
            // "Press information - X - date": a label first, the publisher next.
            if (first.isEmpty() && parts.length > 2) {
                first = parts[1].strip();
            }
            if (first.isEmpty() || first.chars().anyMatch(Character::isDigit)
                    || BoilerplateDetector.findsAny(cues.dates, first)) {
                continue;
            }
            if (first.equals(NameRuns.read(first, 0, cues.journalConnectors))) {
                return shoutedToTitleCase(first);
            }
        }
        return null;
    }

    private String republisher(List<Sentence> sentences) {
        return firstNameAfter(sentences, cues.republished, cues.institutionConnectors);
    }

    /** The year of the first date line, or {@code null}. */
    Integer dateLineYear(List<Sentence> sentences, List<SentenceRole> roles) {
        return firstDateYear(sentences, roles, java.util.Set.of(SentenceRole.DATELINE));
    }

    /**
     * The year of the first full date on a line of page furniture, or on a line above the story that is short or a
     * byline ("May 3, 2016 | Updated 9:15 a.m.", "By X · Last updated: 3 May 2015", "Posted on May 3, 2015 by
     * …"); never a link's, a credit's or the journal's line.
     */
    private Integer furnitureDateYear(List<Sentence> sentences, List<SentenceRole> roles) {
        List<Sentence> lines = new java.util.ArrayList<>(headerLines(sentences, roles, false));
        int seen = 0;
        for (Sentence s : sentences) {
            SentenceRole role = roles.get(s.index());
            boolean byline = role == SentenceRole.BODY && seen < HEADER_LINES
                    && BoilerplateDetector.findsAny(cues.mastheadBylines, s.text().strip());
            if (role == SentenceRole.OTHER_BOILERPLATE || byline) {
                lines.add(s);
            }
            seen += role == SentenceRole.TITLE ? 0 : 1;
        }
        lines.sort(java.util.Comparator.comparingInt(Sentence::index));
        return firstDateYear(lines, roles, Set.of(SentenceRole.OTHER_BOILERPLATE, SentenceRole.BODY));
    }

    private Integer firstDateYear(List<Sentence> sentences, List<SentenceRole> roles, Set<SentenceRole> wanted) {
        for (Sentence s : sentences) {
            if (!wanted.contains(roles.get(s.index()))) {
                continue;
            }
            for (Pattern p : cues.dates) {
                Matcher m = p.matcher(s.folded());
                if (m.find()) {
                    return Integer.valueOf(m.group("year"));
                }
            }
        }
        return null;
    }

    Copyright copyright(List<Sentence> sentences, List<SentenceRole> roles) {
        for (Sentence s : sentences) {
            if (roles.get(s.index()) != SentenceRole.COPYRIGHT) {
                continue;
            }
            String line = s.text().strip();
            for (Pattern p : cues.copyright) {
                Matcher m = p.matcher(TextFolding.fold(line));
                if (m.find()) {
                    String publisher = line.substring(m.start("publisher"), m.end("publisher")).strip();
                    publisher = publisher.replaceAll("[\\s,.]+$", "");
                    Integer year = Integer.valueOf(m.group("year"));
                    return new Copyright(publisher.isEmpty() ? null : publisher, year);
                }
            }
        }
        return new Copyright(null, null);
    }

    /**
     * The institution of the study's authors: the one named with the lead author (else the senior author, else
     * another author) in the sentence that names them ("X, a professor at Y", "X of Y"); else the body's
     * "researchers at Y", never in a sentence that names an outside expert "not involved" in the study.
     */
    String institution(List<Sentence> sentences, List<SentenceRole> roles, List<ResearcherExtractor.Mention> mentions,
            List<ExtractedResearcher> people) {
        for (ResearcherRole role : List.of(ResearcherRole.LEAD, ResearcherRole.SENIOR, ResearcherRole.AUTHOR)) {
            for (ExtractedResearcher person : people) {
                if (person.role() != role) {
                    continue;
                }
                for (ResearcherExtractor.Mention mention : mentions) {
                    if (!sameSurname(mention.name(), person.name())) {
                        continue;
                    }
                    String affiliation = affiliationAfter(sentences.get(mention.sentence()), mention, mentions);
                    if (affiliation != null) {
                        return affiliation;
                    }
                }
            }
        }
        // A sentence that says someone was not involved names an outside expert's institution.
        java.util.Set<Integer> expertSentences = new java.util.HashSet<>();
        mentions.stream().filter(ResearcherExtractor.Mention::notInvolved).forEach(m -> expertSentences.add(m.sentence()));
        List<Sentence> withoutExperts = sentences.stream().filter(s -> !expertSentences.contains(s.index())).toList();
        return institution(withoutExperts, roles);
    }

    private static boolean sameSurname(String a, String b) {
        return a.substring(a.lastIndexOf(' ') + 1).equalsIgnoreCase(b.substring(b.lastIndexOf(' ') + 1));
    }

    /**
     * The organisation named after a person in their sentence, before the next person named there: "X of Y", "X,
     * a professor of medicine at Y".
     */
    private String affiliationAfter(Sentence s, ResearcherExtractor.Mention mention,
            List<ResearcherExtractor.Mention> mentions) {
        int from = mention.end() - s.start();
        int to = s.text().length();
        for (ResearcherExtractor.Mention other : mentions) {
            if (other.sentence() == s.index() && other.start() > mention.start()) {
                to = Math.min(to, other.start() - s.start());
            }
        }
        if (from >= to) {
            return null;
        }
        Matcher words = CAPITALISED_WORD.matcher(s.text());
        words.region(from, to);
        String unit = null;
        while (words.find()) {
            if (!cues.organizationWords.contains(words.group()) || words.group().equals("Research")) {
                continue;
            }
            int runStart = Math.max(from, runStartBefore(s.text(), words.start()));
            // "Brigham and Women's Hospital": a capitalised word joined by "and" belongs to the name.
            Matcher joined = JOINED_BEFORE.matcher(s.text().substring(from, runStart));
            if (joined.find() && !JOIN_CONTINUES.matcher(s.text().substring(0, from + joined.start())).find()) {
                runStart = from + joined.start();
            }
            String name = NameRuns.read(s.text(), runStart, cues.institutionConnectors);
            if (name == null || startsWithHonorific(name)) {
                continue;
            }
            name = withCampus(oneOrganisation(name.replaceFirst("^(?:The|A|An)\\s+", "").replaceFirst("'s$", "")),
                    s.text(), runStart);
            // "the Department of X at the University of Y": the department's university is the institution.
            String first = name.split("[\\s']+")[0];
            if (cues.subUnitWords.contains(first) || name.split("\\s+")[0].endsWith("'s")) {
                unit = unit == null ? name : unit;
                words.region(Math.min(to, runStart + name.length()), to);
                continue;
            }
            return name;
        }
        return unit;
    }

    /** An organisation named in a sentence: its name as the rules read it and its offset in the sentence. */
    record Organisation(String name, int start, boolean anchored, String variant) {
    }

    /** ", San Francisco", " in St. Louis", " and Harvard" right after a name: it may go on. */
    private static final Pattern NAME_GOES_ON = Pattern.compile(
            "^(,\\s+|\\s+in\\s+|\\s+at\\s+|\\s+and\\s+)\\p{Lu}[\\p{L}.'\\-]*(?:\\s+\\p{Lu}[\\p{L}.'\\-]*){0,2}");
    /** An organisation word followed by what it is "of" or "for": "Institute of X", "Centre for Y". */
    private static final Pattern OF_PART = Pattern.compile("\\p{Lu}\\p{L}+\\s+(?:of|for)\\s+\\p{Lu}");
    /** "Italy's National Institute for X": a one-word owner before a name. */
    private static final Pattern OWNER = Pattern.compile("^\\p{Lu}[\\p{L}\\-]*'s\\s+(?=\\p{Lu})");
    /** A sentence's full stop after a name's last word ("in St. Louis."), not an abbreviation's. */
    private static final Pattern SENTENCE_STOP = Pattern.compile("(?<=\\p{Ll}{2})\\.$");

    /**
     * Every organisation a sentence names, in order: each run of capitalised words with an organisation word, and
     * each name after an institution phrase ("researchers at X"; {@code anchored}). The learned ranker's candidates.
     */
    List<Organisation> organisations(Sentence s, boolean sourceLine) {
        List<Organisation> found = new java.util.ArrayList<>();
        for (Pattern anchor : sourceLine ? cues.sourceLineAnchors : cues.institutionAnchors) {
            Matcher m = anchor.matcher(s.folded());
            while (m.find()) {
                String name = NameRuns.read(s.text(), m.end(), cues.institutionConnectors);
                if (name != null && !startsWithHonorific(name)) {
                    found.add(new Organisation(oneOrganisation(name), m.end(), true, "base"));
                }
            }
        }
        Matcher words = CAPITALISED_WORD.matcher(s.text());
        int readTo = 0;
        while (words.find()) {
            if (words.start() < readTo || !cues.organizationWords.contains(words.group())
                    || words.group().equals("Research")) {
                continue;
            }
            int runStart = Math.max(readTo, runStartBefore(s.text(), words.start()));
            String name = NameRuns.read(s.text(), runStart, cues.institutionConnectors);
            if (name == null || startsWithHonorific(name)) {
                continue;
            }
            readTo = runStart + name.length();
            String clean = withCampus(oneOrganisation(name.replaceFirst("^(?:The|A|An)\\s+", "")
                    .replaceFirst("'s$", "")), s.text(), runStart);
            found.add(new Organisation(clean, runStart, false, "base"));
            withoutOwner(clean, runStart, "base", found);
            int at = s.text().indexOf(clean, runStart);
            Matcher more = NAME_GOES_ON.matcher(s.text().substring(Math.max(0, at + clean.length())));
            if (at >= 0 && more.lookingAt()) {
                String longer = SENTENCE_STOP.matcher(s.text().substring(at, at + clean.length() + more.end()))
                        .replaceFirst("");
                String variant = more.group(1).contains(",") ? "comma" : more.group(1).strip();
                found.add(new Organisation(longer, runStart, false, variant));
                withoutOwner(longer, runStart, variant, found);
            }
        }
        return found;
    }

    /**
     * "Italy's National Institute for X" is also read as "National Institute for X": whether the owner is a place
     * (dropped) or part of the name ("King's College") is the ranker's to learn from the {@code owned} variant.
     */
    private void withoutOwner(String name, int start, String variant, List<Organisation> found) {
        Matcher owner = OWNER.matcher(name);
        if (owner.lookingAt()) {
            String rest = name.substring(owner.end());
            String[] words = rest.split("\\s+");
            // "King's College", "Children's Hospital": a possessive right before the organisation word is the name's.
            if (!cues.organizationWords.contains(words[0])
                    && java.util.Arrays.stream(words).anyMatch(cues.organizationWords::contains)) {
                found.add(new Organisation(rest, start, false, "owned-" + variant));
            }
        }
    }

    /** "University of California, Irvine": a university with several campuses is named with its campus. */
    private String withCampus(String name, String text, int nameStart) {
        if (!vocabulary.multiCampusUniversities.contains(name)) {
            return name;
        }
        Matcher campus = CAMPUS_AFTER.matcher(text.substring(Math.min(text.length(), nameStart + name.length())));
        return campus.lookingAt() ? name + ", " + campus.group(1) : name;
    }

    String institution(List<Sentence> sentences, List<SentenceRole> roles) {
        for (SentenceRole wanted : new SentenceRole[] {SentenceRole.BODY, SentenceRole.PUBLICATION,
                SentenceRole.CREDIT}) {
            for (Sentence s : sentences) {
                if (roles.get(s.index()) != wanted) {
                    continue;
                }
                String name = institutionAt(s, cues.institutionAnchors);
                if (name != null) {
                    return name;
                }
            }
        }
        // "Source: X", "Materials provided by X", "Provided by X" among the page furniture.
        for (Sentence s : sentences) {
            if (roles.get(s.index()).isBoilerplate()) {
                String name = institutionAt(s, cues.sourceLineAnchors);
                if (name != null) {
                    return name;
                }
            }
        }
        // No "researchers at …" phrase: the first organisation-like name in the body.
        for (Sentence s : sentences) {
            if (roles.get(s.index()) != SentenceRole.BODY) {
                continue;
            }
            Matcher words = CAPITALISED_WORD.matcher(s.text());
            while (words.find()) {
                if (cues.organizationWords.contains(words.group()) && !words.group().equals("Research")) {
                    int runStart = runStartBefore(s.text(), words.start());
                    String name = NameRuns.read(s.text(), runStart, cues.institutionConnectors);
                    if (name != null) {
                        return oneOrganisation(name.replaceFirst("^(?:The|A|An)\\s+", ""));
                    }
                }
            }
        }
        return null;
    }

    private String institutionAt(Sentence s, List<Pattern> anchors) {
        for (Pattern anchor : anchors) {
            Matcher m = anchor.matcher(s.folded());
            while (m.find()) {
                String name = NameRuns.read(s.text(), m.end(), cues.institutionConnectors);
                if (name != null && !startsWithHonorific(name)) {
                    return oneOrganisation(name);
                }
            }
        }
        return null;
    }

    /**
     * "Smith and Jones Hospital" is one name, "University of A and the University of B" two: a name joined
     * by "and" is kept whole only when the part before "and" is not already an organisation's name.
     */
    private String oneOrganisation(String name) {
        name = withoutParent(name);
        int and = name.indexOf(" and ");
        if (and < 0) {
            return name;
        }
        String before = name.substring(0, and);
        String[] lastWords = name.split("\\s+");
        boolean endsAsOrganisation = cues.organizationWords.contains(lastWords[lastWords.length - 1]);
        // "Institute for Health and Welfare", "Broad Institute of MIT and Harvard": what follows "and" is more of
        // the "of"/"for" part where it names no organisation and is not a person's two-word name.
        String[] joined = name.substring(and + 5).split("\\s+");
        boolean moreOfTheName = OF_PART.matcher(before).find()
                && java.util.Arrays.stream(joined).noneMatch(cues.organizationWords::contains)
                && !(joined.length == 2 && NameRuns.isCapitalised(joined[0]) && NameRuns.isCapitalised(joined[1]));
        for (String w : before.split("\\s+")) {
            if (cues.organizationWords.contains(w)) {
                return moreOfTheName ? name : before;
            }
        }
        return endsAsOrganisation ? name : before;
    }

    /**
     * "Northwell Health's Feinstein Institutes": a possessive organisation before the name is the parent body, and
     * the institution is what it owns; a possessive person's name ("King's College") is part of the name.
     */
    private String withoutParent(String name) {
        String[] words = name.split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            if (!words[i].endsWith("'s")) {
                continue;
            }
            String owner = words[i].substring(0, words[i].length() - 2);
            // "Imperial College London and King's College London": the owner's words start after the last "and".
            int from = 0;
            for (int j = 0; j < i; j++) {
                from = words[j].equals("and") ? j + 1 : from;
            }
            for (int j = from; j <= i; j++) {
                String w = j == i ? owner : words[j];
                if (cues.organizationWords.contains(w)) {
                    String rest = String.join(" ", java.util.Arrays.copyOfRange(words, i + 1, words.length));
                    if (!NameRuns.isCapitalised(rest)) {
                        return name;
                    }
                    // "X University's Centre for Y" is a unit of the university; "X Health's Y Institutes" a body
                    // of its own.
                    List<String> unit = List.of(words).subList(i + 1, words.length);
                    boolean subUnit = unit.stream().anyMatch(cues.subUnitWords::contains)
                            && unit.stream().noneMatch(cues.independentUnitWords::contains);
                    if (subUnit) {
                        String parent = String.join(" ", java.util.Arrays.copyOfRange(words, from, i + 1));
                        return parent.substring(0, parent.length() - 2);
                    }
                    return rest;
                }
            }
        }
        return name;
    }

    private static int runStartBefore(String text, int wordStart) {
        int start = wordStart;
        Matcher previous = CAPITALISED_WORD_BEFORE.matcher(text.substring(0, start));
        while (previous.find()) {
            start = previous.start(1);
            previous = CAPITALISED_WORD_BEFORE.matcher(text.substring(0, start));
        }
        return start;
    }

    private boolean startsWithHonorific(String name) {
        String first = name.split("\\s+")[0];
        return cues.honorifics.contains(first) || cues.honorifics.contains(first + ".");
    }

    String doi(String text) {
        Matcher m = cues.doi.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The study population where the article states it: a counted group ("250 healthy volunteers"), an animal
     * model ("in rats"), or a group with a condition ("among women with asthma"). Hedged sentences are skipped for
     * the last two, since "could help patients with X" names no one who was studied.
     */
    String population(List<Sentence> sentences, List<SentenceRole> roles, Integer articleYear) {
        return populationCandidates(sentences, roles, articleYear).stream().filter(PopulationCandidate::ruleEligible)
                .map(PopulationCandidate::value).findFirst().orElse(null);
    }

    /** How a population candidate was read: a counted group, "in rats", "among adults with X", or a repeated animal. */
    enum PopulationKind {
        COUNTED, ANIMAL, WITH_CONDITION, REPEATED_ANIMAL, COUNTED_PHRASE
    }

    /**
     * A phrase that may state the study population, with what the rules know of it. {@code ruleEligible}: the rules
     * would accept it (the first such candidate is their answer); the learned ranker sees the others too.
     */
    record PopulationCandidate(String value, PopulationKind kind, int sentence, boolean ruleEligible,
            boolean earlierWork, boolean hedged, boolean estimate, boolean ratio, boolean notTheGroup, String span) {
    }

    /**
     * How much of the sentence a counted group's candidate spans: as the rules read it, the group alone (without
     * where it was studied), up to the end of its clause, or to the end of the sentence.
     */
    static final String SPAN_RULE = "rule";
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:(]|\\s--?\\s|\\s[\\u2013\\u2014]\\s");

    /**
     * Every population phrase the rules can read, in the order the rules prefer them: counted groups (body before
     * headline), then animals, then groups with a condition, then an animal named repeatedly.
     */
    List<PopulationCandidate> populationCandidates(List<Sentence> sentences, List<SentenceRole> roles,
            Integer articleYear) {
        List<PopulationCandidate> found = new java.util.ArrayList<>();
        // Each sentence's standing is worked out once: the searches below visit sentences many times.
        boolean[] earlier = new boolean[roles.size()];
        boolean[] hedged = new boolean[roles.size()];
        boolean[] eligible = new boolean[roles.size()];
        for (Sentence s : sentences) {
            earlier[s.index()] = aboutEarlierWork(s, articleYear);
            hedged[s.index()] = cues.hedged(s.folded());
            eligible[s.index()] = readable(s, roles) && !earlier[s.index()] && !hedged[s.index()];
        }
        // The body states the sample in full; a headline's count ("a study of 3 million nurses") is the
        // fallback.
        List<Sentence> bodyFirst = new java.util.ArrayList<>();
        sentences.stream().filter(s -> roles.get(s.index()) != SentenceRole.TITLE).forEach(bodyFirst::add);
        sentences.stream().filter(s -> roles.get(s.index()) == SentenceRole.TITLE).forEach(bodyFirst::add);
        for (Sentence s : bodyFirst) {
            if (!readable(s, roles)) {
                continue;
            }
            Matcher m = numberedPopulation.matcher(s.folded());
            while (m.find()) {
                if (YEAR.matcher(m.group("n")).matches()) {
                    continue;
                }
                String before = s.folded().substring(0, m.start());
                boolean ratio = RATIO_BEFORE.matcher(before).find();
                boolean estimate = isEstimate(s.folded(), m);
                boolean notTheGroup = !countsTheGroup(m);
                String rule = countedPopulation(s, m);
                found.add(new PopulationCandidate(rule, PopulationKind.COUNTED, s.index(),
                        !earlier[s.index()] && !ratio && !estimate && !notTheGroup, earlier[s.index()],
                        hedged[s.index()], estimate, ratio, notTheGroup, SPAN_RULE));
                for (java.util.Map.Entry<String, String> v : countedVariants(s, m, rule).entrySet()) {
                    found.add(new PopulationCandidate(v.getValue(), PopulationKind.COUNTED, s.index(), false,
                            earlier[s.index()], hedged[s.index()], estimate, ratio, notTheGroup, v.getKey()));
                }
            }
        }
        for (Sentence s : sentences) {
            Matcher m = animalPopulation.matcher(s.folded());
            if (readable(s, roles) && m.find()) {
                // "in aged rats", "in young adult rats": the population is the animal.
                found.add(new PopulationCandidate(s.text().substring(m.start("animal"), m.end("animal")),
                        PopulationKind.ANIMAL, s.index(), eligible[s.index()], earlier[s.index()], hedged[s.index()],
                        false, false, false, SPAN_RULE));
            }
        }
        for (Sentence s : sentences) {
            Matcher m = humanWithPopulation.matcher(s.folded());
            if (readable(s, roles) && m.find()) {
                found.add(new PopulationCandidate(
                        stripDeterminer(trimQualifier(s.text().substring(m.start("pop"), m.end("pop")))),
                        PopulationKind.WITH_CONDITION, s.index(),
                        eligible[s.index()] && !cues.implication.in(s.folded()), earlier[s.index()],
                        hedged[s.index()], false, false, false, SPAN_RULE));
            }
        }
        for (Sentence s : sentences) {
            if (readable(s, roles)) {
                countedPhrases(s, earlier[s.index()], hedged[s.index()], found);
            }
        }
        String repeated = animalNamedRepeatedly(sentences, eligible);
        if (repeated != null) {
            found.add(new PopulationCandidate(repeated, PopulationKind.REPEATED_ANIMAL, -1, true, false, false, false,
                    false, false, SPAN_RULE));
        }
        return found;
    }

    /**
     * Noun phrases the tagger finds after a count, whatever the noun ("2,300 lakes", "40 hives of wild bees"):
     * the phrase itself, then each longer reading that ends where a phrase ends (a noun, number or adjective
     * followed by no other), up to a clause break. The ranker chooses among them; the rules never answer with one.
     */
    private void countedPhrases(Sentence s, boolean earlierWork, boolean hedgedSentence,
            List<PopulationCandidate> found) {
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token count = tokens.get(i);
            if (!COUNT_TOKEN.matcher(count.text()).matches() || YEAR.matcher(count.text()).matches()
                    || i > 0 && tokens.get(i - 1).text().matches("[$\u00A3\u20AC#.,]")) {
                continue;
            }
            int head = i + 1;
            if (head < tokens.size() && LARGE_NUMBER.matcher(tokens.get(head).text()).matches()) {
                head++;
            }
            if (head >= tokens.size() || !startsPhrase(tokens, head)) {
                continue;
            }
            String first = tokens.get(head).text().toLowerCase(Locale.ROOT);
            boolean notTheGroup = NOT_A_COUNT.contains(first) || TIME_UNIT.matcher(first).matches();
            String before = s.folded().substring(0, count.start() - s.start());
            boolean ratio = RATIO_BEFORE.matcher(before).find();
            int from = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
            boolean estimate = ESTIMATE.matcher(s.folded().substring(Math.max(0, from),
                    Math.min(s.folded().length(), count.end() - s.start() + 30))).find();
            int readings = 0;
            for (int k = head; k < tokens.size() && k - i <= PHRASE_TOKENS && readings < PHRASE_READINGS; k++) {
                Token t = tokens.get(k);
                if (CLAUSE_BREAK.matcher(t.text()).matches()) {
                    break;
                }
                boolean last = k + 1 == tokens.size() || !continuesPhrase(tokens.get(k + 1));
                if (last && endsPhrase(t)) {
                    String value = s.text().substring(count.start() - s.start(), t.end() - s.start());
                    found.add(new PopulationCandidate(value, PopulationKind.COUNTED_PHRASE, s.index(), false,
                            earlierWork, hedgedSentence, estimate, ratio, notTheGroup, "phrase" + readings));
                    readings++;
                }
            }
        }
    }

    /** A noun or adjective, or a word the tagger took for a verb right before a noun ("reed stems"). */
    private static boolean startsPhrase(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return t.isNoun() || t.isAdjective()
                || "VERB".equals(t.tag()) && i + 1 < tokens.size() && tokens.get(i + 1).isNoun();
    }

    private static boolean continuesPhrase(Token t) {
        return t.isNoun() || t.isAdjective() || "NUM".equals(t.tag()) || "PART".equals(t.tag())
                || t.text().startsWith("-");
    }

    private static boolean endsPhrase(Token t) {
        return t.isNoun() || t.isAdjective() || "NUM".equals(t.tag());
    }

    /**
     * Other readings of a counted group than the rules': the group alone, up to the end of its clause, and up to
     * the end of the sentence; each only where it differs from the others.
     */
    private java.util.Map<String, String> countedVariants(Sentence s, Matcher m, String rule) {
        java.util.Map<String, String> variants = new java.util.LinkedHashMap<>();
        String text = s.text();
        String bare = trimQualifier(text.substring(m.start(), m.end()));
        String rest = text.substring(m.start());
        Matcher clauseEnd = CLAUSE_END.matcher(rest);
        String clause = (clauseEnd.find() ? rest.substring(0, clauseEnd.start()) : rest)
                .replaceAll("[\\s.!?\"']+$", "");
        String sentence = rest.replaceAll("[\\s.!?\"']+$", "");
        for (String[] v : new String[][] {{"bare", bare}, {"clause", clause}, {"sentence", sentence}}) {
            if (!v[1].equals(rule) && !v[1].isBlank() && !variants.containsValue(v[1])) {
                variants.put(v[0], v[1]);
            }
        }
        return variants;
    }

    /** A counted group as stated, with its comparison group or where it was studied when the sentence says so. */
    private String countedPopulation(Sentence s, Matcher m) {
        String population = trimQualifier(s.text().substring(m.start(), m.end()));
        Matcher second = secondGroup.matcher(s.folded().substring(m.start() + population.length()));
        // Only a case group named by its condition is read with its comparison group ("N patients with X
        // and M healthy volunteers"); "N drivers and M people who …" keeps the studied group.
        if (population.contains(" with ") && second.lookingAt()) {
            return population + s.text().substring(m.start() + population.length(),
                    m.start() + population.length() + second.end());
        }
        // "1,487 adults in Brazil", "2,571 patients at 30 centres in eight countries": where they were.
        Matcher where = whereStudied.matcher(s.text().substring(m.start() + population.length()));
        return population.contains(" with ") || !where.lookingAt() ? population
                : population + where.group().replaceAll("[\\s,]+$", "").replaceAll("(?<=\\p{Ll}{2})\\.$", "");
    }

    /**
     * Whether the count is of the group itself ("60 adult zebrafish"), not of a span of time or of something else
     * that precedes it ("two weeks in normal mice").
     */
    private boolean countsTheGroup(Matcher m) {
        String between = m.group().substring(m.end("n") - m.start(), m.start("noun") - m.start());
        for (String word : between.strip().split("\\s+")) {
            String bare = word.toLowerCase(Locale.ROOT);
            if (bare.equals("with") || bare.equals("and") || bare.equals("or")) {
                return true;
            }
            if (cues.qualifierStops.contains(bare) || TIME_UNIT.matcher(bare).matches() || NOT_A_COUNT.contains(bare)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the clause around a count estimates a prevalence ("a disease that kills 300,000 women worldwide"). */
    private static boolean isEstimate(String sentence, Matcher count) {
        int from = Math.max(sentence.lastIndexOf(',', count.start()), sentence.lastIndexOf(';', count.start()));
        String clause = sentence.substring(Math.max(0, from), Math.min(sentence.length(), count.end() + 30));
        return ESTIMATE.matcher(clause).find();
    }

    /** An article that keeps naming one kind of animal without saying "in …" is about that animal. */
    private String animalNamedRepeatedly(List<Sentence> sentences, boolean[] eligible) {
        for (Pattern word : animalWords) {
            String seen = null;
            int count = 0;
            for (Sentence s : sentences) {
                Matcher m = word.matcher(s.folded());
                if (eligible[s.index()] && m.find()) {
                    seen = seen == null ? s.text().substring(m.start(), m.end()) : seen;
                    count++;
                }
            }
            if (count >= MIN_ANIMAL_MENTIONS) {
                return seen.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean readable(Sentence s, List<SentenceRole> roles) {
        SentenceRole role = roles.get(s.index());
        return role == SentenceRole.BODY || role == SentenceRole.TITLE;
    }

    /** A sentence about earlier studies names their population, not this study's. */
    private boolean aboutEarlierWork(Sentence s, Integer articleYear) {
        return cues.priorWork.in(s.folded()) || cues.findsPattern("priorWork", s.folded())
                || cues.citesEarlierYear(s.folded(), articleYear) && STUDY_WORD.matcher(s.folded()).find();
    }

    /** Cuts "… adults with depression who were …" after the condition, at the first clause word. */
    private String trimQualifier(String population) {
        String[] words = population.strip().split("\\s+");
        StringBuilder kept = new StringBuilder();
        boolean afterWith = false;
        int wordsAfterWith = 0;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String bare = word.replaceAll("[^\\p{L}\\p{N},'\\-]", "").toLowerCase(Locale.ROOT);
            // "with overweight or obesity": a second condition joined by "or"/"and" stays.
            boolean joinsCondition = (bare.equals("or") || bare.equals("and")) && i + 1 < words.length && WORD.matcher(words[i + 1]).matches()
                    && !cues.qualifierStops.contains(words[i + 1]) && !words[i + 1].endsWith("ly")
                    && !NOT_A_CONDITION.contains(words[i + 1]);
            // "with moderate to severe depression": a range of severity is one condition.
            joinsCondition |= bare.equals("to") && i > 0 && i + 1 < words.length
                    && SEVERITY_FROM.matcher(words[i - 1]).matches() && SEVERITY_TO.matcher(words[i + 1]).matches();
            boolean stop = (cues.qualifierStops.contains(bare) && !joinsCondition)
                    || wordsAfterWith >= 1 && cues.conditionStops.contains(bare);
            if (afterWith && (stop || wordsAfterWith >= 4)) {
                break;
            }
            if (kept.length() > 0) {
                kept.append(' ');
            }
            kept.append(word);
            if (afterWith) {
                wordsAfterWith++;
            }
            if (bare.equals("with")) {
                afterWith = true;
            }
        }
        String result = kept.toString().replaceAll("[\\s,.;:]+$", "").replaceAll("\\s+(?:and|or)$", "");
        return result.endsWith(" with") ? result.substring(0, result.length() - 5) : result;
    }

    private static String stripDeterminer(String phrase) {
        return phrase.replaceFirst("^(?i)(?:the|these|those|some|all|both|our)\\s+", "");
    }
}
