//! The record of one extracted page: the JSON object `pagepith extract` writes and the dict the
//! Python binding returns, defined once so the two cannot drift. Other tools depend on these
//! names: fields may be added, never renamed.

use serde::Serialize;

#[derive(Serialize)]
pub struct Record<'a> {
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub authors: &'a [String],
    pub date: Option<&'a str>,
    pub date_modified: Option<&'a str>,
    pub sitename: Option<&'a str>,
    pub language: Option<&'a str>,
    pub description: Option<&'a str>,
    pub image: Option<&'a str>,
    pub categories: &'a [String],
    pub tags: &'a [String],
    pub page_type: &'static str,
    pub captions: &'a [String],
    pub text: String,
    /// The comments' text; present only when `--comments` asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    /// With `--links`: the body's links in reading order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<LinkRecord<'a>>>,
    /// The body's quotations (`text`, `speaker`, `speaker_mention`, `cue`, `paragraph`,
    /// `start`, `end`: see `crate::Quote`); present only when `--quotes` asked for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<&'a [crate::Quote]>,
    /// With `--provenance`: `title_source`, `date_source`… beside the fields.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Sources<'a>>,
    /// Set for pages read from a WARC archive (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_target_uri: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_date: Option<&'a str>,
}

/// One link of the body: its anchor text and target.
#[derive(Serialize)]
pub struct LinkRecord<'a> {
    pub text: &'a str,
    pub href: &'a str,
}

/// Where each metadata field came from (`"json-ld:datePublished"`, `"h1"`, `"byline"`…).
#[derive(Serialize)]
pub struct Sources<'a> {
    pub title_source: Option<&'a str>,
    pub authors_source: Option<&'a str>,
    pub date_source: Option<&'a str>,
    pub date_modified_source: Option<&'a str>,
    pub sitename_source: Option<&'a str>,
    pub language_source: Option<&'a str>,
    pub image_source: Option<&'a str>,
    pub page_type_source: Option<&'a str>,
}

impl<'a> Record<'a> {
    /// The record of `a`; with `comments`, the comments field is filled (empty when none); with
    /// `provenance`, the `*_source` fields.
    pub fn new(
        source: &'a str,
        a: &'a crate::Article,
        comments: bool,
        provenance: bool,
    ) -> Record<'a> {
        let p = &a.provenance;
        Record {
            source,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            authors: &a.authors,
            date: a.date.as_deref(),
            date_modified: a.date_modified.as_deref(),
            sitename: a.sitename.as_deref(),
            language: a.language.as_deref(),
            description: a.description.as_deref(),
            image: a.image.as_deref(),
            categories: &a.categories,
            tags: &a.tags,
            page_type: a.page_type.as_str(),
            captions: &a.captions,
            text: a.text(),
            comments: comments.then(|| a.comments_text()),
            links: None,
            quotes: None,
            provenance: provenance.then_some(Sources {
                title_source: p.title.as_deref(),
                authors_source: p.authors.as_deref(),
                date_source: p.date.as_deref(),
                date_modified_source: p.date_modified.as_deref(),
                sitename_source: p.sitename.as_deref(),
                language_source: p.language.as_deref(),
                image_source: p.image.as_deref(),
                page_type_source: p.page_type.as_deref(),
            }),
            warc_record_id: None,
            warc_target_uri: None,
            warc_date: None,
        }
    }

    /// Adds the fields `config` asked for beyond the defaults — `links` with
    /// [`Config::with_links`](crate::Config::with_links), `quotes` with
    /// [`Config::with_quotes`](crate::Config::with_quotes) — so that every front end gives the
    /// same record for the same options.
    pub fn with_requested(self, a: &'a crate::Article, config: &crate::Config) -> Record<'a> {
        let mut r = self;
        if config.links() {
            r = r.with_links(a);
        }
        if config.quotes() {
            r = r.with_quotes(&a.quotes);
        }
        r
    }

    /// Adds the `links` field (empty when the body has none).
    pub fn with_links(mut self, a: &'a crate::Article) -> Record<'a> {
        self.links = Some(
            a.links()
                .into_iter()
                .map(|(text, href)| LinkRecord { text, href })
                .collect(),
        );
        self
    }

    /// Adds the `quotes` field (empty when the page has none).
    pub fn with_quotes(mut self, quotes: &'a [crate::Quote]) -> Record<'a> {
        self.quotes = Some(quotes);
        self
    }

    /// Adds the fields of the WARC record the page came from.
    pub fn with_warc(
        mut self,
        record_id: Option<&'a str>,
        target_uri: Option<&'a str>,
        date: Option<&'a str>,
    ) -> Record<'a> {
        self.warc_record_id = record_id;
        self.warc_target_uri = target_uri;
        self.warc_date = date;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_point_survives_the_json_round_trip_with_controls_escaped() {
        // All Unicode scalar values, in the text and in a metadata field.
        let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
        let article = crate::Article {
            title: Some(all.clone()),
            body: vec![crate::Block::paragraph(all.clone())],
            ..crate::Article::default()
        };
        let json = serde_json::to_string(&Record::new("src", &article, false, false)).unwrap();
        // JSON requires U+0000 to U+001F escaped; everything else may stand as itself.
        assert!(!json.chars().any(|c| c < '\u{20}'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["title"].as_str(), Some(all.as_str()));
        assert_eq!(back["text"].as_str(), Some(all.as_str()));
    }
}
