//! HTML element names as a closed enum, so that the extraction stages match on tags without
//! string comparisons. Names outside the list are kept as [`Tag::Other`].

macro_rules! tags {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// An HTML element's local name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Tag {
            $($variant,)*
            /// Any element whose name is not listed above (custom elements, SVG internals…).
            Other,
        }

        impl Tag {
            /// The tag for a lower-case local name.
            pub fn from_name(name: &str) -> Tag {
                // A `match` on the name compiled to a chain of ~120 string comparisons (12.7% of
                // extraction instructions with the fast parser, callgrind on scrapinghub), and a
                // binary search over packed names still cost ~165 instructions a call: one probe
                // or two in an open-addressing table of packed names is ~30.
                static TABLE: std::sync::OnceLock<NameTable> = std::sync::OnceLock::new();
                let table = TABLE.get_or_init(|| {
                    NameTable::new(&[$((pack($name).unwrap_or(0), Tag::$variant),)*])
                });
                match pack(name) {
                    Some(key) => table.get(key),
                    None => Tag::Other,
                }
            }

            #[cfg(test)]
            const ALL_NAMES: &[&str] = &[$($name,)*];

            /// The lower-case local name, or `"*"` for [`Tag::Other`].
            pub fn name(self) -> &'static str {
                match self {
                    $(Tag::$variant => $name,)*
                    Tag::Other => "*",
                }
            }
        }
    };
}

tags! {
    A => "a", Abbr => "abbr", Address => "address", Article => "article", Aside => "aside",
    Audio => "audio", B => "b", Base => "base", Bdi => "bdi", Bdo => "bdo", Blockquote => "blockquote",
    Body => "body", Br => "br", Button => "button", Canvas => "canvas", Caption => "caption",
    Center => "center", Cite => "cite", Code => "code", Col => "col", Colgroup => "colgroup",
    Data => "data", Datalist => "datalist", Dd => "dd", Del => "del", Details => "details",
    Dfn => "dfn", Dialog => "dialog", Div => "div", Dl => "dl", Dt => "dt", Em => "em",
    Embed => "embed", Fieldset => "fieldset", Figcaption => "figcaption", Figure => "figure",
    Font => "font", Footer => "footer", Form => "form", Frame => "frame", Frameset => "frameset",
    H1 => "h1", H2 => "h2", H3 => "h3", H4 => "h4", H5 => "h5", H6 => "h6", Head => "head",
    Header => "header", Hgroup => "hgroup", Hr => "hr", Html => "html", I => "i",
    Iframe => "iframe", Img => "img", Input => "input", Ins => "ins", Kbd => "kbd",
    Label => "label", Legend => "legend", Li => "li", Link => "link", Main => "main",
    Map => "map", Mark => "mark", Math => "math", Menu => "menu", Meta => "meta", Meter => "meter",
    Nav => "nav", Noscript => "noscript", Object => "object", Ol => "ol", Optgroup => "optgroup",
    Option => "option", Output => "output", P => "p", Param => "param", Picture => "picture",
    Pre => "pre", Progress => "progress", Q => "q", Rp => "rp", Rt => "rt", Ruby => "ruby",
    S => "s", Samp => "samp", Script => "script", Search => "search", Section => "section",
    Select => "select", Slot => "slot", Small => "small", Source => "source", Span => "span",
    Strike => "strike", Strong => "strong", Style => "style", Sub => "sub", Summary => "summary",
    Sup => "sup", Svg => "svg", Table => "table", Tbody => "tbody", Td => "td",
    Template => "template", Textarea => "textarea", Tfoot => "tfoot", Th => "th",
    Thead => "thead", Time => "time", Title => "title", Tr => "tr", Track => "track", Tt => "tt",
    U => "u", Ul => "ul", Var => "var", Video => "video", Wbr => "wbr",
}

/// A name of 1 to 16 bytes as one integer (big-endian, zero-padded); other names are no tag.
fn pack(name: &str) -> Option<u128> {
    let b = name.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut key = 0u128;
    for &c in b {
        // NOTE: a NUL would pack like padding; no tag name holds one.
        if c == 0 {
            return None;
        }
        key = key << 8 | u128::from(c);
    }
    Some(key << (8 * (16 - b.len())))
}

/// Packed names in a power-of-two table with linear probing, under half full so that a lookup
/// ends after a probe or two; key 0 marks an empty slot (no name packs to 0).
struct NameTable {
    slots: Vec<(u128, Tag)>,
    mask: usize,
    /// 64 less the table's bits: the product's top bits are the slot. (Names pack into the
    /// high end, so the low bits of any product of a short name are zero.)
    shift: u32,
}

impl NameTable {
    fn new(entries: &[(u128, Tag)]) -> NameTable {
        let size = (entries.len() * 2 + 1).next_power_of_two();
        let mut table = NameTable {
            slots: vec![(0, Tag::Other); size],
            mask: size - 1,
            shift: 64 - size.trailing_zeros(),
        };
        for &(key, tag) in entries {
            let mut i = table.slot(key);
            while table.slots[i].0 != 0 {
                i = (i + 1) & table.mask;
            }
            table.slots[i] = (key, tag);
        }
        table
    }

    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[cfg(test)]
    fn probes(&self, key: u128) -> usize {
        let mut i = self.slot(key);
        let mut n = 1;
        while self.slots[i].0 != key {
            i = (i + 1) & self.mask;
            n += 1;
        }
        n
    }

    fn get(&self, key: u128) -> Tag {
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (k, tag) if k == key => return tag,
                (0, _) => return Tag::Other,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

impl Tag {
    /// Elements whose content is never page text: code, styling, embedded objects, form widgets.
    pub fn is_non_content(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Template
                | Tag::Head
                | Tag::Title
                | Tag::Meta
                | Tag::Link
                | Tag::Base
                | Tag::Svg
                | Tag::Math
                | Tag::Canvas
                | Tag::Iframe
                | Tag::Object
                | Tag::Embed
                | Tag::Audio
                | Tag::Video
                | Tag::Source
                | Tag::Track
                | Tag::Select
                | Tag::Option
                | Tag::Optgroup
                | Tag::Datalist
                | Tag::Textarea
                | Tag::Input
                | Tag::Button
                | Tag::Frame
                | Tag::Frameset
                | Tag::Map
                | Tag::Param
                | Tag::Slot
                | Tag::Dialog
        )
    }

    /// Elements that break the flow of text into separate blocks, as a browser lays them out.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Body
                | Tag::Caption
                | Tag::Center
                | Tag::Dd
                | Tag::Details
                | Tag::Dialog
                | Tag::Div
                | Tag::Dl
                | Tag::Dt
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Header
                | Tag::Hgroup
                | Tag::Hr
                | Tag::Html
                | Tag::Legend
                | Tag::Li
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Search
                | Tag::Section
                | Tag::Summary
                | Tag::Table
                | Tag::Tbody
                | Tag::Td
                | Tag::Tfoot
                | Tag::Th
                | Tag::Thead
                | Tag::Tr
                | Tag::Ul
        )
    }

    /// The heading level of `h1`–`h6`.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_other() {
        assert_eq!(Tag::from_name("blockquote"), Tag::Blockquote);
        assert_eq!(Tag::Blockquote.name(), "blockquote");
        assert_eq!(Tag::from_name("my-widget"), Tag::Other);
        assert_eq!(Tag::from_name(""), Tag::Other);
        assert_eq!(
            Tag::from_name("a-name-longer-than-sixteen-bytes"),
            Tag::Other
        );
        assert_eq!(
            Tag::from_name("A"),
            Tag::Other,
            "names are matched lower-case"
        );
        for tag in [
            Tag::A,
            Tag::Wbr,
            Tag::Blockquote,
            Tag::Figcaption,
            Tag::H6,
            Tag::Video,
        ] {
            assert_eq!(Tag::from_name(tag.name()), tag);
        }
    }

    #[test]
    fn headings_have_levels_and_are_blocks() {
        assert_eq!(Tag::H3.heading_level(), Some(3));
        assert_eq!(Tag::P.heading_level(), None);
        assert!(Tag::H3.is_block());
        assert!(!Tag::Span.is_block());
    }

    #[test]
    fn every_name_finds_its_tag_and_others_find_none() {
        for &name in Tag::ALL_NAMES {
            assert_eq!(Tag::from_name(name).name(), name);
        }
        for name in [
            "",
            "x",
            "divs",
            "DIV",
            "h7",
            "blockquote1",
            "annotation-xml",
            "a\0",
        ] {
            assert_eq!(Tag::from_name(name), Tag::Other, "{name:?}");
        }
        assert_eq!(Tag::from_name(&"a".repeat(17)), Tag::Other);
        // The hash spreads the names: a lookup takes a probe or two, not a scan of the table.
        let keys: Vec<_> = Tag::ALL_NAMES
            .iter()
            .map(|n| (pack(n).unwrap(), Tag::from_name(n)))
            .collect();
        let table = NameTable::new(&keys);
        let probes: usize = keys.iter().map(|&(k, _)| table.probes(k)).sum();
        assert!(
            probes <= 2 * keys.len(),
            "{probes} probes for {} names",
            keys.len()
        );
    }
}
