//! Dates as pages write them, turned into ISO 8601 strings.
//!
//! Understands ISO 8601 and its loose variants (`2017-11-14 15:38`, `2017/11/14`, `20171114`),
//! RFC 2822-style stamps (`Tue, 14 Nov 2017 15:38:00 GMT`), month names in English and a few
//! other European languages (`November 14, 2017`, `14. November 2017`, `Nov. 14, 2017 3:38 pm`)
//! and numeric forms (`14.11.2017` day-first; `11/14/2017` only when one reading is impossible). The output keeps what the source gave: a bare day
//! stays `YYYY-MM-DD`; a time is added only when the page gave one, and an offset only when the
//! page gave one (`Z` for a zero offset).
//!
//! Also Chinese, Japanese and Korean dates (`2017年11月14日`). Relative dates ("3 hours ago")
//! are `relative`'s job. It does no time-zone conversion and uses no date crate: the little
//! calendar arithmetic needed lives here.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use date_time::find_time;

#[path = "date_time.rs"]
mod date_time;

/// Earliest date accepted by default, 1990-01-01 in Unix seconds: older dates on web pages are
/// founding years and placeholders (`1970-01-01`), not publication dates; the web had few dated
/// articles before 1990. `Config::with_earliest_date` moves it (an archive of digitised papers).
pub const DEFAULT_EARLIEST: i64 = 631_152_000;
/// How far past "now" a date may lie: one day covers pages in time zones ahead of our clock.
const FUTURE_SLACK_SECS: i64 = 86_400;
/// Longest text looked at: datelines are short, and the cap bounds work on long junk.
const MAX_INPUT_BYTES: usize = 200;

/// A calendar date with the time of day and the UTC offset when the source gave them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Hours, minutes and seconds.
    pub time: Option<(u32, u32, u32)>,
    /// Minutes east of UTC. NOTE: only ever set together with `time`.
    pub offset: Option<i32>,
}

impl Date {
    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or `YYYY-MM-DDTHH:MM:SS±HH:MM` / `…Z`.
    pub fn to_iso(self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            let _ = write!(s, "T{h:02}:{m:02}:{sec:02}");
            match self.offset {
                Some(0) => s.push('Z'),
                Some(off) => {
                    let sign = if off < 0 { '-' } else { '+' };
                    let a = off.unsigned_abs();
                    let _ = write!(s, "{sign}{:02}:{:02}", a / 60, a % 60);
                }
                None => {}
            }
        }
        s
    }

    /// Seconds since the Unix epoch; a missing time counts as midnight, a missing offset as UTC.
    pub fn unix_secs(self) -> i64 {
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        days_from_civil(self.year, self.month, self.day) * 86_400 + i64::from(h * 3600 + m * 60 + s)
            - i64::from(self.offset.unwrap_or(0)) * 60
    }
}

/// The span a page's dates may fall in, in Unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// When the page was fetched: later dates are refused, relative ones count back from it.
    pub now: i64,
    /// Earlier dates are refused.
    pub earliest: i64,
}

impl From<i64> for Window {
    /// `now`, with the default earliest date.
    fn from(now: i64) -> Window {
        Window {
            now,
            earliest: DEFAULT_EARLIEST,
        }
    }
}

/// Parses `text` and returns it as ISO 8601 when it is a plausible publication date: not
/// before the window's earliest date and not more than a day after its `now`.
pub fn normalize(text: &str, window: impl Into<Window>) -> Option<String> {
    let w = window.into();
    let d = parse(text)?;
    // The earliest date's whole day counts, whatever time or offset the page gives.
    let day_secs = days_from_civil(d.year, d.month, d.day) * 86_400;
    if day_secs < w.earliest.div_euclid(86_400) * 86_400
        || d.unix_secs() > w.now.saturating_add(FUTURE_SLACK_SECS)
    {
        return None;
    }
    Some(d.to_iso())
}

/// The current time in Unix seconds; a clock set before 1970 rejects no date as "future".
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(i64::MAX, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Finds the first date in `text`, with the time and offset that follow it. Checks only that
/// the calendar date exists; plausibility is [`normalize`]'s job.
pub fn parse(text: &str) -> Option<Date> {
    let toks = tokenize(truncate(text, MAX_INPUT_BYTES));
    let numeric = find_numeric(&toks);
    let textual = find_textual(&toks);
    // Both forms may occur ("11/15/2017 … November 14, 2017"); the earlier one is the date the
    // text leads with.
    let found = [numeric, textual, find_cjk(&toks)]
        .into_iter()
        .flatten()
        .min_by_key(|f| f.start)
        .or_else(|| find_compact(&toks))?;
    if found.month == 0 || found.month > 12 || found.day == 0 {
        return None;
    }
    if found.day > days_in_month(found.year, found.month) {
        return None;
    }
    let (time, offset) = find_time(&toks, found.end)
        .or_else(|| find_time(&toks[..found.start], 0))
        .map_or((None, None), |(t, o)| (Some(t), o));
    Some(Date {
        year: found.year,
        month: found.month,
        day: found.day,
        time,
        offset,
    })
}

/// A month given without a day, as `YYYY-MM`, when that is all `text` says: "October 1996",
/// "Oct. 1996", "octobre 1996", "octubre de 1996", "1996年10月". Reports, papers and
/// archives date themselves so; `YYYY-MM` is ISO 8601's reduced precision, and no day is
/// made up. The whole text must be the month and year (a label or any other word refuses it):
/// "May 1996" inside a sentence, an archive link "October 1996 (12)" or a copyright line is
/// not a date of the page. Refused when the whole month lies outside the window.
pub fn month_only(text: &str, window: impl Into<Window>) -> Option<String> {
    let w = window.into();
    let text = text.trim();
    // "octubre de 1996" is the longest shape; 40 bytes leave room, not a sentence.
    if text.len() > 40 {
        return None;
    }
    let toks = tokenize(text);
    let (year, month) = match toks.as_slice() {
        // "October 1996", "Oct. 1996", "October, 1996", "octubre de 1996"
        [Tok::Word(m), rest @ ..] => {
            let rest = match rest {
                [Tok::Punct('.' | ','), r @ ..] => r,
                r => r,
            };
            let rest = match rest {
                [Tok::Word(de), r @ ..] if de == "de" => r,
                r => r,
            };
            let [y] = rest else { return None };
            let (value, digits) = num(Some(y))?;
            (year_of(value, digits)?, month_number(m)?)
        }
        // "1996年10月", "1996년 10월"
        [y, Tok::Word(year_unit), m, Tok::Word(month_unit)]
            if matches!(year_unit.as_str(), "年" | "년")
                && matches!(month_unit.as_str(), "月" | "월") =>
        {
            let (value, digits) = num(Some(y))?;
            let (month, 1 | 2) = num(Some(m))? else {
                return None;
            };
            (year_of(value, digits)?, month)
        }
        _ => return None,
    };
    if !(1..=12).contains(&month) {
        return None;
    }
    let first = days_from_civil(year, month, 1) * 86_400;
    let last = days_from_civil(year, month, days_in_month(year, month)) * 86_400;
    if last < w.earliest.div_euclid(86_400) * 86_400
        || first > w.now.saturating_add(FUTURE_SLACK_SECS)
    {
        return None;
    }
    Some(format!("{year:04}-{month:02}"))
}

/// Whether `text` is short and holds a year from 1990 to 2099: the cheap test, run on every
/// text node of the page, for text that may be an unmarked dateline.
pub fn has_year(text: &str) -> bool {
    let t = text.trim();
    // 80 bytes: "Published Tuesday, 14 November 2017, 15:38 CET" and some room, not a sentence.
    if t.len() < 4 || t.len() > 80 {
        return false;
    }
    let b = t.as_bytes();
    (0..=b.len() - 4).any(|i| {
        let century = matches!(
            (b[i], b[i + 1], b[i + 2]),
            (b'1', b'9', b'9') | (b'2', b'0', _)
        );
        century
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Whether `word` (lower-case) is a weekday name or abbreviation, which bylines carry
/// alongside dates ("Jane Doe, Tuesday").
pub fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
    )
}

/// The month number of a month name or abbreviation (lower-case), English first, then German,
/// French, Spanish, Italian, Dutch and Portuguese full names.
pub fn month_number(word: &str) -> Option<u32> {
    let m = match word {
        "jan" | "january" | "januar" | "jänner" | "janvier" | "enero" | "gennaio" | "januari"
        | "janeiro" => 1,
        "feb" | "february" | "februar" | "février" | "fevrier" | "febrero" | "febbraio"
        | "februari" | "fevereiro" => 2,
        "mar" | "march" | "märz" | "maerz" | "mars" | "marzo" | "maart" | "março" | "marco" => 3,
        "apr" | "april" | "avril" | "abril" | "aprile" => 4,
        "may" | "mai" | "mayo" | "maggio" | "mei" | "maio" => 5,
        "jun" | "june" | "juni" | "juin" | "junio" | "giugno" | "junho" => 6,
        "jul" | "july" | "juli" | "juillet" | "julio" | "luglio" | "julho" => 7,
        "aug" | "august" | "août" | "aout" | "agosto" | "augustus" => 8,
        "sep" | "sept" | "september" | "septembre" | "septiembre" | "setiembre" | "settembre"
        | "setembro" => 9,
        "oct" | "october" | "oktober" | "octobre" | "octubre" | "ottobre" | "outubro" => 10,
        "nov" | "november" | "novembre" | "noviembre" | "novembro" => 11,
        "dec" | "december" | "dezember" | "décembre" | "decembre" | "diciembre" | "dicembre"
        | "dezembro" => 12,
        _ => return None,
    };
    Some(m)
}

/// The month number of a short month name (lower-case) in Spanish, Italian, Portuguese,
/// French, German and Dutch that [`month_number`] does not hold: CMS date formats such as
/// `%d-%b-%Y` write them ("04-ago-2021", "12-giu-2020", "3 out 2019"). Kept apart from
/// [`month_number`] because some are also short words ("ago", "set", "out"): they count as a
/// month only between a day and a year, never as a month name in a byline.
fn month_abbreviation(word: &str) -> Option<u32> {
    let m = match word.trim_end_matches('.') {
        "ene" | "gen" | "janv" | "jän" => 1,
        "fev" | "févr" | "fevr" => 2,
        "mär" | "mrt" => 3,
        "abr" | "avr" => 4,
        "mag" => 5,
        "giu" => 6,
        "lug" | "juil" => 7,
        "ago" => 8,
        "set" => 9,
        "ott" | "out" | "okt" => 10,
        "dic" | "dez" | "déc" => 12,
        _ => return None,
    };
    Some(m)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A run of ASCII digits; `value` saturates, `digits` counts them.
    Num {
        value: u32,
        digits: u32,
    },
    /// A run of letters, lower-cased.
    Word(String),
    Punct(char),
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let (mut value, mut digits) = (c.to_digit(10).unwrap_or(0), 1u32);
            while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(d.to_digit(10).unwrap_or(0));
                digits += 1;
                chars.next();
            }
            toks.push(Tok::Num { value, digits });
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek().filter(|(_, d)| d.is_alphabetic()) {
                end = j + d.len_utf8();
                chars.next();
            }
            toks.push(Tok::Word(s[i..end].to_lowercase()));
        } else if !c.is_whitespace() {
            toks.push(Tok::Punct(c));
        }
    }
    toks
}

/// A calendar date found in the tokens, with the token range it spans.
#[derive(Clone, Copy, Debug)]
struct Found {
    year: i32,
    month: u32,
    day: u32,
    start: usize,
    /// One past the date's last token: the time is looked for from here.
    end: usize,
}

fn num(t: Option<&Tok>) -> Option<(u32, u32)> {
    match t {
        Some(&Tok::Num { value, digits }) => Some((value, digits)),
        _ => None,
    }
}

fn year_of(value: u32, digits: u32) -> Option<i32> {
    (digits == 4).then(|| i32::try_from(value).ok()).flatten()
}

/// Three numbers from token `i` with the same punctuation mark between them ("14.11.2017"):
/// each with its digit count, and the mark.
fn numeric_triple(toks: &[Tok], i: usize) -> Option<([(u32, u32); 3], char)> {
    let first = num(toks.get(i))?;
    let second = num(toks.get(i + 2))?;
    let third = num(toks.get(i + 4))?;
    match (toks.get(i + 1), toks.get(i + 3)) {
        (Some(Tok::Punct(s1)), Some(Tok::Punct(s2))) if s1 == s2 => {
            Some(([first, second, third], *s1))
        }
        _ => None,
    }
}

/// `Y-M-D`, `Y/M/D`, `Y.M.D`, `D.M.Y`, `D-M-Y`, and `M/D/Y` or `D/M/Y` when unambiguous.
fn find_numeric(toks: &[Tok]) -> Option<Found> {
    for i in 0..toks.len().saturating_sub(4) {
        let Some(([(a, ad), (b, bd), (c, cd)], s1)) = numeric_triple(toks, i) else {
            continue;
        };
        if !matches!(s1, '-' | '/' | '.') || bd > 2 {
            continue;
        }
        let (year, month, day) = if let Some(y) = year_of(a, ad) {
            if cd > 2 {
                continue;
            }
            (y, b, c)
        } else if let (Some(y), true) = (year_of(c, cd), ad <= 2) {
            match s1 {
                // Slashes and dashes are month-first in the US and day-first elsewhere: read
                // them only when one reading is impossible ("03-09-2026" is refused).
                '/' | '-' if a > 12 => (y, b, a),
                '/' | '-' if b > 12 || a == b => (y, a, b),
                '/' | '-' => continue,
                // Dotted forms are day-first wherever they are used.
                _ => (y, b, a),
            }
        } else {
            continue;
        };
        return Some(Found {
            year,
            month,
            day,
            start: i,
            end: i + 5,
        });
    }
    None
}

/// The two readings, month-first then day-first, of a slash or dash date whose first two
/// numbers could each be the month ("02-12-2025"), which [`parse`] refuses: `(year, month,
/// day)` each. `None` when the text's first such pattern reads only one way or is no date.
pub fn ambiguous_readings(text: &str) -> Option<[(i32, u32, u32); 2]> {
    let toks = tokenize(truncate(text, MAX_INPUT_BYTES));
    for i in 0..toks.len().saturating_sub(4) {
        let Some(([(a, ad), (b, bd), (c, cd)], s1)) = numeric_triple(&toks, i) else {
            continue;
        };
        if !matches!(s1, '-' | '/') || ad > 2 || bd > 2 {
            continue;
        }
        let Some(y) = year_of(c, cd) else {
            continue;
        };
        if a == 0 || b == 0 || a > 12 || b > 12 || a == b {
            return None;
        }
        return Some([(y, a, b), (y, b, a)]);
    }
    None
}

/// `20171114` as the first token.
fn find_compact(toks: &[Tok]) -> Option<Found> {
    let (v, 8) = num(toks.first())? else {
        return None;
    };
    Some(Found {
        year: i32::try_from(v / 10_000).ok()?,
        month: v / 100 % 100,
        day: v % 100,
        start: 0,
        end: 1,
    })
}

/// Tokens that sit between the parts of a written date: "14th of November, 2017", "14 de
/// noviembre de 2017", "Nov. 14".
fn is_filler(t: &Tok) -> bool {
    match t {
        Tok::Punct(c) => matches!(c, ',' | '.'),
        Tok::Word(w) => matches!(
            w.as_str(),
            "of" | "de" | "del" | "the" | "st" | "nd" | "rd" | "th" | "er" | "º"
        ),
        Tok::Num { .. } => false,
    }
}

fn next_sig(toks: &[Tok], mut i: usize) -> usize {
    while toks.get(i).is_some_and(is_filler) {
        i += 1;
    }
    i
}

fn prev_sig(toks: &[Tok], mut i: usize) -> Option<usize> {
    loop {
        i = i.checked_sub(1)?;
        if !is_filler(&toks[i]) {
            return Some(i);
        }
    }
}

fn day_at(toks: &[Tok], i: Option<usize>) -> Option<u32> {
    match num(toks.get(i?))? {
        (d, 1 | 2) => Some(d),
        _ => None,
    }
}

fn year_at(toks: &[Tok], i: Option<usize>) -> Option<i32> {
    let (v, d) = num(toks.get(i?))?;
    year_of(v, d)
}

/// A month name with a day and a four-digit year around it, in any of the usual orders.
fn find_textual(toks: &[Tok]) -> Option<Found> {
    for (mi, t) in toks.iter().enumerate() {
        let Tok::Word(w) = t else { continue };
        let Some(month) = month_number(w).or_else(|| month_abbreviation(w)) else {
            continue;
        };
        // "04-Aug-2021": dashes on both sides of a month name join it to its day and year.
        let dashed = punct_at(toks, mi + 1, '-') && mi > 0 && punct_at(toks, mi - 1, '-');
        let after = next_sig(toks, mi + 1 + usize::from(dashed));
        let before = prev_sig(toks, mi - usize::from(dashed));
        // "November 14, 2017", "Nov. 14 2017 3:38 pm"
        if let Some(day) = day_at(toks, Some(after)) {
            let y = next_sig(toks, after + 1);
            if let Some(year) = year_at(toks, Some(y)) {
                return Some(Found {
                    year,
                    month,
                    day,
                    start: mi,
                    end: y + 1,
                });
            }
        }
        // "14 November 2017", "14. November 2017", "Tue, 14 Nov 2017 15:38:00 GMT"
        if let Some(day) = day_at(toks, before) {
            let y = after;
            if let Some(year) = year_at(toks, Some(y)) {
                return Some(Found {
                    year,
                    month,
                    day,
                    start: before.unwrap_or(mi),
                    end: y + 1,
                });
            }
        }
        // "2017 Nov 14", "2017. november 14."
        if let (Some(year), Some(day)) = (year_at(toks, before), day_at(toks, Some(after))) {
            return Some(Found {
                year,
                month,
                day,
                start: before.unwrap_or(mi),
                end: after + 1,
            });
        }
    }
    None
}

/// Chinese, Japanese and Korean dates: "2017年11月14日", "2017년 11월 14일".
fn find_cjk(toks: &[Tok]) -> Option<Found> {
    let unit = |i: usize, chinese: &str, korean: &str| {
        word_at(toks, i).is_some_and(|w| w.starts_with(chinese) || w.starts_with(korean))
    };
    (0..toks.len()).find_map(|i| {
        let (y, 4) = num(toks.get(i))? else {
            return None;
        };
        if !(unit(i + 1, "年", "년") && unit(i + 3, "月", "월") && unit(i + 5, "日", "일")) {
            return None;
        }
        let (month, 1 | 2) = num(toks.get(i + 2))? else {
            return None;
        };
        let (day, 1 | 2) = num(toks.get(i + 4))? else {
            return None;
        };
        Some(Found {
            year: i32::try_from(y).ok()?,
            month,
            day,
            start: i,
            end: i + 6,
        })
    })
}

fn word_at(toks: &[Tok], i: usize) -> Option<&str> {
    match toks.get(i) {
        Some(Tok::Word(w)) => Some(w),
        _ => None,
    }
}

fn punct_at(toks: &[Tok], i: usize, c: char) -> bool {
    toks.get(i) == Some(&Tok::Punct(c))
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
