//! The JSON contract of `extract`: one object per input. Other tools depend on these names:
//! fields may be added, never renamed.

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
    pub captions: &'a [String],
    pub text: String,
    /// Set for pages read from a WARC archive (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_target_uri: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_date: Option<&'a str>,
}

impl<'a> Record<'a> {
    pub fn new(source: &'a str, a: &'a pagepith::Article) -> Record<'a> {
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
            captions: &a.captions,
            text: a.text(),
            warc_record_id: None,
            warc_target_uri: None,
            warc_date: None,
        }
    }

    /// Adds the fields of the WARC record the page came from.
    pub fn with_warc(mut self, warc: &'a WarcFields) -> Record<'a> {
        self.warc_record_id = warc.record_id.as_deref();
        self.warc_target_uri = warc.target_uri.as_deref();
        self.warc_date = warc.date.as_deref();
        self
    }
}

/// What a page read from an archive keeps of its WARC record.
#[derive(Clone, Debug, Default)]
pub struct WarcFields {
    pub record_id: Option<String>,
    pub target_uri: Option<String>,
    pub date: Option<String>,
}
