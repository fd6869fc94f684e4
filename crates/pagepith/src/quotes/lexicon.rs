//! Word lists the quotation rules read, English: reporting verbs and phrases, nouns that name
//! speakers, office titles, and the words that put a name or title (not speech) in quotes.
//! Lists, not rules: each list says what its words are for; a word is added for what it is, not
//! for a page it fixes. Everything is lower case except where said.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How a reporting verb finds its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueForm {
    /// A verb with a subject of its own: said, says, told, added, described.
    Finite,
    /// A participle that borrows the subject of the clause it hangs from: saying, adding,
    /// reiterating (and `to` + the base form: "went on to say").
    Participle,
}

/// Reporting verbs, every form: the base and third person (for plural and present-tense
/// subjects: "officials say"), the past, the participle. The list (said, told, added,
/// continued, described … as, reiterated, responded … by saying) plus the verbs news copy uses
/// the same way: a speaker, the verb, the words.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "continue continues continued continuing",
    "reiterate reiterates reiterated reiterating",
    "respond responds responded responding",
    "reply replies replied replying",
    "answer answers answered answering",
    "retort retorts retorted retorting",
    "counter counters countered countering",
    "describe describes described describing",
    "explain explains explained explaining",
    "note notes noted noting",
    "insist insists insisted insisting",
    "argue argues argued arguing",
    "claim claims claimed claiming",
    "state states stated stating",
    "declare declares declared declaring",
    "announce announces announced announcing",
    "warn warns warned warning",
    "caution cautions cautioned cautioning",
    "write writes wrote writing",
    "tweet tweets tweeted tweeting",
    "post posts posted posting",
    "ask asks asked asking",
    "wonder wonders wondered wondering",
    "recall recalls recalled recalling",
    "recount recounts recounted recounting",
    "admit admits admitted admitting",
    "acknowledge acknowledges acknowledged acknowledging",
    "concede concedes conceded conceding",
    "suggest suggests suggested suggesting",
    "comment comments commented commenting",
    "remark remarks remarked remarking",
    "observe observes observed observing",
    "conclude concludes concluded concluding",
    "confirm confirms confirmed confirming",
    "complain complains complained complaining",
    "predict predicts predicted predicting",
    "promise promises promised promising",
    "vow vows vowed vowing",
    "pledge pledges pledged pledging",
    "urge urges urged urging",
    "plead pleads pleaded pleading",
    "call calls called calling",
    "quip quips quipped quipping",
    "joke jokes joked joking",
    "shout shouts shouted shouting",
    "yell yells yelled yelling",
    "chant chants chanted chanting",
    "cry cries cried crying",
    "exclaim exclaims exclaimed exclaiming",
    "mutter mutters muttered muttering",
    "whisper whispers whispered whispering",
    "testify testifies testified testifying",
    "emphasize emphasizes emphasized emphasizing",
    "emphasise emphasises emphasised emphasising",
    "stress stresses stressed stressing",
    "boast boasts boasted boasting",
    "contend contends contended contending",
    "assert asserts asserted asserting",
    "maintain maintains maintained maintaining",
    "report reports reported reporting",
    "quote quotes quoted quoting",
    "point points pointed pointing",
    "remind reminds reminded reminding",
    "hail hails hailed hailing",
    "label labels labelled labeled labelling labeling",
    "brand brands branded branding",
    "dismiss dismisses dismissed dismissing",
    "denounce denounces denounced denouncing",
    "condemn condemns condemned condemning",
    "criticize criticizes criticized criticizing",
    "criticise criticises criticised criticising",
    "praise praises praised praising",
    "characterize characterizes characterized characterizing",
    "characterise characterises characterised characterising",
    "term terms termed terming",
    "deny denies denied denying",
];

/// Verbs that are also common nouns ("the Jewish state", "a comment", "the reports"): only
/// their past and participle are cues, since their base and `-s` forms are nouns far more
/// often than verbs of saying.
#[rustfmt::skip]
const NOUN_HOMOGRAPHS: &[&str] = &[
    "state", "note", "claim", "comment", "report", "post", "tweet", "call", "answer", "reply",
    "counter", "quote", "term", "label", "brand", "promise", "pledge", "joke", "cry", "shout",
    "remark", "stress", "point", "praise", "hail", "vow", "chant", "whisper", "mutter", "boast",
    "quip", "caution", "retort", "yell",
];

/// Verbs that take their quotation after `as`: "described the plan as “…”". The cue is
/// reported as "described … as".
pub const AS_VERBS: &[&str] = &[
    "describe",
    "hail",
    "label",
    "brand",
    "dismiss",
    "denounce",
    "condemn",
    "criticize",
    "criticise",
    "praise",
    "characterize",
    "characterise",
];

/// Verbs whose quotation follows `by saying`: "responded … by saying, “…”".
pub const BY_SAYING_VERBS: &[&str] = &["respond", "reply", "answer", "react", "counter"];

/// The base form of every reporting-verb form, with the way it finds its subject.
pub fn cue(word: &str) -> Option<(&'static str, CueForm)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, CueForm)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for row in VERBS {
            let mut forms = row.split(' ');
            let lemma = forms.next().expect("a row starts with its lemma");
            for form in std::iter::once(lemma).chain(forms) {
                let noun_form =
                    form == lemma || form == format!("{lemma}s") || form == format!("{lemma}es");
                if NOUN_HOMOGRAPHS.contains(&lemma) && noun_form {
                    continue;
                }
                let how = if form.ends_with("ing") {
                    CueForm::Participle
                } else {
                    CueForm::Finite
                };
                t.insert(form, (lemma, how));
            }
        }
        t
    });
    table.get(word).copied()
}

/// Phrases that mark what follows as someone's words without a verb of saying: "In a
/// statement, Acme “rejected the claims”". Matched word for word, lower case.
pub const PHRASES: &[&[&str]] = &[
    &["in", "a", "statement"],
    &["in", "an", "interview"],
    &["in", "a", "speech"],
    &["in", "a", "letter"],
    &["in", "a", "post"],
    &["in", "a", "tweet"],
    &["in", "an", "email"],
    &["in", "a", "message"],
    &["in", "remarks"],
    &["in", "testimony"],
    &["in", "a", "video"],
];

/// Nouns for people who speak in the news, singular. Plurals are these plus `s`, or listed in
/// [`IRREGULAR_PLURALS`].
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "official", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "secretary",
    "chancellor", "governor", "mayor", "senator", "lawmaker", "legislator", "congressman",
    "congresswoman", "representative", "judge", "prosecutor", "lawyer", "attorney", "counsel",
    "officer", "chief", "director", "executive", "manager", "chairman", "chairwoman", "chair",
    "chairperson", "founder", "owner", "ceo", "commissioner", "ambassador", "diplomat", "envoy",
    "negotiator", "general", "commander", "colonel", "captain", "lieutenant", "sergeant",
    "soldier", "coach", "player", "striker", "goalkeeper", "analyst", "economist", "scientist",
    "researcher", "professor", "academic", "author", "expert", "doctor", "physician", "surgeon",
    "nurse", "teacher", "headteacher", "principal", "student", "pupil", "parent", "resident",
    "neighbor", "neighbour", "witness", "victim", "survivor", "farmer", "worker", "employee",
    "staffer", "aide", "adviser", "advisor", "source", "candidate", "leader", "premier", "king",
    "queen", "prince", "princess", "pope", "bishop", "priest", "imam", "rabbi", "pastor",
    "activist", "campaigner", "protester", "organizer", "organiser", "volunteer", "inspector",
    "detective", "sheriff", "chef", "engineer", "strategist", "historian", "pilot", "driver",
    "shopkeeper", "landlord", "tenant", "fisherman", "mother", "father", "son", "daughter", "wife",
    "husband", "sister", "brother", "friend", "relative", "colleague", "boss", "banker", "trader",
    "investor", "regulator", "critic", "supporter", "opponent", "member", "voter", "fan", "deputy",
    "head", "chairman", "superintendent", "paramedic", "firefighter", "ranger", "curator",
    "architect", "developer", "official", "diplomat", "observer", "monitor", "mp", "mep", "woman",
    "man", "person", "councillor", "councilor", "councilman", "councilwoman", "businessman",
    "businesswoman", "entrepreneur", "educator", "clerk", "administrator", "commentator",
    "journalist", "reporter", "editor", "photographer", "artist", "singer", "musician", "actor",
    "actress", "director", "producer", "writer", "poet", "novelist",
];

/// Nouns for bodies that issue statements: "the company said". Not people, so not what "he"
/// or "she" points back to.
#[rustfmt::skip]
const GROUP_NOUNS: &[&str] = &[
    "company", "firm", "ministry", "department", "government", "council", "agency", "authority",
    "authorities", "police", "army", "military", "court", "committee", "union", "party",
    "campaign", "group", "organisation", "organization", "bank", "school", "university",
    "hospital", "club", "team", "airline", "newspaper", "network", "administration", "office",
    "embassy", "commission", "board", "regulator", "spokesperson", "family", "charity", "operator",
    "insurer", "manufacturer", "retailer", "carrier", "broadcaster", "publisher", "studio",
    "label", "league", "federation", "association", "institute", "foundation", "trust", "service",
    "navy", "coalition", "cabinet", "kremlin", "pentagon", "parliament", "congress", "senate",
    "opposition", "prosecution", "defence", "defense", "plaintiffs", "residents", "staff",
];

/// Plurals that are not the singular plus `s`.
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("spokesmen", "spokesman"),
    ("spokeswomen", "spokeswoman"),
    ("spokespeople", "spokesperson"),
    ("chairmen", "chairman"),
    ("chairwomen", "chairwoman"),
    ("congressmen", "congressman"),
    ("congresswomen", "congresswoman"),
    ("fishermen", "fisherman"),
    ("businessmen", "businessman"),
    ("businesswomen", "businesswoman"),
    ("councilmen", "councilman"),
    ("women", "woman"),
    ("men", "man"),
    ("people", "person"),
    ("police", "police"),
    ("authorities", "authority"),
    ("staff", "staff"),
    ("families", "family"),
    ("companies", "company"),
    ("ministries", "ministry"),
    ("agencies", "agency"),
    ("parties", "party"),
    ("attorneys", "attorney"),
    ("wives", "wife"),
    ("chiefs", "chief"),
];

/// What a speaker noun names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerNoun {
    /// The singular, lower case.
    pub singular: &'static str,
    pub plural: bool,
    /// A person (an official), not a body (a ministry).
    pub person: bool,
}

/// Whether a lower-case word names a speaker (a person or a body), and how.
pub fn speaker_noun(word: &str) -> Option<SpeakerNoun> {
    static TABLE: OnceLock<HashMap<&'static str, SpeakerNoun>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for (list, person) in [(PERSON_NOUNS, true), (GROUP_NOUNS, false)] {
            for &w in list {
                // A word in both lists is a person.
                let plural = matches!(w, "authorities" | "residents" | "staff" | "plaintiffs");
                let noun = SpeakerNoun {
                    singular: w,
                    plural,
                    person,
                };
                t.entry(w).or_insert(noun);
            }
        }
        let singulars: Vec<(&'static str, bool)> = t
            .values()
            .filter(|n| !n.plural)
            .map(|n| (n.singular, n.person))
            .collect();
        for (s, person) in singulars {
            let plural: &'static str = Box::leak(format!("{s}s").into_boxed_str());
            t.entry(plural).or_insert(SpeakerNoun {
                singular: s,
                plural: true,
                person,
            });
        }
        for &(p, s) in IRREGULAR_PLURALS {
            let person = t.get(s).is_some_and(|n| n.person);
            t.insert(
                p,
                SpeakerNoun {
                    singular: s,
                    plural: p != s || matches!(p, "police" | "staff"),
                    person,
                },
            );
        }
        t
    });
    table.get(word).copied()
}

/// Grammatical gender a word gives its bearer, when it gives one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// The gender a title or noun says (`Mr`, `spokeswoman`), lower case, without a final dot.
pub fn gender_of(word: &str) -> Gender {
    match word.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman" | "congressman"
        | "businessman" | "councilman" | "father" | "son" | "husband" | "brother" | "man"
        | "fisherman" | "actor" => Gender::Male,
        "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess"
        | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "councilwoman"
        | "mother" | "daughter" | "wife" | "sister" | "woman" | "actress" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Capitalized words that title a name rather than belong to it ("Foreign Minister Sergei
/// Lavrov", "Mr. Lavrov"), lower case without a final dot. The words of offices ("Foreign",
/// "State", "Prime") are here because they come in front of a name only as part of a title.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam",
    "president", "vice", "prime", "minister", "foreign", "secretary", "state", "general", "gen",
    "chancellor", "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "judge",
    "justice", "col", "colonel", "capt", "captain", "lt", "lieutenant", "sgt", "sergeant", "major",
    "admiral", "chief", "director", "executive", "officer", "ceo", "cfo", "coo", "chairman",
    "chairwoman", "chair", "commissioner", "ambassador", "attorney", "deputy", "spokesman",
    "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "pope", "bishop",
    "archbishop", "cardinal", "rabbi", "imam", "father", "reverend", "rev", "sheriff", "detective",
    "inspector", "coach", "manager", "defence", "defense", "finance", "interior", "health",
    "education", "economy", "trade", "energy", "environment", "transport", "labor", "labour",
    "home", "affairs", "agriculture", "premier", "speaker", "leader", "senior", "former", "acting",
    "interim", "supreme", "opposition", "first", "lady", "emir", "sheikh", "sultan", "crown",
    "superintendent", "councillor", "councilor", "congressman", "congresswoman", "mp", "mep",
    "dean", "provost", "chef", "founder", "head", "cabinet", "treasury", "economic", "development",
    "culture", "sports", "justice", "security", "national", "commerce", "industry", "science",
];

/// Whether a capitalized word (given lower case, final dot dropped) is a title.
pub fn is_title(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| TITLES.iter().copied().collect())
        .contains(word.trim_end_matches('.'))
}

/// Capitalized words that begin sentences or name times, never part of a person's name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "if", "when", "while", "after",
    "before", "as", "since", "under", "over", "these", "this", "that", "those", "it", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "our", "my", "its", "there", "here", "then",
    "now", "yet", "so", "also", "however", "meanwhile", "still", "last", "next", "according",
    "asked", "with", "without", "by", "from", "to", "of", "during", "despite", "although",
    "though", "because", "until", "both", "each", "every", "some", "many", "most", "no", "not",
    "all", "one", "two", "three", "what", "why", "how", "who", "where", "which", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "christmas", "easter", "covid", "internet", "web", "day", "week", "year", "month", "world",
    "global", "international", "national", "federal", "royal", "european", "american", "africa",
    "asia", "europe", "america", "company's", "new", "north", "south", "east", "west", "united",
    "saint", "st", "san", "los", "las", "fort", "port",
];

/// Capitalized words that name places and bodies ("Hyde Park", "the Interior Ministry"),
/// though some are also surnames ("Lucy Park", "Tom Hall"): inside a name only after a given
/// name, and only where a title or a verb of saying says a person is meant.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "department", "ministry", "university", "street", "road", "avenue", "square", "council",
    "party", "company", "inc", "corp", "ltd", "llc", "group", "bank", "house", "court", "agency",
    "union", "republic", "states", "kingdom", "airport", "river", "lake", "mount", "island",
    "islands", "city", "county", "province", "park", "hospital", "school", "college", "church",
    "center", "centre", "museum", "times", "news", "post", "association", "institute",
    "foundation", "committee", "commission", "office", "service", "force", "army", "navy",
    "police", "league", "club", "fc", "festival", "award", "prize", "cup", "gulf", "sea", "ocean",
    "bay", "valley", "heights", "hills", "hill", "station", "hall", "tower", "bridge", "market",
    "exchange", "reserve", "fund", "board", "authority", "assembly", "parliament", "congress",
    "senate", "government", "administration", "corporation", "media", "press", "radio",
    "television", "tv", "magazine", "journal", "review", "gazette", "herald", "tribune", "ledger",
    "daily", "weekly", "online", "network", "channel", "studios", "records", "pictures", "motors",
    "airlines", "airways", "systems", "technologies", "holdings", "partners", "capital", "energy",
    "oil", "gas", "foods", "industries", "insurance", "railways", "rail", "logistics", "electric",
    "software", "labs", "entertainment", "pharmaceuticals", "trust", "brewery", "farms", "mining",
    "steel", "shipping", "telecom", "communications", "hotels", "resorts",
];

/// Whether a capitalized word (given lower case) can be part of a person's name at all.
pub fn can_name(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    !SET.get_or_init(|| NOT_NAMES.iter().copied().collect())
        .contains(word.trim_end_matches('.'))
}

/// Whether a capitalized word (given lower case) names places or bodies: see [`PLACE_WORDS`].
pub fn is_place_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PLACE_WORDS.iter().copied().collect())
        .contains(word.trim_end_matches('.'))
}

/// The nouns a body's name may later be called by, from the word that ends the name: "Lumen
/// Motors" is "the company", "the Interior Ministry" "the ministry". `None`: not a body's name.
pub fn body_nouns(last_word: &str) -> Option<&'static [&'static str]> {
    Some(match last_word.trim_end_matches('.') {
        "inc" | "corp" | "ltd" | "llc" | "co" | "plc" | "group" | "holdings" | "motors"
        | "airlines" | "airways" | "systems" | "technologies" | "partners" | "capital"
        | "energy" | "foods" | "industries" | "insurance" | "logistics" | "electric"
        | "software" | "labs" | "entertainment" | "pharmaceuticals" | "mining" | "steel"
        | "shipping" | "telecom" | "communications" | "hotels" | "resorts" | "brewery"
        | "farms" | "media" | "corporation" | "company" | "studios" | "records" => {
            &["company", "firm", "group"]
        }
        "bank" => &["bank", "lender"],
        "ministry" => &["ministry"],
        "department" => &["department"],
        "university" | "college" => &["university", "college"],
        "council" => &["council"],
        "police" => &["police"],
        "hospital" => &["hospital"],
        "school" => &["school"],
        "agency" => &["agency"],
        "commission" => &["commission"],
        "committee" => &["committee"],
        "union" => &["union"],
        "party" => &["party"],
        "club" | "fc" => &["club"],
        "association" => &["association"],
        "institute" => &["institute"],
        "foundation" | "trust" => &["foundation", "trust", "charity"],
        "railways" | "rail" => &["company", "operator"],
        "times" | "news" | "post" | "gazette" | "herald" | "tribune" | "ledger" | "journal" => {
            &["newspaper", "paper"]
        }
        _ => return None,
    })
}

/// Lower-case words inside names: "Ursula von der Leyen", "Ludwig van Beethoven".
#[rustfmt::skip]
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "den" | "du" | "da" | "di" | "del" | "della" | "la" | "le"
            | "bin" | "bint" | "ibn" | "al" | "el" | "dos" | "das" | "ter" | "ten" | "y"
    )
}

/// Words that begin a noun phrase, lower case: whether the phrase introduces someone new
/// (`a`, `one`) or points back (`the`).
pub fn determiner(word: &str) -> Option<bool> {
    match word {
        "a" | "an" | "one" | "another" | "two" | "three" | "four" | "five" | "several" | "some"
        | "many" | "most" | "other" | "few" | "dozens" | "hundreds" => Some(true),
        "the" | "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our"
        | "my" | "your" => Some(false),
        _ => None,
    }
}

/// Words a speaker's noun phrase may carry after its head, before the rest of it: "a
/// spokeswoman for the ministry", "the head of the union", "Jane Ortiz of the Kelmouth Trust".
pub fn is_np_preposition(word: &str) -> bool {
    matches!(word, "of" | "for" | "at" | "from" | "with" | "in")
}

/// Subject pronouns.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "it" => Some(Pronoun::It),
        "i" | "we" => Some(Pronoun::FirstPerson),
        _ => None,
    }
}

/// A subject pronoun, by what it can point back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    /// "I", "we": the writer or a group the quotation does not name.
    FirstPerson,
}

/// Words between a subject and its verb that belong to neither: "Lavrov has also said",
/// "she later added". Besides these, any `-ly` word (see [`is_adverb`]).
#[rustfmt::skip]
pub fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "has" | "have" | "had" | "was" | "is" | "were" | "are" | "would" | "will" | "did" | "does"
            | "do" | "also" | "later" | "then" | "again" | "once" | "further" | "not" | "never"
            | "often" | "still" | "even" | "just" | "previously" | "earlier" | "since" | "soon"
            | "afterwards" | "afterward" | "too" | "could" | "may" | "might" | "can" | "should"
            | "been" | "be" | "being" | "went" | "on" | "go" | "goes"
    )
}

/// `-ly` adverbs ("bluntly said"), telling them from `-ly` nouns ("the family said").
pub fn is_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && !matches!(
            word,
            "family"
                | "ally"
                | "rally"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "belly"
                | "bully"
                | "jelly"
                | "tally"
                | "folly"
                | "italy"
                | "july"
                | "emily"
                | "holly"
                | "molly"
                | "kelly"
                | "sally"
                | "polly"
                | "reilly"
                | "daily"
                | "weekly"
                | "elderly"
                | "friendly"
                | "homily"
        )
}

/// Words that open a clause: a speaker's noun phrase never runs back past them.
#[rustfmt::skip]
pub fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "that" | "and" | "but" | "or" | "while" | "because" | "although" | "though" | "when"
            | "whereas" | "after" | "before" | "since" | "as" | "if" | "so" | "which" | "who"
            | "whom" | "where" | "then" | "than" | "until" | "unless" | "whether" | "nor" | "yet"
            | "whose" | "what" | "how" | "why"
    )
}

/// Words that put a name in quotation marks: "the song “Yellow”", "a campaign called “Fair
/// Fares”", "the so-called “reform”". A quotation right after one of them (a comma between
/// allowed) is a title, a name or a word being talked about, not someone's words.
#[rustfmt::skip]
pub fn names_what_follows(word: &str) -> bool {
    matches!(
        word,
        "song" | "single" | "track" | "album" | "record" | "hit" | "anthem" | "ballad" | "film"
            | "movie" | "documentary" | "series" | "show" | "sitcom" | "drama" | "episode" | "book"
            | "novel" | "memoir" | "biography" | "poem" | "play" | "musical" | "opera" | "painting"
            | "sculpture" | "exhibition" | "exhibit" | "podcast" | "column" | "essay" | "article"
            | "headline" | "magazine" | "blog" | "game" | "app" | "brand" | "slogan" | "motto"
            | "hashtag" | "campaign" | "operation" | "programme" | "program" | "project"
            | "initiative" | "titled" | "entitled" | "called" | "named" | "dubbed" | "nicknamed"
            | "so-called" | "word" | "words" | "term" | "phrase" | "expression" | "label" | "sign"
            | "banner" | "placard" | "shirt" | "t-shirt" | "sticker" | "tagline" | "catchphrase"
            | "chorus" | "lyric" | "lyrics" | "title" | "nickname" | "codename" | "code-name"
            | "manifesto" | "report" | "study" | "paper" | "bill" | "act" | "law" | "dish" | "menu"
            | "cocktail" | "ship" | "yacht" | "vessel" | "horse" | "band" | "duo" | "trio"
            | "choir" | "restaurant" | "bar" | "cafe" | "café" | "shop" | "store"
    )
}

/// Small words a title leaves in lower case ("Gone with the Wind").
#[rustfmt::skip]
pub fn is_minor_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "and" | "but" | "or" | "nor" | "of" | "in" | "on" | "at" | "to"
            | "for" | "with" | "by" | "from" | "as" | "into" | "up" | "off" | "over" | "is"
    )
}

/// Abbreviations whose final dot is part of the word, not a sentence's end.
#[rustfmt::skip]
pub fn is_abbreviation(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "dr" | "prof" | "sen" | "rep" | "gov" | "gen" | "col" | "capt" | "lt"
            | "sgt" | "st" | "jr" | "sr" | "inc" | "corp" | "co" | "ltd" | "no" | "vs" | "etc"
            | "rev" | "hon" | "mt" | "ft" | "jan" | "feb" | "mar" | "apr" | "aug" | "sep" | "sept"
            | "oct" | "nov" | "dec" | "messrs" | "adm" | "maj" | "supt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the verb table: every form maps to its lemma, participles borrow a subject.
    #[test]
    fn verb_forms_know_their_lemma_and_form() {
        assert_eq!(cue("said"), Some(("say", CueForm::Finite)));
        assert_eq!(cue("reiterating"), Some(("reiterate", CueForm::Participle)));
        assert_eq!(cue("wrote"), Some(("write", CueForm::Finite)));
        assert_eq!(cue("table"), None);
    }

    /// Guards speaker nouns: plurals (regular and not) and persons told from bodies.
    #[test]
    fn speaker_nouns_have_plurals() {
        let officials = speaker_noun("officials").unwrap();
        assert!(officials.plural && officials.person);
        assert_eq!(officials.singular, "official");
        assert!(!speaker_noun("spokeswomen").unwrap().singular.is_empty());
        assert!(!speaker_noun("ministry").unwrap().person);
        assert!(speaker_noun("police").unwrap().plural);
    }
}
