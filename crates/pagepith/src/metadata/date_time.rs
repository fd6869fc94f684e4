//! The time of day after (or before) a date and its zone: `H:MM[:SS]`, am/pm, a numeric
//! offset or a zone abbreviation, read from `date`'s tokens.

use super::{num, punct_at, word_at, Tok};

/// The first `H:MM[:SS[.fff]] [am|pm] [zone]` at or after token `from`.
pub(super) fn find_time(toks: &[Tok], from: usize) -> Option<((u32, u32, u32), Option<i32>)> {
    for i in from..toks.len() {
        let Some((mut h, 1 | 2)) = num(toks.get(i)) else {
            continue;
        };
        if !punct_at(toks, i + 1, ':') {
            continue;
        }
        let Some((m, 2)) = num(toks.get(i + 2)) else {
            continue;
        };
        let mut j = i + 3;
        let mut s = 0;
        if punct_at(toks, j, ':') {
            if let Some((sec, 2)) = num(toks.get(j + 1)) {
                s = sec;
                j += 2;
                // Fractions of a second are dropped: no page means them.
                if punct_at(toks, j, '.') && num(toks.get(j + 1)).is_some() {
                    j += 2;
                }
            }
        }
        let meridiem = match word_at(toks, j) {
            Some(w @ ("am" | "pm")) => {
                j += 1;
                Some(w == "pm")
            }
            // "3:38 p.m."
            Some(w @ ("a" | "p"))
                if punct_at(toks, j + 1, '.') && word_at(toks, j + 2) == Some("m") =>
            {
                j += if punct_at(toks, j + 3, '.') { 4 } else { 3 };
                Some(w == "p")
            }
            _ => None,
        };
        if let Some(pm) = meridiem {
            if h == 0 || h > 12 {
                return None;
            }
            h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        return Some(((h, m, s.min(59)), find_offset(toks, j)));
    }
    None
}

/// A UTC offset right after a time: `Z`, `GMT`, `+02:00`, `+0200`, `-05`, `GMT+2`, `EST`.
fn find_offset(toks: &[Tok], j: usize) -> Option<i32> {
    let (named, j) = match word_at(toks, j) {
        Some("z" | "utc" | "gmt" | "ut") => (true, j + 1),
        Some(w) => return zone_abbreviation(w),
        None => (false, j),
    };
    let utc = named.then_some(0);
    let sign = match toks.get(j) {
        Some(Tok::Punct('+')) => 1,
        Some(Tok::Punct('-' | '\u{2212}')) => -1,
        _ => return utc,
    };
    let minutes = match num(toks.get(j + 1)) {
        Some((v, 4)) => (v / 100) * 60 + v % 100,
        Some((h, 1 | 2)) if punct_at(toks, j + 2, ':') => match num(toks.get(j + 3)) {
            Some((m, 2)) => h * 60 + m,
            _ => return utc,
        },
        // A bare "+02" only after "GMT" or at the very end: elsewhere "-" may be a dash before
        // the next part of a dateline ("10:30 - 12 comments").
        Some((h, 1 | 2)) if named || j + 2 == toks.len() => h * 60,
        _ => return utc,
    };
    if minutes > 14 * 60 {
        return utc;
    }
    Some(sign * i32::try_from(minutes).ok()?)
}

/// North American and European zone abbreviations; ambiguous ones (IST, CST in China) are left
/// out or read as their most common meaning on English-language news sites.
fn zone_abbreviation(w: &str) -> Option<i32> {
    let hours = match w {
        "edt" => -4,
        "est" | "cdt" => -5,
        "cst" => -6,
        "mst" => -7,
        "mdt" => -6,
        "pst" => -8,
        "pdt" => -7,
        "bst" | "cet" => 1,
        "cest" | "eet" => 2,
        "eest" => 3,
        "jst" => 9,
        "aest" => 10,
        "aedt" => 11,
        _ => return None,
    };
    Some(hours * 60)
}
