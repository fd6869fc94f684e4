//! The selector's thresholds for each [`Favor`]: one place that says how far each mode moves
//! each one, so that `--favor precision|recall` is a shift of the same rules, not other rules.

use crate::config::{Config, Favor};

/// Thresholds used by the selector for one page.
#[derive(Clone, Copy, Debug)]
pub struct Tuning {
    /// Above this share of link text, a block inside the container is a link list.
    pub max_link_density: f64,
    /// Below this share of the main region's unlinked text, the prose container is a fragment
    /// and the main region is used instead.
    pub min_container_share: f64,
    /// The same when the page marks its main region (`<main>`, `role=main`).
    pub min_container_share_marked: f64,
    /// Below this share of all the region's text, links included, the container is a
    /// fragment too (a listing of linked items).
    pub min_container_share_total: f64,
    /// In the main-region fallback, linked blocks at least this long are kept as items (a
    /// listing's linked headlines) rather than dropped as link lists.
    pub min_linked_item_chars: usize,
    /// ...and more than this share of their letters linked: balanced's link line in every
    /// mode. Precision's stricter line makes half-linked teasers link-heavy, and three of a
    /// kind would then come back as a listing's items: `--favor precision` kept more text
    /// than balanced on a news page whose "more stories" list links half of each entry.
    pub min_item_link_density: f64,
    /// Whether table cells are part of the article.
    pub tables: bool,
}

impl Tuning {
    pub fn from_config(config: &Config) -> Tuning {
        let balanced = Tuning {
            // Half the text in links: the classic boilerplate line (Readability, jusText).
            max_link_density: 0.5,
            // Measured on both dev sets (scrapinghub / wcxb-dev F1): 0.3 → 0.954 / 0.814,
            // 0.4 → 0.952 / 0.825, 0.5 → 0.952 / 0.828. 0.4 takes most of the gain while
            // trusting prose containers more, which matters on unseen article-heavy sets.
            min_container_share: 0.4,
            // Measured on both dev sets by choosing, per page, between the container's and the
            // region's output (mean page F1, scrapinghub / wcxb-dev): 0.4 for all pages
            // 0.946 / 0.798; a marked region at 0.7 / 0.8 / 0.9 / 1.0 0.951 / 0.952 / 0.949 /
            // 0.946 and 0.804 / 0.805 / 0.806 / 0.805 (that choice counted any `<main>` on the
            // page as marked). 0.8 lifts both sets; in `pagepith eval` F1 scrapinghub 0.956 ->
            // 0.960, wcxb-dev 0.828 -> 0.834 with product 0.585 -> 0.580 the one type down.
            // (The region's whole text, links included, at 0.7 lifted listings more but lost
            // collections and products.)
            min_container_share_marked: 0.8,
            // Same per-page choice: 0.05 to 0.15 lift wcxb-dev listings (mean page F1 0.532 to
            // 0.548) and change nothing else; 0.2 and above start to cost scrapinghub articles.
            min_container_share_total: 0.15,
            // A linked headline of a listing is a few words; a menu entry is one or two.
            min_linked_item_chars: 20,
            min_item_link_density: 0.5,
            tables: config.tables,
        };
        // The two modes move each threshold one step towards keeping less or more; the steps
        // were checked to move precision and recall the intended way on both dev sets
        // (BENCHMARKS.md, "Modes").
        match config.favor {
            Favor::Balanced => balanced,
            Favor::Precision => Tuning {
                max_link_density: 0.33,
                min_container_share: 0.25,
                min_container_share_marked: 0.6,
                min_container_share_total: 0.1,
                min_linked_item_chars: 40,
                ..balanced
            },
            Favor::Recall => Tuning {
                max_link_density: 0.65,
                min_container_share: 0.5,
                min_container_share_marked: 0.9,
                min_container_share_total: 0.2,
                min_linked_item_chars: 12,
                ..balanced
            },
        }
    }
}
