//! Recognises a page's widgets and controls by their markup: a `<noscript>` notice, a form to
//! fill in, a disclosure button, a button that is a heading's text, a tab widget of one tab.
//! Each reader says what an element is; the prune pass ([`super::prune`]) decides what goes.

use crate::dom::{Document, NodeId, Tag};

/// A `<noscript>` with less text than this is a notice for readers without scripts ("enable
/// JavaScript"), a form's fallback button or a tracking pixel; a longer one is the page served
/// to them (forum engines put their whole thread there). Set by the dev sets' noscripts
/// (both): of 187 with under 300 characters one was in the gold text; those of 300 to 900
/// were menus and notices; those holding posts or articles have 2,000 and more.
const NOSCRIPT_NOTICE_MAX_LETTERS: usize = 1000;

/// Whether `id` is a noscript that a reader, whose browser runs scripts, never sees and that
/// holds no more than a notice (its letters and digits: `letters`).
pub(super) fn is_noscript_notice(doc: &Document, id: NodeId, letters: usize) -> bool {
    letters < NOSCRIPT_NOTICE_MAX_LETTERS && doc.tag(id) == Some(Tag::Noscript)
}

/// A form with more letters than this is a wrapper around content (a listing's filters around
/// its results, a forum's moderation form around a thread, a whole page inside one server
/// form), not a form to fill in. Measured on both dev sets at 500 / 750 / 1,000 / 1,500 /
/// 2,000 letters: wcxb-dev F1 0.86175 / 0.86237 / 0.86262 / 0.86244 / 0.86211 (from 0.86155;
/// service 0.82889 -> 0.83367 from 750 up), listing 0.69234 -> 0.69198 up to 1,500 and
/// 0.68639 at 2,000 (a listing's filter form around its results), product down from 1,500;
/// scrapinghub 0.97761 unchanged throughout. See BENCHMARKS.md, "Service pages (session 10,
/// service10)".
const ENTRY_FORM_MAX_LETTERS: usize = 1000;

/// Whether `id` is a `<form>` to fill in: short (its `letters`) and holding a field a reader
/// types into or picks from. A form of buttons alone (a cart's "add", a vote, a language
/// switch) is left to the other rules.
pub(super) fn is_entry_form(doc: &Document, id: NodeId, letters: usize) -> bool {
    if doc.tag(id) != Some(Tag::Form) {
        return false;
    }
    if letters > ENTRY_FORM_MAX_LETTERS {
        return false;
    }
    doc.descendants(id).any(|n| match doc.tag(n) {
        Some(Tag::Textarea | Tag::Select) => true,
        Some(Tag::Input) => !doc.attr(n, "type").is_some_and(|t| {
            ["hidden", "submit", "button", "reset", "image"]
                .iter()
                .any(|k| t.trim().eq_ignore_ascii_case(k))
        }),
        _ => false,
    })
}

/// Letters a disclosure button needs to be a question or a section title rather than a
/// control ("Menu", "More", "Close"). Measured on both dev sets at 12 / 20 / 30: wcxb-dev F1
/// 0.86453 -> 0.86479 / 0.86474 / 0.86465 (at 12: service 0.84274 -> 0.84459, article 0.95421
/// -> 0.95435, product 0.59743 -> 0.59701, listing 0.69176 -> 0.69148), `with` and `without`
/// unchanged; scrapinghub 0.97741 unchanged throughout.
const DISCLOSURE_BUTTON_MIN_LETTERS: usize = 12;

/// Whether `id` is a `<button>` that opens or closes a panel (WAI-ARIA's disclosure and
/// accordion patterns).
pub(super) fn is_disclosure_button(doc: &Document, id: NodeId) -> bool {
    doc.tag(id) == Some(Tag::Button)
        && (doc.attr(id, "aria-expanded").is_some() || doc.attr(id, "aria-controls").is_some())
        // NOTE: the letter counts of the prune pass skip what is under non-content tags
        // (buttons among them), so the button's own text is counted here, for the few
        // disclosure buttons only.
        && doc
            .descendants(id)
            .filter_map(|n| doc.text(n))
            .map(crate::textutil::word_chars)
            .sum::<usize>()
            >= DISCLOSURE_BUTTON_MIN_LETTERS
}

/// How far above a tab panel its tab list is looked for (see [`is_single_tab_widget`]): the
/// WAI-ARIA pattern sets the list and the panels side by side, one or two wrappers apart
/// (`tabs > tablist + tabs__content > tabpanel`). Chosen as a bound on the walk, not
/// measured: the rule's two pages have the list two levels up.
const TAB_WIDGET_LEVELS: usize = 3;

/// Whether `id` is a part of a tab widget that has one tab: it is, holds or sits in a
/// `role=tabpanel`, and the panel's nearest ancestor holding a `role=tablist` (within
/// [`TAB_WIDGET_LEVELS`]) holds one `role=tab` only.
pub(super) fn is_single_tab_widget(doc: &Document, id: NodeId) -> bool {
    let role_is = |n: NodeId, role: &str| {
        doc.attr(n, "role")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case(role))
    };
    let panel = if role_is(id, "tabpanel") {
        Some(id)
    } else {
        doc.descendants(id)
            .find(|&n| role_is(n, "tabpanel"))
            .or_else(|| doc.ancestors(id).find(|&n| role_is(n, "tabpanel")))
    };
    let Some(panel) = panel else {
        return false;
    };
    let Some(widget) = doc
        .ancestors(panel)
        .take(TAB_WIDGET_LEVELS)
        .find(|&a| doc.descendants(a).any(|n| role_is(n, "tablist")))
    else {
        return false;
    };
    doc.descendants(widget)
        .filter(|&n| role_is(n, "tab"))
        .count()
        == 1
}

/// Whether `id` is a `<button>` directly inside a heading element.
pub(super) fn is_heading_button(doc: &Document, id: NodeId) -> bool {
    doc.tag(id) == Some(Tag::Button)
        && doc
            .parent(id)
            .and_then(|p| doc.tag(p))
            .is_some_and(|t| t.heading_level().is_some())
}
