//! The words that label a date in visible text — a fact box's "Published", an "Updated" —
//! in the languages the dates are read in, and the search for the first of a kind.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// What a fact box calls a publication date, whole: English, German, French, Spanish,
/// Italian, Portuguese, Dutch, Chinese and Japanese.
pub(super) const DATE_LABELS: &[&str] = &[
    "date",
    "published",
    "publication date",
    "date published",
    "datum",
    "erscheinungsdatum",
    "veröffentlicht",
    "date de publication",
    "publié",
    "fecha",
    "fecha de publicación",
    "publicado",
    "data",
    "data di pubblicazione",
    "data de publicação",
    "publicatiedatum",
    "日期",
    "发布日期",
    "日付",
    "発行日",
];

/// How pages introduce a modification date: English, German, French, Spanish, then Italian,
/// Portuguese, Dutch, Polish, Russian, Chinese and Japanese (the words a CMS's locale files
/// use for "updated").
pub(super) const UPDATE_LABELS: &[&str] = &[
    "updated",
    "updated on",
    "updated at",
    "modified",
    "modified on",
    "last edited",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
    "zaktualizowano",
    "обновлено",
    "更新于",
    "更新時間",
    "更新时间",
    "更新日",
];

/// Words that introduce a publication date in visible text, in the same languages.
const PUBLISH_LABELS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
    "опубликовано",
    "发布于",
    "发布时间",
    "發佈於",
    "公開日",
    "投稿日",
];

/// Where the first label of the wanted kind starts in lower-cased `text`. One automaton per
/// list: a search per label word (32 of them) cost 13 M instructions a scrapinghub pass.
pub(super) fn first_label(which: Which, text: &str) -> Option<usize> {
    static PUBLISH: LazyLock<AhoCorasick> = LazyLock::new(|| labels(PUBLISH_LABELS));
    static UPDATE: LazyLock<AhoCorasick> = LazyLock::new(|| labels(UPDATE_LABELS));
    fn labels(words: &[&str]) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words)
            .expect("a few short literal words build")
    }
    let automaton = match which {
        Which::Published => &PUBLISH,
        Which::Modified => &UPDATE,
    };
    automaton.find(text).map(|m| m.start())
}

/// Which of a page's dates is wanted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    Published,
    Modified,
}
