//! The body-text metric of the Scrapinghub article-extraction benchmark.
//!
//! Texts are compared as multisets of 4-token shingles, where a token is a match
//! of the Unicode-aware regex `\w+`. Each page's true/false positive/negative
//! counts are normalised by their sum so every page weighs the same, and the
//! dataset scores are means of page precision and recall (F1 is taken of the two
//! means, not averaged over pages). The published numbers depend on every detail
//! here, so the rules below follow `shared/eval/README.md` literally.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Number of consecutive tokens in one shingle.
pub const SHINGLE_LEN: usize = 4;

/// The benchmark's `\w` is Python's (`re.findall(r"\w+", text)` on `str`):
/// a character is a word character when `ch.isalnum() or ch == "_"`, i.e. a
/// letter (L*) or a number (N*) or `_`. The `regex` crate's Unicode `\w` is
/// wider: it also takes combining marks (M*, e.g. Arabic vowel signs, the emoji
/// variation selector U+FE0F) and joiners (U+200D), and narrower on numbers
/// (only Nd, so not `½`). Those differences move trafilatura's published
/// F1 0.958 / R 0.978 to 0.957 / 0.977, so the Python class is spelled out.
pub const WORD_CLASS: &str = r"[\p{L}\p{N}_]";

/// Word-character bits for the Basic Multilingual Plane, computed once from
/// [`WORD_CLASS`] so the hot loop never runs a regex for common scripts.
static BMP_WORD: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let all: String = (0u32..0x1_0000).filter_map(char::from_u32).collect();
    let runs = Regex::new(&format!("{WORD_CLASS}+")).expect("valid regex");
    let mut bits = vec![0u64; 0x1_0000 / 64];
    // Code points are in order, so each match is a run of consecutive word chars.
    for m in runs.find_iter(&all) {
        for c in m.as_str().chars() {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }
    bits
});

/// Classifies characters outside the BMP (rare) with [`WORD_CLASS`].
static WORD_CHAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{WORD_CLASS}$")).expect("valid regex"));

/// Whether `c` is a word character (see [`WORD_CLASS`]).
pub fn is_word_char(c: char) -> bool {
    let n = c as usize;
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else if n < 0x1_0000 {
        BMP_WORD[n / 64] & (1 << (n % 64)) != 0
    } else {
        let mut buf = [0u8; 4];
        WORD_CHAR.is_match(c.encode_utf8(&mut buf))
    }
}

/// All maximal runs of word characters (Python's Unicode `\w+`) in `text`, in
/// order. No case folding.
///
/// Same result as `Regex::new("[\p{L}\p{N}_]+").find_iter(text)`, but a
/// hand-written scan with an ASCII fast path is several times faster.
pub fn tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    // Length of the char at `i` if it is (`want` = true) or is not a word char,
    // else None. `i` is always on a char boundary: it only advances by whole chars.
    let step = |i: usize, want: bool| -> Option<usize> {
        let b = bytes[i];
        if b.is_ascii() {
            ((b.is_ascii_alphanumeric() || b == b'_') == want).then_some(1)
        } else {
            let c = text[i..].chars().next().expect("non-empty");
            (is_word_char(c) == want).then(|| c.len_utf8())
        }
    };
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    // Two tight loops (skip a gap, then take a word) predict better than one
    // loop with a state match per byte.
    while i < bytes.len() {
        while let Some(n) = (i < bytes.len()).then(|| step(i, false)).flatten() {
            i += n;
        }
        let start = i;
        while let Some(n) = (i < bytes.len()).then(|| step(i, true)).flatten() {
            i += n;
        }
        if i > start {
            out.push(&text[start..i]);
        }
    }
    out
}

/// The shingles of a token list, in order: every window of [`SHINGLE_LEN`]
/// tokens; a shorter non-empty list is a single shingle of all its tokens; an
/// empty list has none.
pub fn shingles<T>(tokens: &[T]) -> impl Iterator<Item = &[T]> {
    // `windows` yields nothing for short inputs, so the short case is chained in
    // separately; exactly one of the two iterators is non-empty.
    let short = (!tokens.is_empty() && tokens.len() < SHINGLE_LEN).then_some(tokens);
    tokens.windows(SHINGLE_LEN).chain(short)
}

/// Scores of one page.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PageCounts {
    /// Shared shingles, normalised by `tp + fp + fn` (all three are 0 when both texts are empty).
    pub tp: f64,
    /// Shingles only in the prediction (normalised).
    pub fp: f64,
    /// Shingles only in the gold text (normalised).
    #[serde(rename = "fn")]
    pub fn_: f64,
    /// Page precision, `None` when the page does not count towards dataset
    /// precision (`tp + fp == 0`: nothing was predicted).
    pub precision: Option<f64>,
    /// Page recall, `None` when the page does not count towards dataset recall
    /// (`tp + fn == 0`: the gold text is empty).
    pub recall: Option<f64>,
    /// The token lists of gold and prediction are identical.
    pub exact: bool,
}

impl PageCounts {
    /// Harmonic mean of this page's precision and recall, for ranking pages.
    ///
    /// A missing side counts as 0, except when the token lists are equal (both
    /// texts empty is a perfect answer, not a failure).
    pub fn f1(&self) -> f64 {
        if self.exact {
            return 1.0;
        }
        harmonic(self.precision.unwrap_or(0.0), self.recall.unwrap_or(0.0))
    }
}

/// `2pr/(p+r)`, 0 when both are 0.
pub fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Raw (unnormalised) multiset counts of shingles: `(tp, fp, fn)`.
pub fn raw_counts(gold: &[&str], pred: &[&str]) -> (u64, u64, u64) {
    // Tokens are interned to small ids so a shingle becomes one integer key:
    // sorting those is much cheaper than hashing four strings per shingle.
    let mut ids: HashMap<&str, u32, FastHash> =
        HashMap::with_capacity_and_hasher(gold.len() + pred.len(), FastHash);
    let gold = intern(&mut ids, gold);
    let pred = intern(&mut ids, pred);
    // Four ids of 16 bits fit one u64 key, which sorts faster than u128; a
    // page with more distinct tokens than that falls back to 32-bit ids.
    if ids.len() < usize::from(u16::MAX) {
        merge_count(
            shingle_keys::<u64>(&gold, 16),
            shingle_keys::<u64>(&pred, 16),
        )
    } else {
        merge_count(
            shingle_keys::<u128>(&gold, 32),
            shingle_keys::<u128>(&pred, 32),
        )
    }
}

/// `(tp, fp, fn)` of two shingle-key lists, by sorting both and merging: a
/// match consumes one occurrence on each side, which is exactly
/// Σ min(count_true, count_pred); the leftovers are the excesses.
fn merge_count<K: Ord>(mut gold: Vec<K>, mut pred: Vec<K>) -> (u64, u64, u64) {
    gold.sort_unstable();
    pred.sort_unstable();
    let (mut i, mut j, mut tp) = (0, 0, 0usize);
    while i < gold.len() && j < pred.len() {
        match gold[i].cmp(&pred[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                tp += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let wide = |n: usize| u64::try_from(n).expect("fits u64");
    (wide(tp), wide(pred.len() - tp), wide(gold.len() - tp))
}

/// Maps each token to its id in `ids`, giving new tokens the next free id.
fn intern<'a>(ids: &mut HashMap<&'a str, u32, FastHash>, toks: &[&'a str]) -> Vec<u32> {
    toks.iter()
        .map(|t| {
            let next = u32::try_from(ids.len()).expect("fewer than 2^32 distinct tokens");
            *ids.entry(t).or_insert(next)
        })
        .collect()
}

/// Shingles of interned tokens packed into one integer key, `bits` per id. A
/// short shingle is padded with all-ones, which no id reaches (the caller
/// checks the id range), so keys of different lengths differ.
fn shingle_keys<K>(ids: &[u32], bits: u32) -> Vec<K>
where
    K: From<u32> + std::ops::Shl<u32, Output = K> + std::ops::BitOr<Output = K>,
{
    let pad = (1u32 << (bits - 1) << 1).wrapping_sub(1);
    shingles(ids)
        .map(|s| {
            (0..SHINGLE_LEN).fold(K::from(0), |key, i| {
                (key << bits) | K::from(s.get(i).copied().unwrap_or(pad))
            })
        })
        .collect()
}

/// A small multiply-rotate hasher (the FxHash scheme) with a final mix. The
/// keys are our own token strings and ids, so resistance to crafted collisions
/// (what std's SipHash pays for) is not needed here.
#[derive(Clone, Copy, Default)]
struct FastHash;

impl std::hash::BuildHasher for FastHash {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        // Fx leaves the low bits weak; hashbrown picks buckets from them.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// Scores one page from its gold and predicted texts.
pub fn page_counts(gold: &str, pred: &str) -> PageCounts {
    page_counts_tokens(&tokens(gold), &tokens(pred))
}

/// Scores one page from already tokenised texts.
pub fn page_counts_tokens(gold: &[&str], pred: &[&str]) -> PageCounts {
    let (tp, fp, fn_) = raw_counts(gold, pred);
    #[allow(clippy::cast_precision_loss)] // shingle counts are far below 2^52
    let (mut tp, mut fp, mut fn_) = (tp as f64, fp as f64, fn_ as f64);
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        tp /= sum;
        fp /= sum;
        fn_ /= sum;
    }
    // The special cases are checked in the README's order: "fp = fn = 0" wins
    // over "tp = fp = 0". Which pages count at all is decided separately below,
    // on tp + fp and tp + fn.
    let perfect = fp == 0.0 && fn_ == 0.0;
    let page_precision = if perfect {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    };
    let page_recall = if perfect {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    };
    PageCounts {
        tp,
        fp,
        fn_,
        precision: (tp + fp > 0.0).then_some(page_precision),
        recall: (tp + fn_ > 0.0).then_some(page_recall),
        exact: gold == pred,
    }
}

/// Dataset-level body scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Pages scored.
    pub pages: usize,
    /// `2PR/(P+R)` of the mean precision and mean recall.
    pub f1: f64,
    /// Mean page precision over pages with `tp + fp > 0` (0 when there are none).
    pub precision: f64,
    /// Mean page recall over pages with `tp + fn > 0` (0 when there are none).
    pub recall: f64,
    /// Share of pages whose token list equals the gold one.
    pub accuracy: f64,
}

/// Aggregates page scores into dataset scores, following the README.
pub fn aggregate<'a>(pages: impl IntoIterator<Item = &'a PageCounts>) -> Scores {
    let (mut n, mut exact) = (0usize, 0usize);
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0usize, 0.0, 0usize);
    for c in pages {
        n += 1;
        exact += usize::from(c.exact);
        if let Some(p) = c.precision {
            p_sum += p;
            p_n += 1;
        }
        if let Some(r) = c.recall {
            r_sum += r;
            r_n += 1;
        }
    }
    let precision = mean(p_sum, p_n);
    let recall = mean(r_sum, r_n);
    Scores {
        pages: n,
        f1: harmonic(precision, recall),
        precision,
        recall,
        accuracy: mean(usize_f64(exact), n),
    }
}

fn mean(sum: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        sum / usize_f64(n)
    }
}

#[allow(clippy::cast_precision_loss)] // page and snippet counts are small
pub(crate) fn usize_f64(n: usize) -> f64 {
    n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_are_unicode_words_without_case_folding() {
        assert_eq!(
            tokens("Café au lait, s'il-vous_plaît! 42"),
            ["Café", "au", "lait", "s", "il", "vous_plaît", "42"]
        );
        // CJK ideographs are word characters; a run without spaces is one token.
        assert_eq!(tokens("東京は 晴れ。"), ["東京は", "晴れ"]);
        assert_eq!(tokens("Привет мир"), ["Привет", "мир"]);
        assert!(tokens("  ... — !? ").is_empty());
        assert_ne!(tokens("The"), tokens("the"));
        // Python's \w: numbers of any kind are word characters, combining marks
        // and joiners are not (so a decomposed "cafe\u{301}" loses its accent).
        assert_eq!(tokens("1½ cups"), ["1½", "cups"]);
        assert_eq!(tokens("cafe\u{301} ok"), ["cafe", "ok"]);
        assert_eq!(tokens("👍\u{fe0f}a\u{200d}b"), ["a", "b"]);
        assert_eq!(tokens("كَتَبَ"), ["ك", "ت", "ب"]);
        assert_eq!(tokens("Ⓐ x²"), ["x²"]);
        // Outside the BMP: a math letter is a word char, an emoji is not.
        assert_eq!(tokens("𝐀𝐁 🙂 𠀋"), ["𝐀𝐁", "𠀋"]);
    }

    #[test]
    fn scanner_agrees_with_the_regex() {
        let re = Regex::new(&format!("{WORD_CLASS}+")).unwrap();
        let text = "Señor O'Neil_2 — «naïve» 1½ ² Ⅻ हिन्दी 東京、ｶﾀｶﾅ 한국어 \
                    e\u{301} 👍\u{fe0f} a\u{200d}b ẞ ǅ ʰ 〇 ١٢٣ x";
        let expected: Vec<&str> = re.find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(tokens(text), expected);
        // Pinned from Python 3: re.findall(r"\w+", text).
        let python = [
            "Señor",
            "O",
            "Neil_2",
            "naïve",
            "1½",
            "²",
            "Ⅻ",
            "ह",
            "न",
            "द",
            "東京",
            "ｶﾀｶﾅ",
            "한국어",
            "e",
            "a",
            "b",
            "ẞ",
            "ǅ",
            "ʰ",
            "〇",
            "١٢٣",
            "x",
        ];
        assert_eq!(tokens(text), python);
    }

    #[test]
    fn shingles_windows_short_and_empty() {
        let t = tokens("a b c d e");
        let s: Vec<_> = shingles(&t).collect();
        assert_eq!(s, [&["a", "b", "c", "d"][..], &["b", "c", "d", "e"][..]]);
        let t = tokens("a b c");
        assert_eq!(shingles(&t).collect::<Vec<_>>(), [&["a", "b", "c"][..]]);
        let t = tokens("a b c d");
        assert_eq!(shingles(&t).count(), 1);
        assert_eq!(shingles::<&str>(&[]).count(), 0);
    }

    #[test]
    fn identical_texts_are_perfect_and_exact() {
        let c = page_counts("one two three four five", "one  two\nthree, four; five");
        assert_eq!((c.tp, c.fp, c.fn_), (1.0, 0.0, 0.0));
        assert_eq!((c.precision, c.recall), (Some(1.0), Some(1.0)));
        assert!(c.exact);
    }

    #[test]
    fn both_empty_counts_nowhere_but_is_exact() {
        let c = page_counts("", " -- ");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.0, 0.0));
        assert_eq!((c.precision, c.recall), (None, None));
        assert!(c.exact);
        assert_eq!(c.f1(), 1.0);
    }

    #[test]
    fn empty_prediction_is_zero_recall_and_absent_from_precision() {
        let c = page_counts("one two three four five", "");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.0, 1.0));
        assert_eq!((c.precision, c.recall), (None, Some(0.0)));
        assert!(!c.exact);
        assert_eq!(c.f1(), 0.0);
    }

    #[test]
    fn empty_gold_is_zero_precision_and_absent_from_recall() {
        let c = page_counts("", "boilerplate menu item here");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 1.0, 0.0));
        assert_eq!((c.precision, c.recall), (Some(0.0), None));
    }

    #[test]
    fn disjoint_texts_score_zero() {
        let c = page_counts("a b c d", "w x y z");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.5, 0.5));
        assert_eq!((c.precision, c.recall), (Some(0.0), Some(0.0)));
    }

    #[test]
    fn partial_overlap_is_normalised() {
        // gold shingles: abcd bcde cdef; pred: abcd bcde cdex dexy
        let c = page_counts("a b c d e f", "a b c d e x y");
        assert!(close(c.tp, 2.0 / 5.0) && close(c.fp, 2.0 / 5.0) && close(c.fn_, 1.0 / 5.0));
        assert!(close(c.precision.unwrap(), 0.5));
        assert!(close(c.recall.unwrap(), 2.0 / 3.0));
        assert!(close(c.f1(), harmonic(0.5, 2.0 / 3.0)));
    }

    #[test]
    fn fewer_than_four_tokens_is_one_shingle() {
        assert_eq!(page_counts("Hello world", "Hello, world!").tp, 1.0);
        // A 3-token text never matches a 4-token window of a longer text.
        let c = page_counts("a b c", "a b c d");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.5, 0.5));
        assert_eq!(raw_counts(&["x"], &["x", "x"]), (0, 1, 1));
    }

    #[test]
    fn unicode_words_match_across_punctuation() {
        let c = page_counts("Le café est très bon", "« Le café » est très bon.");
        assert!(c.exact);
        let c = page_counts("東京 大阪 京都 奈良 神戸", "東京 大阪 京都 奈良");
        assert_eq!(
            raw_counts(
                &tokens("東京 大阪 京都 奈良 神戸"),
                &tokens("東京 大阪 京都 奈良")
            ),
            (1, 0, 1)
        );
        assert_eq!((c.precision, c.recall), (Some(1.0), Some(0.5)));
    }

    #[test]
    fn shingles_are_counted_as_multisets() {
        let gold = tokens("a b c d a b c d");
        // gold shingles: abcd x2, bcda, cdab, dabc
        assert_eq!(raw_counts(&gold, &tokens("a b c d")), (1, 0, 4));
        assert_eq!(raw_counts(&tokens("a b c d"), &gold), (1, 4, 0));
        // Predicting a repeated paragraph three times: the extra copy is a false positive.
        let pred = tokens("a b c d a b c d a b c d");
        assert_eq!(raw_counts(&gold, &pred), (5, 4, 0));
        let c = page_counts_tokens(&gold, &pred);
        assert!(close(c.precision.unwrap(), 5.0 / 9.0));
        assert_eq!(c.recall, Some(1.0));
    }

    #[test]
    fn dataset_means_skip_absent_pages_and_f1_is_of_means() {
        let pages = [
            page_counts("a b c d e f", "a b c d e f"), // P 1, R 1
            page_counts("a b c d e f", ""),            // P absent, R 0
            page_counts("", "x y z"),                  // P 0, R absent
            page_counts("", ""),                       // absent from both, exact
        ];
        let s = aggregate(&pages);
        assert_eq!(s.pages, 4);
        assert!(close(s.precision, 0.5));
        assert!(close(s.recall, 0.5));
        assert!(close(s.f1, 0.5));
        assert!(close(s.accuracy, 0.5));
        // F1 of means, not mean of page F1s.
        let pages = [
            page_counts("a b c d e", "a b c d"),
            page_counts("a b c d e", "a b c d e f g h"),
        ];
        let s = aggregate(&pages);
        assert!(close(s.precision, (1.0 + 2.0 / 5.0) / 2.0));
        assert!(close(s.recall, (0.5 + 1.0) / 2.0));
        assert!(close(s.f1, harmonic(s.precision, s.recall)));
        assert_eq!(aggregate(&[]), Scores::default());
    }
}
