//! `pagepith explain --html`: one self-contained page that shows a person, at a glance, what
//! pagepith kept and dropped on a page and why. Kept blocks are highlighted; dropped blocks and
//! the subtrees removed by the prune stage are struck through, their reason shown on hover; the
//! metadata table says where each value came from.
//!
//! No external resources (styles and the small script are inline), so the report can be attached
//! to a bug report and opened anywhere.

use std::fmt::Write as _;

use pagepith::Explanation;

/// One entry of the report, in page order.
enum Entry<'a> {
    Block(&'a pagepith::BlockReport),
    Removed(&'a pagepith::RemovedReport),
}

impl Entry<'_> {
    fn order(&self) -> u32 {
        match self {
            Entry::Block(b) => b.order,
            Entry::Removed(r) => r.order,
        }
    }
}

/// Longest text shown for a removed subtree: enough to recognise a menu or a share bar without
/// letting a huge footer bury the blocks.
const MAX_REMOVED_CHARS: usize = 400;

/// Renders the report for `report`, extracted from the input called `source`.
pub fn render(source: &str, report: &Explanation) -> String {
    let mut entries: Vec<Entry> = report
        .blocks
        .iter()
        .map(Entry::Block)
        .chain(
            report
                .removed
                .iter()
                .filter(|r| r.chars > 0)
                .map(Entry::Removed),
        )
        .collect();
    // Stable: a removed subtree and a block never share a node, so ties do not occur in practice.
    entries.sort_by_key(Entry::order);

    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<title>pagepith explain: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(source)
    );
    out.push_str("<header>\n<h1>pagepith explain</h1>\n");
    let _ = writeln!(out, "<p class=\"source\">{}</p>", escape(source));
    let _ = writeln!(
        out,
        "<p class=\"container\">container: <code>{}</code></p>",
        escape(
            report
                .container
                .as_deref()
                .unwrap_or("(none: page fallback)")
        )
    );
    out.push_str(
        "<p id=\"summary\"></p>\n<p class=\"filters\">\
         <label><input type=\"checkbox\" id=\"show-dropped\" checked> dropped blocks</label> \
         <label><input type=\"checkbox\" id=\"show-removed\" checked> removed by prune</label>\
         </p>\n</header>\n",
    );

    out.push_str("<section id=\"metadata\">\n<h2>Metadata</h2>\n<table>\n");
    out.push_str("<tr><th>field</th><th>value</th><th>source</th></tr>\n");
    for field in &report.metadata {
        let _ = writeln!(
            out,
            "<tr data-field=\"{}\"><td>{}</td><td>{}</td><td>{}</td></tr>",
            field.field,
            field.field,
            escape(&field.value),
            escape(field.source.as_deref().unwrap_or("—"))
        );
    }
    out.push_str("</table>\n</section>\n");

    out.push_str("<section id=\"blocks\">\n<h2>Page, in reading order</h2>\n");
    for entry in &entries {
        match entry {
            Entry::Block(b) => block(&mut out, b),
            Entry::Removed(r) => removed(&mut out, r),
        }
    }
    out.push_str("</section>\n");
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

fn block(out: &mut String, b: &pagepith::BlockReport) {
    let kept = b.decision == "kept";
    let why = if kept {
        format!(
            "kept · {} · {} chars · link density {:.2}",
            b.kind, b.chars, b.link_density
        )
    } else {
        format!(
            "dropped by select: {} · {} · {} chars · link density {:.2}",
            b.decision, b.kind, b.chars, b.link_density
        )
    };
    let class = if kept { "kept" } else { "dropped" };
    let _ = write!(
        out,
        "<div class=\"block {class}\" data-decision=\"{}\" title=\"{}\">\
         <span class=\"why\">{}</span><span class=\"path\">{}</span>",
        escape(&b.decision),
        escape(&why),
        escape(&why),
        escape(&b.path)
    );
    let text = escape(&b.text).replace('\n', "<br>");
    if kept {
        let _ = writeln!(out, "<p>{text}</p></div>");
    } else {
        let _ = writeln!(out, "<p><del>{text}</del></p></div>");
    }
}

fn removed(out: &mut String, r: &pagepith::RemovedReport) {
    let why = format!("removed by prune: {} · {} chars", r.reason, r.chars);
    let mut text: String = r.text.chars().take(MAX_REMOVED_CHARS).collect();
    if text.len() < r.text.len() {
        text.push('…');
    }
    let _ = writeln!(
        out,
        "<div class=\"block removed\" data-reason=\"{}\" title=\"{}\">\
         <span class=\"why\">{}</span><span class=\"path\">{}</span><p><del>{}</del></p></div>",
        escape(&r.reason),
        escape(&why),
        escape(&why),
        escape(&r.path),
        escape(&text)
    );
}

/// Escapes text for an HTML text node or a quoted attribute value.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
header{border-bottom:1px solid #ccc;margin-bottom:1rem}
.source,.container{color:#555;word-break:break-all}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
td:first-child{white-space:nowrap;font-weight:600}
td:last-child{color:#555;font-family:monospace}
.block{position:relative;margin:.3rem 0;padding:.2rem .5rem;border-left:4px solid transparent}
.block p{margin:0}
.block .path{display:block;font:11px monospace;color:#888}
.kept{background:#e8f7e4;border-left-color:#2e8b2e}
.dropped{background:#fdf0e6;border-left-color:#d2691e;color:#777}
.removed{background:#f4f4f4;border-left-color:#999;color:#888;font-size:13px}
.why{display:none;position:absolute;right:0;top:0;background:#333;color:#fff;font-size:12px;
  padding:.1rem .4rem;border-radius:3px;z-index:1}
.block:hover .why{display:block}
body.hide-dropped .dropped,body.hide-removed .removed{display:none}
";

/// Fills the summary line and wires the two filters (also settable from the URL's fragment).
const SCRIPT: &str = "
(function(){
  var count=function(sel){return document.querySelectorAll(sel).length;};
  document.getElementById('summary').textContent =
    count('.block.kept')+' kept, '+count('.block.dropped')+' dropped by select, '+
    count('.block.removed')+' removed by prune';
  // A link to report.html#hide-removed opens with that filter applied.
  var initial=location.hash.slice(1).split(',');
  [['show-dropped','hide-dropped'],['show-removed','hide-removed']].forEach(function(p){
    var box=document.getElementById(p[0]);
    var apply=function(){document.body.classList.toggle(p[1],!box.checked);};
    if(initial.indexOf(p[1])>=0){box.checked=false;}
    box.addEventListener('change',apply);
    apply();
  });
})();
";

#[cfg(test)]
mod tests {
    use super::*;

    /// Page text is data: markup in it must never become markup in the report.
    #[test]
    fn page_text_is_escaped_in_the_report() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{0}b\nc"), "a\u{fffd}b\nc");
    }

    /// Blocks and removed furniture appear in page order with their classes and reasons.
    #[test]
    fn report_orders_entries_and_marks_each_decision() {
        let page = b"<nav><a href=/>Home</a> <a href=/a>About us</a></nav>\
            <article><h1>Headline</h1><p>The first paragraph of the story is long enough to be \
            prose, with commas, clauses, and a full stop.</p><p>The second <b>&lt;b&gt;</b> \
            paragraph carries on in the same way for a while longer.</p>\
            <div class=share>Share this</div></article>";
        let report = pagepith::explain(page, &pagepith::Config::default()).unwrap();
        let html = render("page.html", &report);
        let nav = html.find("removed by prune: FurnitureTag").unwrap();
        let first = html.find("The first paragraph").unwrap();
        let share = html.find("Share this").unwrap();
        assert!(nav < first && first < share, "entries out of page order");
        assert_eq!(html.matches("class=\"block kept\"").count(), 2);
        assert!(html.contains("&lt;b&gt;"), "page text not escaped");
        assert!(html.contains("<tr data-field=\"title\"><td>title</td><td>Headline</td>"));
    }
}
