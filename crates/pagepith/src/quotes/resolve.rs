//! Who a speaker phrase is: every name and speaker noun of the article, in reading order, is
//! tied to an entity (one person or body), so that a quotation credited to "Lavrov", "the
//! minister" or "he" gets the fullest name the article gives.
//!
//! - A full name (two words or more) is its own entity, or one met before under the same name.
//! - A single name ("Lavrov", "President Putin") is the entity whose name ends (else begins)
//!   with it, when exactly one does; otherwise a new entity by that name when it is a speaker
//!   or titled, and nothing when it is a capitalized word met in passing.
//! - A noun introduced with `a`, `one` or as a bare plural ("one official", "officials") is a
//!   new entity; one that points back ("the official", "the Russian foreign minister") is the
//!   latest entity whose titles and roles hold its noun and modifiers, else a new one.
//! - "he", "she", "they" go back sentence by sentence (at most [`MAX_PARAGRAPHS_BACK`]
//!   paragraphs) to the first sentence holding an entity that agrees (number, person or body,
//!   gender when known); in it the speaker of a reporting verb wins, else the first mention.
//!
//! What no rule settles stays unresolved: a quotation whose pronoun finds no antecedent keeps
//! no speaker.

use std::collections::HashMap;

use super::lexicon::{Gender, Pronoun};
use super::phrase::{Phrase, PhraseKind};
use super::tokens::Frame;

/// How many paragraphs back a pronoun's antecedent may be.
const MAX_PARAGRAPHS_BACK: usize = 3;
/// How many mentions back a noun ("the official") looks for the entity it points to, and a
/// pronoun for its antecedent: far more than three paragraphs of news hold, and a bound on the
/// work of a page of nothing but names.
const MAX_MENTIONS_BACK: usize = 400;
/// Modifiers a pointing-back noun may add without naming someone new: "the senior official"
/// is still "one official".
const VAGUE_MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "former",
    "same",
    "unnamed",
    "anonymous",
    "other",
    "new",
    "local",
    "said",
    "two",
    "three",
    "the",
    "first",
    "second",
];

/// One name or speaker noun of the article.
#[derive(Clone, Debug)]
pub struct Mention {
    pub paragraph: usize,
    /// The sentence within its paragraph.
    pub sentence: usize,
    pub phrase: Phrase,
    /// Whether it is the subject of a reporting verb.
    pub speaker: bool,
    pub entity: Option<usize>,
    /// The other half of an apposition ("Anna Berg, a spokeswoman for the ministry,"): the
    /// same entity, by its head.
    partner: Option<(usize, usize)>,
}

/// A person or body the article names.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The fullest name, or the first description ("one official").
    pub display: String,
    pub person: bool,
    pub plural: bool,
    pub roles: Vec<String>,
    pub gender: Gender,
    /// Words of the name (empty for a description).
    name_words: Vec<String>,
    /// The noun of a description ("official" for "one official"); `None` for a name.
    noun: Option<&'static str>,
}

/// Mentions and the entities they resolve to.
pub struct Resolution {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Mention index by paragraph and head token.
    by_head: HashMap<(usize, usize), usize>,
    /// Named entities by their whole name, lower case.
    by_name: HashMap<String, usize>,
    /// Named entities by the last and by the first word of their name, as written.
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl Resolution {
    /// Collects the mentions of all frames (and the speaker phrases the attributions found)
    /// and resolves them in reading order.
    pub fn new(frames: &[Frame], speakers: &[(usize, Phrase)]) -> Resolution {
        let mut mentions: Vec<Mention> = Vec::new();
        let mut by_head: HashMap<(usize, usize), usize> = HashMap::new();
        for (p, f) in frames.iter().enumerate() {
            for (k, &s) in f.sentences.iter().enumerate() {
                let e = f.sentences.get(k + 1).copied().unwrap_or(f.len());
                let phrases = super::phrase::scan(f, s, e);
                let partners = appositions(f, &phrases, e);
                for (phrase, partner) in phrases.into_iter().zip(partners) {
                    let key = (p, phrase.head);
                    if by_head.contains_key(&key) {
                        continue;
                    }
                    by_head.insert(key, mentions.len());
                    mentions.push(Mention {
                        paragraph: p,
                        sentence: k,
                        phrase,
                        speaker: false,
                        entity: None,
                        partner: partner.map(|h| (p, h)),
                    });
                }
            }
        }
        for (p, phrase) in speakers {
            let key = (*p, phrase.head);
            match by_head.get(&key) {
                Some(&m) => {
                    let mention = &mut mentions[m];
                    mention.speaker = true;
                    // The attribution read the phrase in its clause: its reading is the fuller.
                    let mut roles = std::mem::take(&mut mention.phrase.roles);
                    mention.phrase = phrase.clone();
                    roles.retain(|r| !mention.phrase.roles.contains(r));
                    mention.phrase.roles.extend(roles);
                }
                None => {
                    by_head.insert(key, mentions.len());
                    mentions.push(Mention {
                        paragraph: *p,
                        sentence: frames[*p].sentence_index(phrase.head),
                        phrase: phrase.clone(),
                        speaker: true,
                        entity: None,
                        partner: None,
                    });
                }
            }
        }
        mentions.sort_by_key(|m| (m.paragraph, m.phrase.head));
        by_head = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| ((m.paragraph, m.phrase.head), i))
            .collect();
        let mut r = Resolution {
            mentions,
            entities: Vec::new(),
            by_head,
            by_name: HashMap::new(),
            by_last: HashMap::new(),
            by_first: HashMap::new(),
        };
        for i in 0..r.mentions.len() {
            if r.mentions[i].entity.is_some() {
                continue;
            }
            let entity = r.resolve(i, frames);
            r.mentions[i].entity = entity;
        }
        r
    }

    /// The mention whose head is token `head` of paragraph `p`.
    pub fn mention(&self, p: usize, head: usize) -> Option<&Mention> {
        self.by_head.get(&(p, head)).map(|&i| &self.mentions[i])
    }

    /// The entity of the mention at `p`/`head`.
    pub fn entity_at(&self, p: usize, head: usize) -> Option<usize> {
        self.mention(p, head).and_then(|m| m.entity)
    }

    fn resolve(&mut self, i: usize, frames: &[Frame]) -> Option<usize> {
        let m = self.mentions[i].clone();
        // Half of an apposition: both halves are whoever the name is.
        if let Some(j) = m.partner.and_then(|key| self.by_head.get(&key).copied()) {
            let named = matches!(self.mentions[j].phrase.kind, PhraseKind::Name(_));
            let id = match self.mentions[j].entity {
                Some(id) => Some(id),
                None if named => {
                    let id = self.resolve_alone(j, frames);
                    self.mentions[j].entity = id;
                    id
                }
                None => None,
            };
            if let Some(id) = id.filter(|_| named) {
                self.learn(id, &m.phrase.roles, m.phrase.gender);
                return Some(id);
            }
        }
        self.resolve_alone(i, frames)
    }

    fn resolve_alone(&mut self, i: usize, frames: &[Frame]) -> Option<usize> {
        let m = self.mentions[i].clone();
        let f = &frames[m.paragraph];
        match &m.phrase.kind {
            PhraseKind::Name(_) => {
                let name = m.phrase.name(f).unwrap_or_default();
                let words: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
                let id = self.name(&words, &m)?;
                if m.phrase.body {
                    self.entities[id].person = false;
                }
                self.learn(id, &m.phrase.roles, m.phrase.gender);
                Some(id)
            }
            PhraseKind::Noun { noun, indefinite } => {
                let id = if *indefinite {
                    None
                } else {
                    self.pointed_to(i, noun.singular, noun.plural)
                };
                let id = id.unwrap_or_else(|| {
                    self.entities.push(Entity {
                        display: description(m.phrase.text(f)),
                        person: noun.person,
                        plural: noun.plural,
                        roles: Vec::new(),
                        gender: Gender::Unknown,
                        name_words: Vec::new(),
                        noun: Some(noun.singular),
                    });
                    self.entities.len() - 1
                });
                self.learn(id, &m.phrase.roles, m.phrase.gender);
                Some(id)
            }
            PhraseKind::Pronoun(p) => {
                let id = self.antecedent(i, *p)?;
                let g = match p {
                    Pronoun::He => Gender::Male,
                    Pronoun::She => Gender::Female,
                    _ => Gender::Unknown,
                };
                self.learn(id, &[], g);
                Some(id)
            }
        }
    }

    /// The entity a name is, or a new one.
    fn name(&mut self, words: &[String], m: &Mention) -> Option<usize> {
        let full = words.join(" ");
        if let Some(&id) = self.by_name.get(&full.to_lowercase()) {
            return Some(id);
        }
        let w = words.first()?;
        if words.len() >= 2 {
            // Met first by one word, now in full: the entity takes the full name.
            let single = |key: &String| {
                self.by_name
                    .get(&key.to_lowercase())
                    .copied()
                    .filter(|&id| self.entities[id].name_words.len() == 1)
            };
            if let Some(id) = single(&words[words.len() - 1]).or_else(|| single(w)) {
                self.entities[id].display.clone_from(&full);
                self.name_entity(id, words);
                return Some(id);
            }
            return Some(self.new_name(words));
        }
        let unique = |ids: Option<&Vec<usize>>| match ids.map(Vec::as_slice) {
            Some([id]) => Some(Some(*id)),
            Some([_, _, ..]) => Some(None),
            _ => None,
        };
        if let Some(found) = unique(self.by_last.get(w)).or_else(|| unique(self.by_first.get(w))) {
            // Two Smiths before: "Smith" is neither for certain.
            return found;
        }
        // A lone capitalized word is a name only when something says so: it speaks, or a
        // title stands before it.
        if !m.speaker && m.phrase.roles.is_empty() {
            return None;
        }
        Some(self.new_name(words))
    }

    fn new_name(&mut self, words: &[String]) -> usize {
        self.entities.push(Entity {
            display: words.join(" "),
            person: true,
            plural: false,
            roles: Vec::new(),
            gender: Gender::Unknown,
            name_words: Vec::new(),
            noun: None,
        });
        let id = self.entities.len() - 1;
        self.name_entity(id, words);
        id
    }

    /// Gives entity `id` the name `words`, and indexes it by them.
    fn name_entity(&mut self, id: usize, words: &[String]) {
        self.by_name.insert(words.join(" ").to_lowercase(), id);
        if words.len() >= 2 {
            let first = self.by_first.entry(words[0].clone()).or_default();
            if !first.contains(&id) {
                first.push(id);
            }
        }
        let last = self
            .by_last
            .entry(words[words.len() - 1].clone())
            .or_default();
        if !last.contains(&id) {
            last.push(id);
        }
        self.entities[id].name_words = words.to_vec();
    }

    /// The entity a pointing-back noun ("the official") stands for: the latest mentioned one
    /// whose roles hold the noun and its modifiers, a named one or a description with the same
    /// noun ("the official" is not "the official news agency").
    fn pointed_to(&self, i: usize, noun: &str, plural: bool) -> Option<usize> {
        let wanted: Vec<&str> = self.mentions[i]
            .phrase
            .roles
            .iter()
            .map(String::as_str)
            .filter(|r| !VAGUE_MODIFIERS.contains(r))
            .collect();
        self.mentions[..i]
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK)
            .filter_map(|m| m.entity)
            .find(|&id| {
                let e = &self.entities[id];
                e.plural == plural
                    && e.noun.is_none_or(|n| n == noun)
                    && wanted.iter().all(|w| e.roles.iter().any(|r| r == w))
            })
    }

    /// The antecedent of a pronoun: see the module docs.
    fn antecedent(&self, i: usize, p: Pronoun) -> Option<usize> {
        let me = &self.mentions[i];
        let agrees = |id: usize| {
            let e = &self.entities[id];
            match p {
                Pronoun::He => e.person && !e.plural && e.gender != Gender::Female,
                Pronoun::She => e.person && !e.plural && e.gender != Gender::Male,
                Pronoun::They => e.plural || !e.person,
                Pronoun::It | Pronoun::FirstPerson => false,
            }
        };
        let mut k = i;
        while k > 0 && k + MAX_MENTIONS_BACK > i {
            let group = (
                self.mentions[k - 1].paragraph,
                self.mentions[k - 1].sentence,
            );
            if group.0 + MAX_PARAGRAPHS_BACK < me.paragraph {
                return None;
            }
            let mut start = k - 1;
            while start > 0
                && start + MAX_MENTIONS_BACK > i
                && (
                    self.mentions[start - 1].paragraph,
                    self.mentions[start - 1].sentence,
                ) == group
            {
                start -= 1;
            }
            let in_group = &self.mentions[start..k];
            let fits: Vec<&Mention> = in_group
                .iter()
                .filter(|m| m.entity.is_some_and(agrees))
                .collect();
            // A speaker first (news goes back to whoever was talking), then someone whose
            // gender is known to agree, then whoever the sentence names first.
            let known = |m: &&&Mention| {
                m.entity
                    .is_some_and(|id| self.entities[id].gender != Gender::Unknown)
            };
            let pick = fits
                .iter()
                .rev()
                .find(|m| m.speaker)
                .or_else(|| fits.iter().find(known))
                .or(fits.first());
            if let Some(m) = pick {
                return m.entity;
            }
            k = start;
        }
        None
    }

    /// Adds roles and a gender to what is known of an entity.
    fn learn(&mut self, id: usize, roles: &[String], gender: Gender) {
        let e = &mut self.entities[id];
        for r in roles {
            if !e.roles.contains(r) {
                e.roles.push(r.clone());
            }
        }
        if e.gender == Gender::Unknown {
            e.gender = gender;
        }
    }
}

/// For each phrase of a sentence, the head of the phrase it stands in apposition to: a name
/// and a noun for a person next to each other, a comma between, and the second one closed by
/// a comma or the sentence's end ("Anna Berg, a spokeswoman for the ministry, declined";
/// "the town's mayor, Daniel Ivers, said").
fn appositions(f: &Frame, phrases: &[Phrase], end: usize) -> Vec<Option<usize>> {
    let mut partners = vec![None; phrases.len()];
    for k in 1..phrases.len() {
        let (x, y) = (&phrases[k - 1], &phrases[k]);
        let name_noun = |n: &Phrase, d: &Phrase| {
            matches!(n.kind, PhraseKind::Name(_))
                && !n.body
                && matches!(d.kind, PhraseKind::Noun { noun, .. } if noun.person)
        };
        if !(name_noun(x, y) || name_noun(y, x)) {
            continue;
        }
        let comma_between = y.range.start == x.range.end + 1 && f.tokens[x.range.end].is_punct(',');
        // The second half runs to a comma or the sentence's end, words only ("for the
        // Interior Ministry" may follow its noun).
        let closed = (y.range.end..end.min(y.range.end + 8))
            .find(|&t| !f.tokens[t].is_word())
            .is_none_or(|t| {
                matches!(
                    f.tokens[t].kind,
                    super::tokens::Kind::Punct(',' | '.' | ')' | ';')
                )
            });
        if comma_between && closed {
            partners[k - 1] = Some(y.head);
            partners[k] = Some(x.head);
        }
    }
    partners
}

/// A description as a speaker: as written, a capital that only opened the sentence lowered
/// ("The official" → "the official").
fn description(text: &str) -> String {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let opener = super::lexicon::determiner(&first).is_some()
        || super::lexicon::speaker_noun(&first).is_some();
    match text.chars().next() {
        Some(c) if opener && c.is_uppercase() => {
            format!("{}{}", c.to_lowercase(), &text[c.len_utf8()..])
        }
        _ => text.to_owned(),
    }
}
