//! Relative dates as pages show them ("3 hours ago", "hace 3 días", "vor 2 Tagen", "il y a
//! 5 jours", "yesterday"), turned into a calendar day counted back from a reference time.
//!
//! Only units that still name a day are read (minutes, hours, days, weeks): "3 months ago" is
//! a month wide, so it is refused rather than guessed. The reference time is the caller's:
//! the page's capture time when known, else the clock.

use super::date::days_from_civil;

/// Seconds per unit word, in English, Spanish, German, French, Italian, Portuguese and Dutch.
/// A word matches when it starts with one of these stems ("hours", "horas", "Stunden").
const UNITS: &[(&str, i64)] = &[
    ("minute", 60),
    ("min", 60),
    ("minuto", 60),
    ("hour", 3_600),
    ("hr", 3_600),
    ("hora", 3_600),
    ("stunde", 3_600),
    ("heure", 3_600),
    ("ora", 3_600),
    ("ore", 3_600),
    ("uur", 3_600),
    ("day", 86_400),
    ("día", 86_400),
    ("dia", 86_400),
    ("tag", 86_400),
    ("jour", 86_400),
    ("giorn", 86_400),
    ("dag", 86_400),
    ("week", 604_800),
    ("semana", 604_800),
    ("woche", 604_800),
    ("semaine", 604_800),
    ("settiman", 604_800),
];

/// Words that make "N unit" a time in the past: before the number ("hace", "vor", "il y a",
/// "há") or after the unit ("ago", "fa", "geleden").
const PAST_BEFORE: &[&str] = &["hace", "vor", "il y a", "há"];
const PAST_AFTER: &[&str] = &["ago", "fa", "geleden", "atrás"];

/// Words for yesterday and today.
const YESTERDAY: &[&str] = &[
    "yesterday",
    "ayer",
    "gestern",
    "hier",
    "ieri",
    "ontem",
    "gisteren",
];
const TODAY: &[&str] = &[
    "today",
    "hoy",
    "heute",
    "aujourd'hui",
    "oggi",
    "hoje",
    "vandaag",
];

/// Longest text read: relative dates stand alone in short labels.
const MAX_CHARS: usize = 60;

/// The day `text` points at, counted back from `now` (Unix seconds), as `YYYY-MM-DD`.
pub fn resolve(text: &str, now: i64) -> Option<String> {
    if text.chars().count() > MAX_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let back = if words.iter().any(|w| YESTERDAY.contains(w)) {
        Some(86_400)
    } else if words.iter().any(|w| TODAY.contains(w)) {
        Some(0)
    } else {
        ago(&words, &lower)
    }?;
    Some(day_iso(now.checked_sub(back)?))
}

/// Seconds back for "N unit ago" and its translations.
fn ago(words: &[&str], lower: &str) -> Option<i64> {
    let past_before = PAST_BEFORE.iter().any(|p| {
        // Multi-word markers ("il y a") are matched in the text, single words as words.
        if p.contains(' ') {
            lower.contains(p)
        } else {
            words.contains(p)
        }
    });
    let past_after = words.iter().any(|w| PAST_AFTER.contains(w));
    if !(past_before || past_after) {
        return None;
    }
    words.windows(2).find_map(|pair| {
        let n: i64 = pair[0].parse().ok()?;
        let unit = UNITS
            .iter()
            .find(|(stem, _)| pair[1].starts_with(stem))
            .map(|&(_, secs)| secs)?;
        n.checked_mul(unit)
    })
}

/// `YYYY-MM-DD` of a Unix time (UTC).
fn day_iso(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The inverse of [`days_from_civil`] (Howard Hinnant's `civil_from_days`).
pub(super) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    debug_assert_eq!(
        days_from_civil(i32::try_from(y).unwrap_or(0), m, d),
        z - 719_468
    );
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2017-11-14T15:38:00Z.
    const NOW: i64 = 1_510_673_880;

    #[test]
    fn english_counts_back_from_the_reference_time() {
        assert_eq!(resolve("3 days ago", NOW).as_deref(), Some("2017-11-11"));
        assert_eq!(
            resolve("Posted 16 hours ago", NOW).as_deref(),
            Some("2017-11-13")
        );
        assert_eq!(resolve("2 weeks ago", NOW).as_deref(), Some("2017-10-31"));
        assert_eq!(resolve("Yesterday", NOW).as_deref(), Some("2017-11-13"));
        assert_eq!(resolve("today at 9:00", NOW).as_deref(), Some("2017-11-14"));
    }

    #[test]
    fn spanish_german_french_and_italian() {
        assert_eq!(resolve("hace 3 días", NOW).as_deref(), Some("2017-11-11"));
        assert_eq!(resolve("vor 2 Tagen", NOW).as_deref(), Some("2017-11-12"));
        assert_eq!(
            resolve("il y a 5 jours", NOW).as_deref(),
            Some("2017-11-09")
        );
        assert_eq!(resolve("4 giorni fa", NOW).as_deref(), Some("2017-11-10"));
        assert_eq!(
            resolve("gestern, 10:15", NOW).as_deref(),
            Some("2017-11-13")
        );
    }

    #[test]
    fn months_numbers_without_a_past_marker_and_long_text_are_refused() {
        assert_eq!(resolve("3 months ago", NOW), None);
        assert_eq!(resolve("3 days", NOW), None);
        assert_eq!(
            resolve(
                "In the last 3 days ago we wrote a very long sentence, far too long for a label",
                NOW
            ),
            None
        );
    }

    #[test]
    fn calendar_round_trips() {
        for days in [-800_000, -1, 0, 59, 60, 11_016, 17_484, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(i32::try_from(y).unwrap(), m, d), days);
        }
    }
}
