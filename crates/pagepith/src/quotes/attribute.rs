//! Who is credited with a quotation, by the shape of the sentence around it (English):
//!
//! - after it: “Q,” X said. / “Q,” said X. / “Q,” X, the mayor, told reporters. / “Q,”
//!   according to X. The attribution starts right after the closing mark.
//! - before it, in the same sentence: X said, “Q.” / X said that … “Q” / X described … as “Q”
//!   / According to X, … “Q” / In a statement, X “Q”. The nearest reporting verb before the
//!   quotation is its cue; a participle ("adding", "before reiterating", "by saying") takes
//!   the subject of the verb it hangs from.
//!
//! A quotation that ends a sentence looks before itself first ("X said: “Q.”"); one that ends
//! with a comma, a question or an exclamation looks after itself first ("“Q,” X said").
//! The result is a phrase as written (a name, a noun, a pronoun); `resolve` says who it is.

use super::lexicon::{self, CueForm};
use super::marks::Span;
use super::phrase::{self, Phrase, PhraseKind};
use super::tokens::{Frame, Kind};

/// How far back in its sentence a quotation looks for its cue, in tokens: longer than any
/// sentence worth reading, short enough that a sentence of a thousand quotations stays linear.
const MAX_LOOKBACK: usize = 60;
/// How far after a quotation its attribution may end, in tokens: a speaker phrase and its
/// verb ("the company's former chief financial officer told reporters").
const MAX_AFTER: usize = 18;

/// What a quotation is credited to.
#[derive(Clone, Debug)]
pub struct Attribution {
    /// The reporting verb or phrase, lower case ("said", "described … as", "according to").
    pub cue: String,
    /// The speaker phrase, with the paragraph it is in; `None` when the cue has no subject the
    /// rules can read ("The statement said …").
    pub speaker: Option<(usize, Phrase)>,
}

/// The attribution of every quotation, by index.
pub fn attribute(frames: &[Frame], spans: &[Span]) -> Vec<Option<Attribution>> {
    spans
        .iter()
        .enumerate()
        .map(|(id, span)| {
            let first = span.first_paragraph();
            let last = span.last_paragraph();
            let (fo, fc) = (frames.get(first)?, frames.get(last)?);
            let qo = fo.quote_token(id)?;
            let qc = fc.quote_token(id)?;
            let terminal = matches!(fc.tokens[qc].kind, Kind::Quote { terminal: true, .. });
            let after = || after(fc, qc).map(|a| with_paragraph(a, last));
            let before = || before(fo, qo).map(|a| with_paragraph(a, first));
            if terminal {
                before().or_else(after)
            } else {
                after().or_else(before)
            }
        })
        .collect()
}

/// A cue and its speaker phrase, before the paragraph is known.
struct Found {
    cue: String,
    speaker: Option<Phrase>,
}

fn with_paragraph(found: Found, p: usize) -> Attribution {
    Attribution {
        cue: found.cue,
        speaker: found.speaker.map(|s| (p, s)),
    }
}

/// A reporting cue at token `i`: a lower-case verb not used as a noun ("the warning",
/// "Netanyahu’s warning"), or "according to".
fn cue_at(f: &Frame, i: usize) -> Option<(&'static str, CueForm)> {
    let t = f.tokens.get(i)?;
    if !t.is_word() || f.capitalized(i) && f.lower(i) != "according" {
        return None;
    }
    if f.lower(i) == "according" {
        return (f.tokens.get(i + 1).is_some_and(|_| f.lower(i + 1) == "to"))
            .then_some(("according to", CueForm::Finite));
    }
    let (lemma, form) = lexicon::cue(f.lower(i))?;
    if let Some(prev) = i.checked_sub(1).filter(|&p| f.tokens[p].is_word()) {
        let w = f.lower(prev);
        if lexicon::determiner(w).is_some_and(|_| w != "that")
            || w.ends_with("’s")
            || w.ends_with("'s")
        {
            return None;
        }
        // "went on to say", "declined to comment": the infinitive borrows a subject.
        if w == "to" {
            return Some((lemma, CueForm::Participle));
        }
    }
    Some((lemma, form))
}

/// Whether token `i` ends a clause for the purpose of finding a phrase's start.
fn boundary(f: &Frame, i: usize) -> bool {
    match f.tokens[i].kind {
        Kind::Quote { .. } => true,
        Kind::Punct(c) => !matches!(c, '-' | '&' | '’' | '\''),
        Kind::Word => lexicon::opens_clause(f.lower(i)),
    }
}

/// The attribution that follows a quotation's closing mark.
fn after(f: &Frame, q: usize) -> Option<Found> {
    let mut i = q + 1;
    if f.tokens
        .get(i)
        .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '—' | '–' | '-')))
    {
        i += 1;
    }
    let end = (i..f.len().min(i + MAX_AFTER))
        .find(|&k| match f.tokens[k].kind {
            Kind::Quote { .. } => true,
            Kind::Punct(c) => matches!(c, '.' | '!' | '?' | ';' | ':' | '…'),
            Kind::Word => false,
        })
        .unwrap_or(f.len().min(i + MAX_AFTER));
    // Inverted: "said the official", "according to Interfax".
    if let Some((lemma, CueForm::Finite)) = cue_at(f, i) {
        let from = if lemma == "according to" {
            i + 2
        } else {
            i + 1
        };
        let speaker = longest_from(f, from, end);
        return speaker.map(|s| Found {
            cue: cue_text(f, i, q, lemma),
            speaker: Some(s),
        });
    }
    // Subject first: "X said", "X, the mayor, said", "she later added".
    for c in i + 1..end {
        let Some((lemma, CueForm::Finite)) = cue_at(f, c) else {
            continue;
        };
        if lemma == "according to" {
            return None;
        }
        let subject = subject_before(f, i, c, true)?;
        return Some(Found {
            cue: cue_text(f, c, q, lemma),
            speaker: Some(subject),
        });
    }
    None
}

/// The attribution before a quotation, in its sentence.
fn before(f: &Frame, q: usize) -> Option<Found> {
    let (s, _) = f.sentence_of(q);
    let lo = s.max(q.saturating_sub(MAX_LOOKBACK));
    for c in (lo..q).rev() {
        // "In a statement, Acme “rejected the claims”": a phrase with no verb at all.
        if let Some(found) = statement_phrase(f, c, q, lo) {
            return Some(found);
        }
        let Some((lemma, form)) = cue_at(f, c) else {
            continue;
        };
        if lemma == "according to" {
            let end = (c + 2..q).find(|&k| boundary(f, k)).unwrap_or(q);
            return Some(Found {
                cue: "according to".to_owned(),
                speaker: longest_from(f, c + 2, end),
            });
        }
        match form {
            CueForm::Finite => {
                if relative_subject(f, lo, c) {
                    continue;
                }
                let speaker = subject_before(f, lo, c, false).or_else(|| {
                    // "Added Smith: “…”"
                    let end = (c + 1..q).find(|&k| boundary(f, k)).unwrap_or(q);
                    longest_from(f, c + 1, end)
                });
                return Some(Found {
                    cue: cue_text(f, c, q, lemma),
                    speaker,
                });
            }
            CueForm::Participle => {
                // The verb it hangs from: "the minister responded … by saying", "she said,
                // adding"; else the sentence's subject ("She ended by saying").
                let main = (lo..c).rev().find_map(|m| match cue_at(f, m) {
                    Some((l, CueForm::Finite))
                        if l != "according to" && !relative_subject(f, lo, m) =>
                    {
                        Some((m, l))
                    }
                    _ => None,
                });
                let speaker = match main {
                    Some((m, _)) => subject_before(f, lo, m, false),
                    None => sentence_subject(f, lo, c),
                };
                let cue = match main {
                    Some((m, l))
                        if lemma == "say"
                            && lexicon::BY_SAYING_VERBS.contains(&l)
                            && c > 0
                            && f.lower(c - 1) == "by" =>
                    {
                        format!("{} … by {}", f.lower(m), f.lower(c))
                    }
                    _ => cue_text(f, c, q, lemma),
                };
                return Some(Found { cue, speaker });
            }
        }
    }
    introduced(f, lo, q)
}

/// "Omar Haddad put it bluntly: “…”", "Rob Tate disagreed: “…”": a colon right before the
/// quotation introduces it as the words of the clause's subject, whatever the verb. The cue
/// is the words between the subject and the colon.
fn introduced(f: &Frame, lo: usize, q: usize) -> Option<Found> {
    let colon = q
        .checked_sub(1)
        .filter(|&c| c > lo && f.tokens[c].is_punct(':'))?;
    // The verb phrase: up to four lower-case words before the colon, the longest whose
    // subject is a speaker phrase.
    let lowest = colon.saturating_sub(4).max(lo + 1);
    let mut v = colon;
    while v > lowest && f.tokens[v - 1].is_word() && !f.capitalized(v - 1) {
        v -= 1;
    }
    (v..colon).find_map(|v| {
        let speaker = subject_before(f, lo, v, false)?;
        Some(Found {
            cue: f.slice(v, colon).to_lowercase(),
            speaker: Some(speaker),
        })
    })
}

/// "In a statement, Acme “…”" / "Acme, in a statement, “…”": a statement phrase starting at
/// token `c`, with the speaker phrase that follows or precedes it.
fn statement_phrase(f: &Frame, c: usize, q: usize, lo: usize) -> Option<Found> {
    let words = lexicon::PHRASES
        .iter()
        .find(|p| c + p.len() <= q && p.iter().enumerate().all(|(k, w)| f.lower(c + k) == *w))?;
    let after = c + words.len();
    let cue = words.join(" ");
    let mut from = after;
    if f.tokens.get(from).is_some_and(|t| t.is_punct(',')) {
        from += 1;
    }
    let end = (from..q).find(|&k| boundary(f, k)).unwrap_or(q);
    if let Some(s) = subject_from(f, from, end) {
        return Some(Found {
            cue,
            speaker: Some(s),
        });
    }
    let mut e = c;
    if e > lo && f.tokens[e - 1].is_punct(',') {
        e -= 1;
    }
    phrase_ending_at(f, lo, e).map(|s| Found {
        cue,
        speaker: Some(s),
    })
}

/// The cue as reported: the verb as written, lower case, with "as" when the verb takes its
/// words after it ("described … as").
fn cue_text(f: &Frame, c: usize, q: usize, lemma: &str) -> String {
    if lemma == "according to" {
        return lemma.to_owned();
    }
    let verb = f.lower(c).to_owned();
    if lexicon::AS_VERBS.contains(&lemma) && (c + 1..q).any(|k| f.lower(k) == "as") {
        return format!("{verb} … as");
    }
    verb
}

/// Whether the verb at `c` has a relative pronoun for subject ("critics, who warned …"): such
/// a clause tells of the past, not the quotation.
fn relative_subject(f: &Frame, lo: usize, c: usize) -> bool {
    let mut e = c;
    while e > lo && skippable(f.lower(e - 1)) {
        e -= 1;
    }
    e > lo && matches!(f.lower(e - 1), "who" | "which" | "that" | "whom")
}

/// Words between a subject and its verb.
fn skippable(w: &str) -> bool {
    lexicon::is_filler(w) || lexicon::is_adverb(w)
}

/// The subject of the verb at `c`: the speaker phrase that ends right before it (auxiliaries
/// and adverbs skipped), with an apposition between commas read as well ("Jane Ortiz, the
/// mayor, said"; "The city's mayor, Jane Ortiz, said"). With `exact`, the phrase must begin at
/// `lo` (an attribution right after a quotation).
fn subject_before(f: &Frame, lo: usize, c: usize, exact: bool) -> Option<Phrase> {
    let mut e = c;
    while e > lo && f.tokens[e - 1].is_word() && skippable(f.lower(e - 1)) {
        e -= 1;
    }
    if e > lo && f.tokens[e - 1].is_punct(',') {
        // An apposition: the phrase before the first comma, described by what lies between.
        let close = e - 1;
        let open = (lo..close).rev().find(|&k| !f.tokens[k].is_word())?;
        if !f.tokens[open].is_punct(',') || (exact && open == lo) {
            return None;
        }
        let head = if exact {
            phrase::parse(f, lo, open)
        } else {
            phrase_ending_at(f, lo, open)
        };
        let apposition = phrase::parse(f, open + 1, close);
        return match (head, apposition) {
            (Some(mut h), Some(a)) => {
                // "The city's mayor, Jane Ortiz": the name is the speaker, the noun its role.
                if matches!(h.kind, PhraseKind::Noun { .. })
                    && matches!(a.kind, PhraseKind::Name(_))
                {
                    let mut a = a;
                    a.roles.extend(h.roles);
                    return Some(a);
                }
                if matches!(a.kind, PhraseKind::Noun { .. }) {
                    h.roles.extend(a.roles);
                }
                Some(h)
            }
            (Some(h), None) => Some(h),
            _ => None,
        };
    }
    if exact {
        phrase::parse(f, lo, e)
    } else {
        phrase_ending_at(f, lo, e)
    }
}

/// The longest speaker phrase that ends at `e` and starts after the last clause boundary.
fn phrase_ending_at(f: &Frame, lo: usize, e: usize) -> Option<Phrase> {
    if e <= lo {
        return None;
    }
    let start = (lo..e)
        .rev()
        .find(|&k| boundary(f, k))
        .map_or(lo, |k| k + 1);
    (start..e).find_map(|a| phrase::parse(f, a, e))
}

/// The longest speaker phrase that starts at `a` and ends by `end`, with an apposition after
/// it read for its roles ("said Jane Ortiz, the mayor").
fn longest_from(f: &Frame, a: usize, end: usize) -> Option<Phrase> {
    let mut p = (a + 1..=end.min(f.len()))
        .rev()
        .find_map(|e| phrase::parse(f, a, e))?;
    let e = p.range.end;
    if f.tokens.get(e).is_some_and(|t| t.is_punct(',')) {
        let stop = (e + 1..f.len().min(e + 12))
            .find(|&k| !f.tokens[k].is_word())
            .unwrap_or(f.len().min(e + 12));
        if let Some(a) = phrase::parse(f, e + 1, stop) {
            if matches!(a.kind, PhraseKind::Noun { .. })
                && !matches!(p.kind, PhraseKind::Pronoun(_))
            {
                p.roles.extend(a.roles);
            }
        }
    }
    Some(p)
}

/// The speaker phrase that starts at `a` and is followed by its verb (or ends at `end`): the
/// longest such, so that "the family of the missing climber thanked" gives "the family of the
/// missing climber".
fn subject_from(f: &Frame, a: usize, end: usize) -> Option<Phrase> {
    (a + 1..=end.min(f.len())).rev().find_map(|e| {
        let verb_like = e == end || {
            let w = f.lower(e);
            f.tokens[e].is_word()
                && !f.capitalized(e)
                && (w.ends_with("ed")
                    || w.ends_with('s')
                    || skippable(w)
                    || lexicon::cue(w).is_some())
        };
        if verb_like {
            phrase::parse(f, a, e)
        } else {
            None
        }
    })
}

/// The subject of the sentence's main clause, for a participle with no verb to hang from: the
/// first speaker phrase at the start of a clause that a lower-case word (its verb) follows.
fn sentence_subject(f: &Frame, s: usize, c: usize) -> Option<Phrase> {
    let starts =
        std::iter::once(s).chain((s..c).filter(|&k| f.tokens[k].is_punct(',')).map(|k| k + 1));
    for a in starts {
        for e in (a + 1..=c.min(a + 12)).rev() {
            let verb_follows = f.tokens.get(e).is_some_and(|t| t.is_word()) && !f.capitalized(e);
            if verb_follows {
                if let Some(p) = phrase::parse(f, a, e) {
                    return Some(p);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;

    /// (cue, speaker phrase as written) of each quotation of a one-paragraph text.
    fn attributions(text: &str) -> Vec<Option<(String, Option<String>)>> {
        let spans = marks::scan(&[text]);
        let frames = vec![Frame::new(0, text, &spans)];
        attribute(&frames, &spans)
            .into_iter()
            .map(|a| {
                a.map(|a| {
                    let s = a
                        .speaker
                        .map(|(_, p)| p.name(&frames[0]).unwrap_or(p.text(&frames[0])).to_owned());
                    (a.cue, s)
                })
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>) {
        attributions(text)[0].clone().expect("an attribution")
    }

    /// Guards the patterns: after, inverted, before, said that, according to, split.
    #[test]
    fn the_usual_patterns() {
        assert_eq!(
            one("“We won,” Jane Ortiz said."),
            ("said".into(), Some("Jane Ortiz".into()))
        );
        assert_eq!(
            one("“We won,” said the mayor."),
            ("said".into(), Some("the mayor".into()))
        );
        assert_eq!(
            one("Ortiz said, “We won.”"),
            ("said".into(), Some("Ortiz".into()))
        );
        assert_eq!(
            one("Ortiz said that the vote was “a landslide.”"),
            ("said".into(), Some("Ortiz".into()))
        );
        assert_eq!(
            one("According to the mayor, the vote was “a landslide.”"),
            ("according to".into(), Some("the mayor".into()))
        );
        let both = attributions("“We won,” she said, “and we will win again.”");
        assert_eq!(both[1].clone().unwrap().1.as_deref(), Some("she"));
    }

    /// Guards appositions around the subject and participles borrowing their verb’s subject.
    #[test]
    fn appositions_and_participles() {
        assert_eq!(
            one("“It is over,” Jane Ortiz, the mayor, told reporters.")
                .1
                .as_deref(),
            Some("Jane Ortiz")
        );
        assert_eq!(
            one("The city's mayor, Jane Ortiz, said: “It is over.”")
                .1
                .as_deref(),
            Some("Jane Ortiz")
        );
        assert_eq!(
            one("In August, the foreign minister responded to the warning by saying, “No.”"),
            (
                "responded … by saying".into(),
                Some("the foreign minister".into())
            )
        );
        assert_eq!(
            one("The official described the deal as “a first step.”").0,
            "described … as"
        );
    }

    /// Guards that a quotation with no verb of saying gets no attribution.
    #[test]
    fn no_cue_no_attribution() {
        assert!(attributions("The so-called “reform” failed.")[0].is_none());
        assert!(attributions("Critics, who warned of delays, called it “a farce.”")[0].is_some());
    }
}
