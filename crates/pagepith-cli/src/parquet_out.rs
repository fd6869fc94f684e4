//! `--format parquet`: the JSON contract's fields as Parquet columns, for Spark and datatrove.
//!
//! Workers render each page as its JSON Lines record (the contract in `pagepith::Record`); this
//! sink reads those back into column builders, so the two formats cannot drift apart. Row
//! groups are kept small enough that memory stays flat on a whole crawl.

use std::io::Write;
use std::sync::Arc;

use anyhow::{Context, Result};
use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde::Deserialize;

/// Rows per Arrow batch and per Parquet row group. Pages' texts average a few KB, so a group
/// of 4,096 holds ~10–30 MB before it is written: flat memory, and groups large enough for
/// column statistics and compression to pay off.
const ROWS_PER_GROUP: usize = 4096;

const TEXT: [&str; 9] = [
    "url",
    "title",
    "date",
    "date_modified",
    "sitename",
    "language",
    "description",
    "image",
    "text",
];
const LISTS: [&str; 4] = ["authors", "categories", "tags", "captions"];
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
    text: Option<String>,
    authors: Vec<String>,
    categories: Vec<String>,
    tags: Vec<String>,
    captions: Vec<String>,
    warc_record_id: Option<String>,
    warc_target_uri: Option<String>,
    warc_date: Option<String>,
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
            "text" => self.text.as_deref(),
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

pub struct ParquetSink {
    writer: ArrowWriter<Box<dyn Write + Send>>,
    schema: SchemaRef,
    rows: Vec<Row>,
}

fn schema() -> SchemaRef {
    let mut fields = vec![Field::new("source", DataType::Utf8, false)];
    fields.extend(TEXT.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
    fields.extend(LISTS.iter().map(|n| {
        Field::new(
            *n,
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            false,
        )
    }));
    fields.extend(WARC.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
    Arc::new(Schema::new(fields))
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
    use arrow_array::{Array, ListArray, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

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
                    "description":null,"image":null,"categories":[],"tags":["t"],"captions":[],
                    "text":"Body {i}","warc_record_id":"<urn:uuid:{i}>",
                    "warc_target_uri":"https://x/{i}","warc_date":"2026-11-26T00:00:00Z"}}"#
                )
            } else {
                format!(
                    r#"{{"source":"p.html","url":null,"title":"T","authors":[],"date":null,
                    "date_modified":null,"sitename":null,"language":null,"description":null,
                    "image":null,"categories":[],"tags":[],"captions":[],"text":"Body {i}"}}"#
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
            for row in 0..batch.num_rows() {
                let i = seen + row;
                assert_eq!(text.value(row), format!("Body {i}"));
                if i % 2 == 0 {
                    assert_eq!(id.value(row), format!("<urn:uuid:{i}>"));
                    assert_eq!(authors.value(row).len(), 2);
                } else {
                    assert!(id.is_null(row));
                    assert_eq!(authors.value(row).len(), 0);
                }
            }
            seen += batch.num_rows();
        }
        assert_eq!(seen, n);
    }
}
