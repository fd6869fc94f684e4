//! Noun phrases that can name a speaker, read from the tokens of a paragraph: a pronoun
//! ("she"), a name with any title in front ("Russian Foreign Minister Sergei Lavrov"), or a
//! noun for a person or body ("one official", "a spokeswoman for the ministry", "the company").
//!
//! No tagger: the shape decides. A name is a run of capitalized words that are not titles and
//! not words that start sentences or name places and bodies; a speaker noun is a word of the
//! lexicon with at most a determiner, a possessor and four modifiers in front of it.

use std::ops::Range;

use super::lexicon::{self, Gender, Pronoun, SpeakerNoun};
use super::tokens::Frame;

/// Longest speaker phrase read, in tokens: "the company's former chief financial officer for
/// European markets" is ten.
const MAX_PHRASE: usize = 12;
/// Modifiers in front of a speaker noun: "a senior State Department official".
const MAX_MODIFIERS: usize = 4;
/// Words after the head that still belong to the phrase: "for the Interior Ministry".
const MAX_COMPLEMENT: usize = 7;

/// What a speaker phrase is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    Pronoun(Pronoun),
    /// A person's (or a body's) name: the tokens of the name itself, titles left out.
    Name(Range<usize>),
    /// A noun for a speaker, and whether the phrase introduces it (`a`, `one`, a bare plural)
    /// rather than pointing back (`the`).
    Noun {
        noun: SpeakerNoun,
        indefinite: bool,
    },
}

/// A speaker phrase found in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub kind: PhraseKind,
    /// Tokens of the whole phrase.
    pub range: Range<usize>,
    /// The token that stands for the phrase: the last word of a name, the noun, the pronoun.
    pub head: usize,
    /// Title, office and modifier words, lower case: what a later "the minister" is matched
    /// against.
    pub roles: Vec<String>,
    pub gender: Gender,
    /// A body's name ("Lumen Motors", "the Interior Ministry"), not a person's.
    pub body: bool,
}

impl Phrase {
    /// The name as written, without a possessive ending.
    pub fn name<'a>(&self, f: &Frame<'a>) -> Option<&'a str> {
        match &self.kind {
            PhraseKind::Name(r) => Some(strip_possessive(f.slice(r.start, r.end))),
            _ => None,
        }
    }

    /// The whole phrase as written.
    pub fn text<'a>(&self, f: &Frame<'a>) -> &'a str {
        strip_possessive(f.slice(self.range.start, self.range.end))
    }
}

/// `Smith’s` → `Smith`; `the Smiths’` → `the Smiths`.
pub fn strip_possessive(s: &str) -> &str {
    for end in ["’s", "'s", "’", "'"] {
        if let Some(stem) = s.strip_suffix(end) {
            return stem;
        }
    }
    s
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}

/// Whether a word could be part of a name: capitalized letters (hyphen, apostrophe, the dot of
/// an initial), not a title, not a word that starts sentences or names a time.
fn name_word(f: &Frame, i: usize) -> bool {
    let w = f.text_of(i);
    f.capitalized(i)
        && w.chars().all(|c| c.is_alphabetic() || "-’'.".contains(c))
        && lexicon::can_name(strip_possessive(f.lower(i)))
        && !lexicon::is_title(f.lower(i))
}

/// Where a phrase is read: in a speaker's slot (the subject of a verb of saying), where a
/// capitalized run is a speaker's name unless it cannot be one, or in running text, where it
/// must look like a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Speaker,
    Text,
}

/// The speaker phrase made of exactly the tokens `a..b`, read in a speaker's slot.
pub fn parse(f: &Frame, a: usize, b: usize) -> Option<Phrase> {
    parse_in(f, a, b, Slot::Speaker)
}

/// The speaker phrase made of exactly the tokens `a..b`, if they make one.
pub fn parse_in(f: &Frame, a: usize, b: usize, slot: Slot) -> Option<Phrase> {
    if b <= a || b - a > MAX_PHRASE || b > f.len() {
        return None;
    }
    if (a..b).any(|i| !f.tokens[i].is_word()) {
        return None;
    }
    if b - a == 1 {
        if let Some(p) = lexicon::pronoun(f.lower(a)) {
            return Some(Phrase {
                kind: PhraseKind::Pronoun(p),
                range: a..b,
                head: a,
                roles: Vec::new(),
                gender: match p {
                    Pronoun::He => Gender::Male,
                    Pronoun::She => Gender::Female,
                    _ => Gender::Unknown,
                },
                body: false,
            });
        }
    }
    // "a spokeswoman for the ministry", "Jane Ortiz of the Kelmouth Trust": the phrase is its
    // part before the preposition; the rest describes it. "of" between capitals is part of a
    // name or title ("Secretary of State"), unless a plural noun precedes it ("Residents of
    // Harlow Street").
    for j in a + 1..b.saturating_sub(1) {
        let w = f.lower(j);
        let plural_before = lexicon::speaker_noun(f.lower(j - 1)).is_some_and(|n| n.plural);
        if lexicon::is_np_preposition(w) && (!inside_name(f, j) || plural_before) {
            if b - j > MAX_COMPLEMENT || !complement(f, j + 1, b) {
                return None;
            }
            let mut p = core(f, a, j, slot)?;
            p.range = a..b;
            return Some(p);
        }
    }
    core(f, a, b, slot)
}

/// Whether token `j` is an "of" between capitals: part of a name or title ("Secretary of
/// State", "the University of Leeds").
fn inside_name(f: &Frame, j: usize) -> bool {
    f.lower(j) == "of" && j > 0 && j + 1 < f.len() && f.capitalized(j - 1) && f.capitalized(j + 1)
}

/// Whether `a..b` can follow a speaker's preposition: a plain noun phrase, no second
/// determiner in its middle, no pronoun.
fn complement(f: &Frame, a: usize, b: usize) -> bool {
    // It ends in a noun, not a verb: "of the missing climber", not "… climber thanked".
    let last = f.lower(b - 1);
    if !f.capitalized(b - 1) && (last.ends_with("ed") || last.ends_with("ing")) {
        return false;
    }
    (a..b).enumerate().all(|(k, i)| {
        let w = f.lower(i);
        lexicon::pronoun(w).is_none()
            && !lexicon::opens_clause(w)
            && lexicon::cue(w).is_none()
            && (!lexicon::is_np_preposition(w) || inside_name(f, i))
            && !matches!(w, "to" | "by" | "on")
            && (k == 0 || lexicon::determiner(w).is_none() || is_possessive(w))
    })
}

/// A phrase without a complement: determiner, possessor, modifiers, then a name or a noun.
fn core(f: &Frame, a: usize, b: usize, slot: Slot) -> Option<Phrase> {
    if (a..b).any(|i| !f.tokens[i].is_word()) {
        return None;
    }
    let mut i = a;
    let mut indefinite = None;
    let mut roles: Vec<String> = Vec::new();
    if let Some(ind) = lexicon::determiner(f.lower(i)) {
        indefinite = Some(ind);
        i += 1;
    }
    // A possessor ("the company's", "Smith's") stands for a determiner.
    if let Some(k) = (i..b.saturating_sub(1))
        .rev()
        .find(|&k| is_possessive(f.lower(k)))
    {
        for t in i..=k {
            roles.push(strip_possessive(f.lower(t)).to_owned());
        }
        indefinite = Some(false);
        i = k + 1;
    }
    if i >= b {
        return None;
    }
    let last = b - 1;
    if !f.capitalized(last) {
        return noun_phrase(f, a, i, b, indefinite, roles);
    }
    // The run of capitals at the end: titles, then the name.
    let mut run = last;
    while run > i {
        let p = run - 1;
        let joins = (f.lower(p) == "of" || lexicon::is_name_particle(f.lower(p)))
            && p > i
            && f.capitalized(p - 1);
        if f.capitalized(p) || joins {
            run = p;
        } else {
            break;
        }
    }
    // Lower-case words in front of the run are an office ("chief executive Tim Cook").
    for t in i..run {
        if !modifier(f, t) {
            return None;
        }
        roles.push(strip_possessive(f.lower(t)).to_owned());
    }
    // A body's name: "Lumen Motors", "the Interior Ministry", "Acme Corp.".
    if let Some(nouns) = lexicon::body_nouns(strip_possessive(f.lower(last))) {
        let start = (run..last).find(|&t| lexicon::can_name(f.lower(t)));
        if let Some(start) = start {
            roles.extend(nouns.iter().map(|n| (*n).to_owned()));
            return Some(Phrase {
                kind: PhraseKind::Name(start..b),
                range: a..b,
                head: last,
                roles,
                gender: Gender::Unknown,
                body: true,
            });
        }
    }
    let mut name_start = b;
    while name_start > run
        && (name_word(f, name_start - 1)
            || (lexicon::is_name_particle(f.lower(name_start - 1))
                && name_start - 1 > run
                && name_start < b))
    {
        name_start -= 1;
    }
    // A speaker noun opening the run is an office, not a name: "Economist Hannah Vogt",
    // "Residents of Harlow Street".
    while name_start < b && lexicon::speaker_noun(strip_possessive(f.lower(name_start))).is_some() {
        name_start += 1;
    }
    // Place and body words end a person's name only after a given name, and only where a
    // title or the speaker's slot says a person is meant: "Senator Lucy Park", not "Hyde Park".
    if name_start < b {
        let titled = name_start > run && lexicon::is_title(f.lower(name_start - 1));
        let places =
            (name_start..b).filter(|&t| lexicon::is_place_word(strip_possessive(f.lower(t))));
        let mut places = places.peekable();
        if places.peek().is_some() {
            let first_is_place = lexicon::is_place_word(f.lower(name_start));
            if first_is_place || !(titled || slot == Slot::Speaker) {
                name_start = b;
            }
        }
    }
    for t in run..name_start {
        roles.push(
            strip_possessive(f.lower(t))
                .trim_end_matches('.')
                .to_owned(),
        );
    }
    let gender = gender(&roles);
    if name_start < b {
        // Titles and the name must meet: "Minister Sergei Lavrov", not "Iran Sergei".
        if name_start > run {
            let before = f.lower(name_start - 1);
            if !lexicon::is_title(before) && lexicon::speaker_noun(before).is_none() {
                return None;
            }
        }
        return Some(Phrase {
            kind: PhraseKind::Name(name_start..b),
            range: a..b,
            head: last,
            roles,
            gender,
            body: false,
        });
    }
    // All titles or nouns: "the Foreign Minister", "Officials", "Residents".
    let noun = lexicon::speaker_noun(strip_possessive(f.lower(last)))?;
    Some(Phrase {
        kind: PhraseKind::Noun {
            noun,
            indefinite: indefinite.unwrap_or(noun.plural),
        },
        range: a..b,
        head: last,
        roles,
        gender,
        body: !noun.person,
    })
}

/// Determiner and possessor read, `i..b` lower case: modifiers and a speaker noun.
fn noun_phrase(
    f: &Frame,
    a: usize,
    i: usize,
    b: usize,
    indefinite: Option<bool>,
    mut roles: Vec<String>,
) -> Option<Phrase> {
    let last = b - 1;
    let noun = lexicon::speaker_noun(strip_possessive(f.lower(last)))?;
    if last - i > MAX_MODIFIERS {
        return None;
    }
    for t in i..last {
        if !modifier(f, t) {
            return None;
        }
        roles.push(strip_possessive(f.lower(t)).to_owned());
    }
    // A bare singular ("official said") is a headline's shorthand, too loose to trust.
    let indefinite = match indefinite {
        Some(ind) => ind,
        None if noun.plural => true,
        None if i < last && f.capitalized(i) => true,
        None => return None,
    };
    roles.push(noun.singular.to_owned());
    let gender = gender(&roles);
    Some(Phrase {
        kind: PhraseKind::Noun { noun, indefinite },
        range: a..b,
        head: last,
        roles,
        gender,
        body: !noun.person,
    })
}

/// Whether token `t` can modify a speaker noun: a word that is not a determiner, pronoun,
/// preposition, clause opener or verb of saying.
fn modifier(f: &Frame, t: usize) -> bool {
    let w = f.lower(t);
    lexicon::determiner(w).is_none()
        && lexicon::pronoun(w).is_none()
        && !lexicon::is_np_preposition(w)
        && !lexicon::opens_clause(w)
        && !lexicon::is_filler(w)
        && lexicon::cue(w).is_none_or(|_| lexicon::speaker_noun(w).is_some())
        && !matches!(w, "to" | "by" | "on" | "about" | "into" | "over" | "under")
}

fn gender(words: &[String]) -> Gender {
    words
        .iter()
        .map(|w| lexicon::gender_of(w))
        .find(|g| *g != Gender::Unknown)
        .unwrap_or_default()
}

/// Words that, after a speaker noun, make it a modifier of another noun: "an official
/// statement", "the police station".
fn continues_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "statements"
            | "figures"
            | "data"
            | "visit"
            | "residence"
            | "website"
            | "account"
            | "accounts"
            | "channel"
            | "channels"
            | "report"
            | "reports"
            | "results"
            | "records"
            | "language"
            | "position"
            | "title"
            | "capacity"
            | "business"
            | "duties"
            | "trip"
            | "car"
            | "meeting"
            | "briefing"
            | "documents"
            | "line"
            | "estimates"
            | "count"
            | "name"
            | "station"
            | "chief"
            | "officer"
            | "officers"
            | "force"
            | "department"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "source"
            | "sources"
            | "member"
            | "members"
            | "leader"
            | "leaders"
            | "minister"
            | "ministers"
            | "office"
            | "officials"
            | "official"
            | "policy"
            | "building"
            | "headquarters"
            | "secretary"
            | "executive"
            | "executives"
            | "director"
            | "directors"
            | "team"
            | "staff"
    )
}

/// Every speaker phrase of sentence `s..e` outside quotations: names (a run of capitals that
/// is a person's or body's name) and speaker nouns (with their determiner and modifiers).
/// Phrases are given in token order, by their head.
pub fn scan(f: &Frame, s: usize, e: usize) -> Vec<Phrase> {
    let mut found = Vec::new();
    let mut i = s;
    while i < e {
        if f.capitalized(i) {
            let mut j = i + 1;
            while j < e {
                let joins = (f.lower(j) == "of" || lexicon::is_name_particle(f.lower(j)))
                    && j + 1 < e
                    && f.capitalized(j + 1);
                if f.capitalized(j) && !is_possessive(f.lower(j - 1)) || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            // A sentence's first word may be no part of the run ("After Jane Ortiz …").
            let base = (i..j).find_map(|start| parse_in(f, start, j, Slot::Text));
            let full_name = base
                .as_ref()
                .is_some_and(|p| matches!(&p.kind, PhraseKind::Name(r) if r.len() >= 2 && !p.body));
            // A full name takes any lower-case office in front of it ("spokeswoman Anna Berg").
            let mut a = i;
            while full_name && a > s && a + 3 > i && office_word(f, a - 1) {
                a -= 1;
            }
            let found_here = (a..i)
                .find_map(|start| parse_in(f, start, j, Slot::Text))
                .filter(|p| matches!(p.kind, PhraseKind::Name(_)))
                .or(base);
            if let Some(p) = found_here {
                found.push(p);
            }
            i = j;
            continue;
        }
        let w = strip_possessive(f.lower(i));
        if lexicon::speaker_noun(w).is_some() && f.tokens[i].is_word() {
            let next_continues = i + 1 < e
                && f.tokens[i + 1].is_word()
                && (f.capitalized(i + 1) || continues_noun(f.lower(i + 1)))
                && !is_possessive(f.lower(i));
            if !next_continues {
                let from = s.max(i.saturating_sub(MAX_MODIFIERS + 2));
                if let Some(p) = (from..=i).find_map(|start| core(f, start, i + 1, Slot::Text)) {
                    if is_speaker_noun_phrase(&p) {
                        found.push(p);
                    }
                }
            }
        }
        i += 1;
    }
    found
}

fn is_speaker_noun_phrase(p: &Phrase) -> bool {
    matches!(p.kind, PhraseKind::Noun { .. })
}

/// A lower-case word of an office in front of a name: "spokeswoman", "chief", "executive".
fn office_word(f: &Frame, i: usize) -> bool {
    let w = f.lower(i);
    f.tokens[i].is_word()
        && !f.capitalized(i)
        && (lexicon::speaker_noun(w).is_some_and(|n| n.person) || lexicon::is_title(w))
        && lexicon::determiner(w).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;

    fn phrase(text: &str) -> Option<(PhraseKind, String, Vec<String>)> {
        let f = Frame::new(0, text, &marks::scan(&[text]));
        parse(&f, 0, f.len()).map(|p| {
            let shown = p.name(&f).unwrap_or(p.text(&f)).to_owned();
            (p.kind, shown, p.roles)
        })
    }

    /// Guards names: titles and offices in front are roles, not part of the name.
    #[test]
    fn names_lose_their_titles() {
        let (kind, name, roles) = phrase("Russian Foreign Minister Sergei Lavrov").unwrap();
        assert!(matches!(kind, PhraseKind::Name(_)));
        assert_eq!(name, "Sergei Lavrov");
        assert_eq!(roles, ["russian", "foreign", "minister"]);
        assert_eq!(phrase("Lavrov").unwrap().1, "Lavrov");
        assert_eq!(
            phrase("Secretary of State Antony Blinken").unwrap().1,
            "Antony Blinken"
        );
        assert_eq!(phrase("chief executive Tim Cook").unwrap().1, "Tim Cook");
        assert_eq!(phrase("Mr. Ortiz").unwrap().1, "Ortiz");
    }

    /// Guards speaker nouns: determiner, modifiers and complement kept; non-speakers refused.
    #[test]
    fn speaker_nouns_keep_their_words() {
        let (kind, text, roles) = phrase("one official").unwrap();
        assert!(matches!(
            kind,
            PhraseKind::Noun {
                indefinite: true,
                ..
            }
        ));
        assert_eq!(text, "one official");
        assert_eq!(roles, ["official"]);
        let (_, _, roles) = phrase("the Russian foreign minister").unwrap();
        assert_eq!(roles, ["russian", "foreign", "minister"]);
        assert_eq!(
            phrase("a spokeswoman for the Interior Ministry").unwrap().1,
            "a spokeswoman for the Interior Ministry"
        );
        assert!(phrase("officials").is_some());
        assert!(phrase("the memorandum").is_none());
        assert!(phrase("Monday the mayor").is_none());
    }

    /// Guards subject pronouns as speaker phrases.
    #[test]
    fn pronouns_are_phrases() {
        assert_eq!(phrase("she").unwrap().0, PhraseKind::Pronoun(Pronoun::She));
    }
}
