//! `--format parquet`: the JSON contract's fields as Parquet columns, for Spark and datatrove.
//!
//! Workers render each page as its JSON Lines record (the contract in `pagepith::Record`); this
//! sink reads those back into column builders, so the two formats cannot drift apart. Row
//! groups are kept small enough that memory stays flat on a whole crawl.
//!
//! The schema is the same whatever the options: a field the run did not ask for (`comments`,
//! `links`, `quotes`, the `*_source` fields, the WARC fields of a page read from a file) is
//! null, where JSON leaves the key out. Files from runs with different options then read as
//! one table. `links` and `quotes` are lists of structs with the JSON objects' keys.

use std::io::Write;
use std::sync::Arc;

use anyhow::{Context, Result};
use arrow_array::builder::{ListBuilder, StringBuilder, StructBuilder, UInt64Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde::Deserialize;

/// Rows per Arrow batch and per Parquet row group. Pages' texts average a few KB, so a group
/// of 4,096 holds ~10–30 MB before it is written: flat memory, and groups large enough for
/// column statistics and compression to pay off.
const ROWS_PER_GROUP: usize = 4096;

const TEXT: [&str; 10] = [
    "url",
    "title",
    "date",
    "date_modified",
    "sitename",
    "language",
    "description",
    "image",
    "page_type",
    "text",
];
const LISTS: [&str; 4] = ["authors", "categories", "tags", "captions"];
/// Filled only when asked for (`--comments`, `--provenance`).
const OPTIONAL_TEXT: [&str; 9] = [
    "comments",
    "title_source",
    "authors_source",
    "date_source",
    "date_modified_source",
    "sitename_source",
    "language_source",
    "image_source",
    "page_type_source",
];
const WARC: [&str; 3] = ["warc_record_id", "warc_target_uri", "warc_date"];

/// One JSON record read back (field names are the contract's).
#[derive(Deserialize)]
struct Row {
    source: String,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
    date_modified: Option<String>,
    sitename: Option<String>,
    language: Option<String>,
    description: Option<String>,
    image: Option<String>,
    page_type: Option<String>,
    text: Option<String>,
    authors: Vec<String>,
    categories: Vec<String>,
    tags: Vec<String>,
    captions: Vec<String>,
    #[serde(default)]
    comments: Option<String>,
    #[serde(default)]
    links: Option<Vec<LinkRow>>,
    #[serde(default)]
    quotes: Option<Vec<QuoteRow>>,
    #[serde(default)]
    title_source: Option<String>,
    #[serde(default)]
    authors_source: Option<String>,
    #[serde(default)]
    date_source: Option<String>,
    #[serde(default)]
    date_modified_source: Option<String>,
    #[serde(default)]
    sitename_source: Option<String>,
    #[serde(default)]
    language_source: Option<String>,
    #[serde(default)]
    image_source: Option<String>,
    #[serde(default)]
    page_type_source: Option<String>,
    #[serde(default)]
    warc_record_id: Option<String>,
    #[serde(default)]
    warc_target_uri: Option<String>,
    #[serde(default)]
    warc_date: Option<String>,
}

#[derive(Deserialize)]
struct LinkRow {
    text: String,
    href: String,
}

#[derive(Deserialize)]
struct QuoteRow {
    text: String,
    speaker: Option<String>,
    speaker_mention: Option<String>,
    cue: Option<String>,
    paragraph: u64,
    start: u64,
    end: u64,
}

impl Row {
    fn text_field(&self, name: &str) -> Option<&str> {
        match name {
            "url" => self.url.as_deref(),
            "title" => self.title.as_deref(),
            "date" => self.date.as_deref(),
            "date_modified" => self.date_modified.as_deref(),
            "sitename" => self.sitename.as_deref(),
            "language" => self.language.as_deref(),
            "description" => self.description.as_deref(),
            "image" => self.image.as_deref(),
            "page_type" => self.page_type.as_deref(),
            "text" => self.text.as_deref(),
            "comments" => self.comments.as_deref(),
            "title_source" => self.title_source.as_deref(),
            "authors_source" => self.authors_source.as_deref(),
            "date_source" => self.date_source.as_deref(),
            "date_modified_source" => self.date_modified_source.as_deref(),
            "sitename_source" => self.sitename_source.as_deref(),
            "language_source" => self.language_source.as_deref(),
            "image_source" => self.image_source.as_deref(),
            "page_type_source" => self.page_type_source.as_deref(),
            "warc_record_id" => self.warc_record_id.as_deref(),
            "warc_target_uri" => self.warc_target_uri.as_deref(),
            "warc_date" => self.warc_date.as_deref(),
            _ => unreachable!("not a text column: {name}"),
        }
    }

    fn list_field(&self, name: &str) -> &[String] {
        match name {
            "authors" => &self.authors,
            "categories" => &self.categories,
            "tags" => &self.tags,
            "captions" => &self.captions,
            _ => unreachable!("not a list column: {name}"),
        }
    }
}

fn link_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("href", DataType::Utf8, false),
    ])
}

fn quote_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("speaker", DataType::Utf8, true),
        Field::new("speaker_mention", DataType::Utf8, true),
        Field::new("cue", DataType::Utf8, true),
        Field::new("paragraph", DataType::UInt64, false),
        Field::new("start", DataType::UInt64, false),
        Field::new("end", DataType::UInt64, false),
    ])
}

/// A list column's type, as `ListBuilder` builds it: nullable items named "item".
fn list_of(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, true)))
}

pub struct ParquetSink {
    writer: ArrowWriter<Box<dyn Write + Send>>,
    schema: SchemaRef,
    rows: Vec<Row>,
}

fn schema() -> SchemaRef {
    let mut fields = vec![Field::new("source", DataType::Utf8, false)];
    fields.extend(TEXT.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
    fields.extend(
        LISTS
            .iter()
            .map(|n| Field::new(*n, list_of(DataType::Utf8), false)),
    );
    fields.extend(
        OPTIONAL_TEXT
            .iter()
            .map(|n| Field::new(*n, DataType::Utf8, true)),
    );
    fields.push(Field::new(
        "links",
        list_of(DataType::Struct(link_fields())),
        true,
    ));
    fields.push(Field::new(
        "quotes",
        list_of(DataType::Struct(quote_fields())),
        true,
    ));
    fields.extend(WARC.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
    Arc::new(Schema::new(fields))
}

/// The `links` column: null where links were not asked for.
fn links_column(rows: &[Row]) -> ArrayRef {
    let mut b = ListBuilder::new(StructBuilder::from_fields(link_fields(), 0));
    for r in rows {
        let Some(links) = &r.links else {
            b.append(false);
            continue;
        };
        let items = b.values();
        for link in links {
            string_at(items, 0).append_value(&link.text);
            string_at(items, 1).append_value(&link.href);
            items.append(true);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

/// The `quotes` column: null where quotations were not asked for.
fn quotes_column(rows: &[Row]) -> ArrayRef {
    let mut b = ListBuilder::new(StructBuilder::from_fields(quote_fields(), 0));
    for r in rows {
        let Some(quotes) = &r.quotes else {
            b.append(false);
            continue;
        };
        let items = b.values();
        for q in quotes {
            string_at(items, 0).append_value(&q.text);
            string_at(items, 1).append_option(q.speaker.as_deref());
            string_at(items, 2).append_option(q.speaker_mention.as_deref());
            string_at(items, 3).append_option(q.cue.as_deref());
            number_at(items, 4).append_value(q.paragraph);
            number_at(items, 5).append_value(q.start);
            number_at(items, 6).append_value(q.end);
            items.append(true);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

fn string_at(s: &mut StructBuilder, i: usize) -> &mut StringBuilder {
    s.field_builder::<StringBuilder>(i)
        .expect("the struct's fields are built from the schema's")
}

fn number_at(s: &mut StructBuilder, i: usize) -> &mut UInt64Builder {
    s.field_builder::<UInt64Builder>(i)
        .expect("the struct's fields are built from the schema's")
}

impl ParquetSink {
    pub fn new(out: Box<dyn Write + Send>) -> Result<ParquetSink> {
        let schema = schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROWS_PER_GROUP))
            .build();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props))
            .context("cannot start the Parquet file")?;
        Ok(ParquetSink {
            writer,
            schema,
            rows: Vec::new(),
        })
    }

    /// Adds one page, given as its JSON record.
    pub fn push(&mut self, json: &str) -> Result<()> {
        self.rows
            .push(serde_json::from_str(json).context("a page's record is not the JSON contract")?);
        if self.rows.len() >= ROWS_PER_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let strings = |name: &str| -> ArrayRef {
            let mut b = StringBuilder::new();
            for r in &rows {
                b.append_option(r.text_field(name));
            }
            Arc::new(b.finish())
        };
        let mut columns: Vec<ArrayRef> = Vec::new();
        let mut source = StringBuilder::new();
        for r in &rows {
            source.append_value(&r.source);
        }
        columns.push(Arc::new(source.finish()));
        columns.extend(TEXT.iter().map(|n| strings(n)));
        for name in LISTS {
            let mut b = ListBuilder::new(StringBuilder::new());
            for r in &rows {
                for item in r.list_field(name) {
                    b.values().append_value(item);
                }
                b.append(true);
            }
            columns.push(Arc::new(b.finish()));
        }
        columns.extend(OPTIONAL_TEXT.iter().map(|n| strings(n)));
        columns.push(links_column(&rows));
        columns.push(quotes_column(&rows));
        columns.extend(WARC.iter().map(|n| strings(n)));
        let batch = RecordBatch::try_new(self.schema.clone(), columns)
            .context("cannot build a Parquet row group")?;
        self.writer
            .write(&batch)
            .context("cannot write the Parquet file")?;
        Ok(())
    }

    /// Writes what is left and the file's footer.
    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer
            .close()
            .context("cannot finish the Parquet file")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Array, ListArray, StringArray, StructArray, UInt64Array};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// Guards the columns against the JSON records they are read from: every field, across
    /// row groups, with the fields a run did not ask for (no WARC, no links, no quotes, no
    /// comments, no provenance) as nulls rather than empty values.
    #[test]
    fn records_read_back_column_by_column_across_row_groups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.parquet");
        let file = std::fs::File::create(&path).unwrap();
        let mut sink = ParquetSink::new(Box::new(file)).unwrap();
        // More than one row group, and both a page with WARC fields and one without.
        let n = ROWS_PER_GROUP + 3;
        for i in 0..n {
            let json = if i % 2 == 0 {
                format!(
                    r#"{{"source":"a.warc.gz","url":"https://x/{i}","title":null,"authors":["A","B"],
                    "date":null,"date_modified":null,"sitename":null,"language":"en",
                    "description":null,"image":null,"categories":[],"tags":["t"],
                    "page_type":"article","captions":[],"text":"Body {i}","comments":"",
                    "links":[{{"text":"docs","href":"https://x/d"}}],
                    "quotes":[{{"text":"Yes.","speaker":"Ana Ruiz","speaker_mention":null,
                    "cue":"said","paragraph":0,"start":1,"end":{i}}}],
                    "title_source":"h1","authors_source":null,"date_source":null,
                    "date_modified_source":null,"sitename_source":null,"language_source":null,
                    "image_source":null,"page_type_source":"json-ld:@type",
                    "warc_record_id":"<urn:uuid:{i}>",
                    "warc_target_uri":"https://x/{i}","warc_date":"2026-11-26T00:00:00Z"}}"#
                )
            } else {
                format!(
                    r#"{{"source":"p.html","url":null,"title":"T","authors":[],"date":null,
                    "date_modified":null,"sitename":null,"language":null,"description":null,
                    "image":null,"categories":[],"tags":[],"page_type":"listing","captions":[],
                    "text":"Body {i}"}}"#
                )
            };
            sink.push(&json).unwrap();
        }
        sink.finish().unwrap();

        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let mut seen = 0;
        for batch in reader {
            let batch = batch.unwrap();
            let col = |name: &str| batch.column(batch.schema().index_of(name).unwrap()).clone();
            let text = col("text");
            let text = text.as_any().downcast_ref::<StringArray>().unwrap();
            let id = col("warc_record_id");
            let id = id.as_any().downcast_ref::<StringArray>().unwrap();
            let authors = col("authors");
            let authors = authors.as_any().downcast_ref::<ListArray>().unwrap();
            let strings = |name: &str| col(name).as_any().downcast_ref::<StringArray>().cloned();
            let page_type = strings("page_type").unwrap();
            let comments = strings("comments").unwrap();
            let title_source = strings("title_source").unwrap();
            let links = col("links");
            let links = links.as_any().downcast_ref::<ListArray>().unwrap();
            let quotes = col("quotes");
            let quotes = quotes.as_any().downcast_ref::<ListArray>().unwrap();
            for row in 0..batch.num_rows() {
                let i = seen + row;
                assert_eq!(text.value(row), format!("Body {i}"));
                if i % 2 == 0 {
                    assert_eq!(id.value(row), format!("<urn:uuid:{i}>"));
                    assert_eq!(authors.value(row).len(), 2);
                    assert_eq!(page_type.value(row), "article");
                    assert_eq!(comments.value(row), "");
                    assert_eq!(title_source.value(row), "h1");
                    let link = links.value(row);
                    let link = link.as_any().downcast_ref::<StructArray>().unwrap();
                    assert_eq!(link.len(), 1);
                    let href = link.column_by_name("href").unwrap();
                    let href = href.as_any().downcast_ref::<StringArray>().unwrap();
                    assert_eq!(href.value(0), "https://x/d");
                    let quote = quotes.value(row);
                    let quote = quote.as_any().downcast_ref::<StructArray>().unwrap();
                    let speaker = quote.column_by_name("speaker").unwrap();
                    let speaker = speaker.as_any().downcast_ref::<StringArray>().unwrap();
                    let mention = quote.column_by_name("speaker_mention").unwrap();
                    let end = quote.column_by_name("end").unwrap();
                    let end = end.as_any().downcast_ref::<UInt64Array>().unwrap();
                    assert_eq!(speaker.value(0), "Ana Ruiz");
                    assert!(mention.is_null(0));
                    assert_eq!(end.value(0), i as u64);
                } else {
                    assert!(id.is_null(row));
                    assert_eq!(authors.value(row).len(), 0);
                    assert_eq!(page_type.value(row), "listing");
                    assert!(comments.is_null(row) && title_source.is_null(row));
                    assert!(links.is_null(row) && quotes.is_null(row));
                }
            }
            seen += batch.num_rows();
        }
        assert_eq!(seen, n);
    }
}
