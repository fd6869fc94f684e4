//! Guards the HTML renderer's promise: whatever a page holds, `Article::html` emits only
//! allow-listed elements and attributes, no scripts, event handlers, styles or
//! `javascript:`/`data:` URLs. Payloads come from the OWASP XSS Filter Evasion Cheat Sheet
//! (written here by hand, a sample of each family). The output is checked by parsing it back as
//! a browser would, not by looking for strings, so an escaped payload shown as text passes and
//! a live one fails.

use pagepith::dom::{self, Document, NodeData, ParseLimits};
use pagepith::{Article, Block, Config, Link};

const ALLOWED_TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "table",
    "tbody",
    "tr",
    "th",
    "td",
    "pre",
    "code",
    "figure",
    "img",
    "figcaption",
];

/// OWASP cheat-sheet payloads, each placed in the body, the title and a figure of a page.
const PAYLOADS: &[&str] = &[
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=https://cdn.example/xss.js></SCRIPT>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "\"><img src=x onerror=alert(1)>",
    "'';!--\"<XSS>=&{()}",
];

/// A page that shows `payload` in its title, body, a figure and a caption.
fn page(payload: &str) -> String {
    format!(
        "<html><head><title>{payload}</title>\
         <meta property=\"og:image\" content=\"{payload}\"></head><body><article>\
         <h1>{payload}</h1>\
         <p>An ordinary opening paragraph with enough words to count as article prose for the \
         extractor, followed by the payload: {payload} and more words after it to keep going.</p>\
         <figure><img src=\"{payload}\" alt=\"{payload}\"><figcaption>{payload}</figcaption></figure>\
         <p>{payload}</p><ul><li>{payload}</li></ul><blockquote>{payload}</blockquote>\
         <table><tr><td>{payload}</td></tr></table><pre>{payload}</pre>\
         <p>A closing paragraph that also has plenty of ordinary words in it, as articles do.</p>\
         </article></body></html>"
    )
}

/// Every way the rendered HTML could run code or load something unsafe, found by parsing it.
fn violations(rendered: &str) -> Vec<String> {
    let doc = dom::parse(rendered, &ParseLimits::default()).expect("rendered HTML parses");
    let mut found = Vec::new();
    for id in doc.descendants(Document::ROOT) {
        let NodeData::Element(el) = &doc.node(id).data else {
            continue;
        };
        if !ALLOWED_TAGS.contains(&&*el.name) {
            found.push(format!("element <{}>", el.name));
        }
        for a in &el.attrs {
            let allowed = (&*el.name == "img" && matches!(a.name(), "src" | "alt"))
                || (&*el.name == "a" && a.name() == "href");
            if !allowed {
                found.push(format!(
                    "attribute {}={:?} on <{}>",
                    a.name(),
                    a.value(),
                    el.name
                ));
            }
            if matches!(a.name(), "src" | "href") {
                let squeezed: String = a
                    .value()
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let relative = match (squeezed.find(':'), squeezed.find(['/', '?', '#'])) {
                    (None, _) => true,
                    (Some(colon), Some(delimiter)) => delimiter < colon,
                    (Some(_), None) => false,
                };
                let web = squeezed.starts_with("http:") || squeezed.starts_with("https:");
                if !(relative || web) {
                    found.push(format!("unsafe {} {:?}", a.name(), a.value()));
                }
            }
        }
    }
    found
}

#[test]
fn owasp_payloads_in_a_page_never_reach_html_output_live() {
    let mut failures = Vec::new();
    let mut kept = 0;
    for payload in PAYLOADS {
        let article = pagepith::extract(page(payload).as_bytes(), &Config::default()).unwrap();
        let rendered = article.html();
        // An unclosed `<script` swallows the rest of a page in a browser too; most payloads
        // must leave the article in place, or this test would check empty output.
        if rendered.contains("ordinary opening paragraph") {
            kept += 1;
        }
        for v in violations(&rendered) {
            failures.push(format!("{payload}\n    -> {v}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        kept * 4 >= PAYLOADS.len() * 3,
        "article kept for only {kept} payloads"
    );
}

#[test]
fn owasp_payloads_placed_straight_into_article_fields_are_neutralised() {
    // Bypasses extraction: the renderer alone must hold, whatever a caller puts in an Article.
    let mut failures = Vec::new();
    for payload in PAYLOADS {
        let article = Article {
            title: Some((*payload).to_owned()),
            body: vec![
                Block::Heading {
                    level: 7,
                    text: (*payload).to_owned(),
                    links: vec![Link {
                        start: 0,
                        end: payload.len(),
                        href: (*payload).to_owned(),
                    }],
                },
                Block::Paragraph {
                    text: (*payload).to_owned(),
                    links: vec![Link {
                        start: 0,
                        end: payload.len(),
                        href: (*payload).to_owned(),
                    }],
                },
                Block::Figure {
                    src: Some((*payload).to_owned()),
                    caption: Some((*payload).to_owned()),
                },
                Block::Code {
                    text: (*payload).to_owned(),
                },
            ],
            ..Article::default()
        };
        for v in violations(&article.html()) {
            failures.push(format!("{payload}\n    -> {v}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Guards `--links`: link targets reach HTML output only through the URL check, whatever the
/// page's `href` holds (payloads as the target, and inside the anchor text).
#[test]
fn owasp_payloads_as_link_targets_never_reach_html_output_live() {
    let config = Config::default().with_links(true);
    let mut failures = Vec::new();
    let mut linked = 0;
    for payload in PAYLOADS {
        let attr = payload.replace('"', "&quot;");
        let html = format!(
            "<html><body><article><h1>Links</h1>\
             <p>An ordinary opening paragraph with enough words to count as article prose, and \
             <a href=\"{attr}\">a link whose target is the payload</a>, then \
             <a href=\"https://example.org/safe\">a safe link</a> and more words after it.</p>\
             <ul><li><a href=\"{attr}\">{payload}</a></li></ul>\
             <p>A closing paragraph that also has plenty of ordinary words in it, as articles do.</p>\
             </article></body></html>"
        );
        let rendered = pagepith::extract(html.as_bytes(), &config).unwrap().html();
        if rendered.contains("<a href=\"https://example.org/safe\">") {
            linked += 1;
        }
        for v in violations(&rendered) {
            failures.push(format!("{payload}\n    -> {v}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Without live links in the output this test would check nothing.
    assert!(
        linked * 4 >= PAYLOADS.len() * 3,
        "links kept for only {linked} payloads"
    );
}

#[test]
fn the_checker_itself_catches_live_markup() {
    // Without this, a checker that saw nothing would pass every payload.
    let live = "<article><p onclick=\"x()\">a</p><script>x()</script>\
                <img src=\"javascript:x()\"><img src=\"data:text/html,x\">\
                <a href=\"javascript:x()\">a</a></article>";
    let v = violations(live);
    assert!(v.iter().any(|s| s.contains("onclick")), "{v:?}");
    assert!(v.iter().any(|s| s.contains("<script>")), "{v:?}");
    assert_eq!(
        v.iter().filter(|s| s.contains("unsafe src")).count(),
        2,
        "{v:?}"
    );
    assert!(v.iter().any(|s| s.contains("unsafe href")), "{v:?}");
}
