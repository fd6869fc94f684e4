//! The language of a page that does not declare one, detected from its body text.
//!
//! Runs after the body is known, because navigation and footers in another language (a
//! site's English menu around a Spanish article) would mislead it. Uses `whatlang`'s trigram
//! model, which needs no data files; only a reliable guess on enough text is kept.

/// Characters of body text read: enough for a reliable guess, and bounds the work. 2,000: on
/// the 71 dev pages (both sets) without a declared language every guess was the same as with
/// 4,000 (and with 1,500; 1,000 changed four), and the scrapinghub pass took 9 M instructions
/// fewer (988 M -> 979 M, callgrind): whatlang counts trigrams in proportion to the sample;
/// scoring them against each language's profile is the rest of its ~25 M and does not shrink.
const MAX_CHARS: usize = 2_000;
/// Fewer characters than this give unreliable guesses on short pages (a product title).
const MIN_CHARS: usize = 200;

/// An ISO 639-1 code ("en", "de") when it has one, else ISO 639-3 ("fil").
pub fn detect(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_owned())
}

/// The two-letter code of the languages whatlang knows that have one.
fn iso639_1(code3: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    MAP.iter().find(|(c3, _)| *c3 == code3).map(|&(_, c2)| c2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_detected_and_short_text_is_not() {
        let de = "Die Bundesregierung hat am Dienstag beschlossen, die Förderung für \
                  erneuerbare Energien auszuweiten. Nach Angaben des Ministeriums sollen \
                  die Mittel vor allem in den Ausbau von Windkraft und Solaranlagen fließen, \
                  die in den kommenden Jahren deutlich zunehmen werden.";
        assert_eq!(detect(de).as_deref(), Some("de"));
        let es = "El gobierno anunció el martes un nuevo plan para ampliar las ayudas a las \
                  energías renovables. Según el ministerio, los fondos se destinarán sobre todo \
                  a la construcción de parques eólicos y plantas solares en los próximos años, \
                  con el objetivo de reducir las emisiones del país a la mitad.";
        assert_eq!(detect(es).as_deref(), Some("es"));
        assert_eq!(detect("Buy now"), None);
    }
}
