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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_point_survives_the_json_round_trip_with_controls_escaped() {
        // All Unicode scalar values, in the text and in a metadata field.
        let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
        let article = pagepith::Article {
            title: Some(all.clone()),
            body: vec![pagepith::Block::Paragraph { text: all.clone() }],
            ..pagepith::Article::default()
        };
        let json = serde_json::to_string(&Record::new("src", &article)).unwrap();
        // JSON requires U+0000 to U+001F escaped; everything else may stand as itself.
        assert!(!json.chars().any(|c| c < '\u{20}'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["title"].as_str(), Some(all.as_str()));
        assert_eq!(back["text"].as_str(), Some(all.as_str()));
    }
}
