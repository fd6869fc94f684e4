//! Parts of a page streamed in after its shell, put where the browser shows them.
//!
//! React's streaming server rendering (Next.js and the many sites built on it) sends the page's
//! shell first, with a `<template id="B:…">` where a part is still loading (a boundary, followed
//! by its fallback: a spinner, a skeleton, "Loading…") or a `<template id="P:…">` (a
//! placeholder). Each part arrives later in the page as `<div hidden id="S:…">`, with an inline
//! script (`$RC("B:1","S:1")`, `$RR(…)` for a boundary, `$RS("S:2","P:2")` for a placeholder)
//! that moves the part's content in place of the template and drops the fallback. A reader only
//! ever sees the page that way; a parser sees the parts hidden at the end of the body, so they
//! were pruned as hidden and such pages lost most of their text, some all of it.
//!
//! This does what those scripts do. The pairs come from the scripts' calls; a part no call names
//! goes to the template with its own number (React numbers a boundary after its part, and some
//! saved pages lack the scripts). Anything else on the page is left alone.

use std::collections::HashMap;

use super::{Document, NodeData, NodeId, Tag};

/// Moves every streamed part of `doc` to its template.
pub(super) fn reveal(doc: &mut Document) {
    let mut parts: Vec<(String, NodeId)> = Vec::new();
    let mut templates: HashMap<String, NodeId> = HashMap::new();
    let mut scripts: Vec<NodeId> = Vec::new();
    for n in doc.descendants(Document::ROOT) {
        let Some(el) = doc.element(n) else {
            continue;
        };
        let id = el.attr("id").unwrap_or("");
        match el.tag {
            Tag::Div if id.starts_with("S:") && el.attr("hidden").is_some() => {
                parts.push((id.to_owned(), n));
            }
            Tag::Template if id.starts_with("B:") || id.starts_with("P:") => {
                templates.insert(id.to_owned(), n);
            }
            Tag::Script => scripts.push(n),
            _ => {}
        }
    }
    if parts.is_empty() || templates.is_empty() {
        return;
    }
    let mut calls: HashMap<String, String> = HashMap::new();
    for s in scripts {
        if let Some(text) = doc.children(s).find_map(|c| doc.text(c)) {
            read_calls(text, &mut calls);
        }
    }
    for (id, part) in parts {
        let target = calls.get(&id).cloned().or_else(|| {
            let number = &id[2..];
            [format!("B:{number}"), format!("P:{number}")]
                .into_iter()
                .find(|t| templates.contains_key(t))
        });
        let Some(&template) = target.as_ref().and_then(|t| templates.get(t)) else {
            continue;
        };
        // A part holding its own template (a malformed page) would be moved into itself.
        if doc.ancestors(template).any(|a| a == part) || doc.parent(template).is_none() {
            continue;
        }
        if doc
            .attr(template, "id")
            .is_some_and(|t| t.starts_with("B:"))
        {
            drop_fallback(doc, template);
        }
        while let Some(child) = doc.node(part).first_child {
            doc.detach(child);
            doc.insert_before(template, child);
        }
        doc.detach(template);
    }
}

/// The boundary's fallback runs from its template to the comment that closes the boundary
/// (`<!--/$-->`, a sibling). Comments keep no text here, so the first comment sibling ends it:
/// a boundary nested in the fallback ends it early, which keeps fallback text rather than
/// dropping content. Without a closing comment nothing is dropped.
fn drop_fallback(doc: &mut Document, template: NodeId) {
    let mut fallback = Vec::new();
    let mut next = doc.node(template).next_sibling;
    while let Some(n) = next {
        if matches!(doc.node(n).data, NodeData::Other) {
            for f in fallback {
                doc.detach(f);
            }
            return;
        }
        fallback.push(n);
        next = doc.node(n).next_sibling;
    }
}

/// Reads `$RC("B:x","S:y")`, `$RR("B:x","S:y",…)` and `$RS("S:y","P:x")` calls: part id to
/// template id.
fn read_calls(script: &str, calls: &mut HashMap<String, String>) {
    for at in memchr::memmem::find_iter(script.as_bytes(), b"$R") {
        let rest = &script[at + 2..];
        let Some(kind) = rest.chars().next() else {
            continue;
        };
        if !matches!(kind, 'C' | 'R' | 'S') {
            continue;
        }
        let Some((first, second)) = two_string_args(&rest[1..]) else {
            continue;
        };
        match kind {
            'S' if first.starts_with("S:") && second.starts_with("P:") => {
                calls.insert(first.to_owned(), second.to_owned());
            }
            'C' | 'R' if first.starts_with("B:") && second.starts_with("S:") => {
                calls.insert(second.to_owned(), first.to_owned());
            }
            _ => {}
        }
    }
}

/// `("a","b"` → `("a", "b")`: the first two arguments of a call when both are plain strings.
fn two_string_args(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix("(\"")?;
    let (first, s) = s.split_once('"')?;
    let s = s.strip_prefix(",\"")?;
    let (second, _) = s.split_once('"')?;
    // Ids are short; a long "string" is a false match across code.
    (first.len() <= 16 && second.len() <= 16).then_some((first, second))
}

#[cfg(test)]
mod tests {
    use crate::dom::{self, Document, ParseLimits, Parser};

    fn body_text(html: &str) -> String {
        let doc = dom::parse_with(html, &ParseLimits::default(), Parser::Fast).unwrap();
        let body = doc.body().unwrap();
        // Hidden parts stay in the tree (emptied); the prune stage drops hidden elements and
        // scripts, so leave them out here as it would.
        doc.descendants(body)
            .filter(|&n| {
                doc.ancestors(n).all(|a| {
                    doc.attr(a, "hidden").is_none() && doc.tag(a) != Some(crate::dom::Tag::Script)
                })
            })
            .filter_map(|n| doc.text(n))
            .collect()
    }

    // Guards React's streamed parts: moved in place of their boundary, the fallback dropped,
    // by the script's call or, when the page lacks the scripts, by the shared number.
    #[test]
    fn streamed_parts_replace_their_boundary_and_its_fallback() {
        let page = |script: &str| {
            format!(
                r#"<body><main><h1>T</h1><!--$?--><template id="B:0"></template><div>Loading…</div><!--/$-->
                <p>end</p></main><div hidden id="S:3"><p>The streamed text.</p></div>{script}</body>"#
            )
        };
        let with_call = page(r#"<script>$RC=function(b,c){};$RC("B:0","S:3")</script>"#);
        assert_eq!(
            body_text(&with_call),
            "TThe streamed text.\n                end"
        );
        // No call names S:3, and no template has its number: left alone (hidden).
        assert_eq!(body_text(&page("")), "TLoading…\n                end");
    }

    // Guards placeholders (`$RS`) and parts nested in parts, by shared number.
    #[test]
    fn placeholders_and_nested_parts_are_filled() {
        let html = r#"<body><article><template id="P:1"></template></article>
            <div hidden id="S:1"><p>outer</p><template id="P:2"></template></div>
            <div hidden id="S:2"><p>inner</p></div></body>"#;
        assert_eq!(body_text(html), "outerinner\n            \n            ");
    }

    // Guards the tree against a part that holds its own template.
    #[test]
    fn a_part_holding_its_own_template_is_left_alone() {
        let html = r#"<body><div hidden id="S:1"><template id="B:1"></template>x</div></body>"#;
        let doc = dom::parse_with(html, &ParseLimits::default(), Parser::Fast).unwrap();
        assert_eq!(doc.text_content(Document::ROOT), "x");
    }
}
