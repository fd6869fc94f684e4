//! `pagepith extract` on WARC archives built here from hand-written pages: every good record
//! comes out in order with its WARC fields, every bad one is reported with its offset, and
//! the exit code and summary say what happened.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pagepith() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pagepith"))
}

/// A small article page whose body starts with `marker`.
fn page(marker: &str) -> Vec<u8> {
    format!(
        "<html><head><title>{marker}</title></head><body><nav><a href=/>Home</a></nav><article>\
         <p>{marker} opens this article, which has enough words in it to be read as prose by \
         any extractor, with commas, clauses, and a full stop at the end.</p>\
         <p>A second paragraph about {marker} follows, so that the article is not a fragment \
         but a real body of text with several sentences.</p></article></body></html>"
    )
    .into_bytes()
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn record(warc_type: &str, id: &str, uri: &str, block: &[u8], length: usize) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2026-11-26T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(id: &str, marker: &str) -> Vec<u8> {
    let block = http("text/html; charset=utf-8", &page(marker));
    record(
        "response",
        id,
        &format!("https://news.example/{id}"),
        &block,
        block.len(),
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Output lines as JSON.
fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(lines: &[serde_json::Value]) -> Vec<String> {
    lines
        .iter()
        .map(|v| v["warc_record_id"].as_str().unwrap().to_owned())
        .collect()
}

/// A Common Crawl-like `.warc.gz`: one gzip member per record, with a warcinfo record, request
/// records, an image, a truncated member, a garbage record and a record longer than its
/// Content-Length between good pages. Returns the file and the offsets of the bad records.
fn damaged_archive(dir: &Path) -> (PathBuf, Vec<u64>) {
    let mut file = Vec::new();
    let mut bad = Vec::new();
    let member = |file: &mut Vec<u8>, bytes: Vec<u8>| {
        let offset = file.len() as u64;
        file.extend(gz(&bytes));
        offset
    };
    member(
        &mut file,
        record("warcinfo", "info", "", b"software: test", 14),
    );
    member(&mut file, response("a", "Alpha"));
    member(
        &mut file,
        record(
            "request",
            "req",
            "https://x/",
            b"GET / HTTP/1.1\r\n\r\n",
            18,
        ),
    );
    // Truncated member: the archive was cut while being written.
    let truncated = gz(&response("lost1", "Lost"));
    bad.push(file.len() as u64);
    file.extend_from_slice(&truncated[..truncated.len() / 2]);
    member(&mut file, response("b", "Bravo"));
    let image = http("image/png", b"\x89PNG\r\n\x1a\n....");
    member(
        &mut file,
        record("response", "img", "https://x/i.png", &image, image.len()),
    );
    // Garbage where a record should be.
    bad.push(member(
        &mut file,
        b"GARBAGE no warc header here\r\n\r\n".to_vec(),
    ));
    member(&mut file, response("c", "Charlie"));
    // A record longer than its Content-Length says.
    let block = http("text/html", &page("Lost"));
    bad.push(member(
        &mut file,
        record("response", "lost2", "https://x/l", &block, block.len() - 25),
    ));
    member(&mut file, response("d", "Delta"));
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, file).unwrap();
    (path, bad)
}

#[test]
fn every_good_record_is_extracted_and_each_bad_one_reported_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bad_offsets) = damaged_archive(dir.path());
    let out = pagepith().arg("extract").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = jsonl(&out);
    assert_eq!(
        ids(&lines),
        [
            "<urn:uuid:a>",
            "<urn:uuid:b>",
            "<urn:uuid:c>",
            "<urn:uuid:d>"
        ],
        "{stderr}"
    );
    for (v, marker) in lines.iter().zip(["Alpha", "Bravo", "Charlie", "Delta"]) {
        assert!(v["text"].as_str().unwrap().starts_with(marker), "{v}");
        assert_eq!(v["source"], path.display().to_string());
        assert_eq!(v["warc_date"], "2026-11-26T10:00:00Z");
        // The page names no URL of its own, so the record's target URI is the page's URL.
        assert_eq!(v["url"], v["warc_target_uri"]);
    }
    for offset in &bad_offsets {
        assert!(
            stderr.contains(&format!("record at offset {offset}")),
            "offset {offset} not reported: {stderr}"
        );
    }
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let summary = stderr.lines().last().unwrap();
    assert!(summary.contains("HTML 4, extracted 4"), "{summary}");
    assert!(summary.contains("other-record 2"), "{summary}");
    assert!(summary.contains("non-html 1"), "{summary}");
    assert!(summary.contains("failed 3"), "{summary}");
}

/// One thread and several read the same damaged archive to the same output, the same reports
/// and the same exit code: the single-threaded path shares the reader and writer, not a copy.
#[test]
fn one_thread_and_many_give_the_same_output_reports_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = damaged_archive(dir.path());
    let run = |jobs: &str| {
        pagepith()
            .args(["extract", "-j", jobs])
            .arg(&path)
            .output()
            .unwrap()
    };
    let one = run("1");
    let three = run("3");
    assert_eq!(ids(&jsonl(&one)).len(), 4);
    assert_eq!(one.stdout, three.stdout);
    // Every report line but the summary, whose time and speed differ from run to run.
    let reports = |out: &Output| {
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let mut lines: Vec<String> = stderr.lines().map(str::to_owned).collect();
        lines.pop();
        lines
    };
    assert_eq!(reports(&one).len(), 3);
    assert_eq!(reports(&one), reports(&three));
    assert_eq!(one.status.code(), three.status.code());
}

/// `-j 1` runs on the calling thread alone, so one pagepith per core uses one core; `-j 2`
/// runs exactly two threads (the workers take turns at the reader: no reading or writing
/// thread beside them). The process waits on stdin
/// while it is counted.
#[cfg(target_os = "linux")]
#[test]
fn one_job_runs_on_one_thread() {
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let threads_of = |pid: u32| {
        std::fs::read_dir(format!("/proc/{pid}/task"))
            .map(|tasks| tasks.count())
            .unwrap_or(0)
    };
    let most_threads_seen = |jobs: &str| {
        let mut child = pagepith()
            .args(["extract", "-j", jobs, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // The WARC's first bytes make the reader take stdin as an archive and wait for more.
        stdin.write_all(&gz(&response("a", "Alpha"))).unwrap();
        stdin.flush().unwrap();
        let started = Instant::now();
        let mut most = 0;
        while started.elapsed() < Duration::from_millis(1500) {
            most = most.max(threads_of(child.id()));
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
        most
    };
    assert_eq!(most_threads_seen("1"), 1);
    assert_eq!(most_threads_seen("2"), 2);
}

#[test]
fn an_archive_with_nothing_wrong_exits_zero_even_with_records_that_are_not_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = response("a", "Alpha");
    file.extend(record(
        "request",
        "r",
        "https://x/",
        b"GET / HTTP/1.1\r\n\r\n",
        18,
    ));
    let image = http("image/png", b"\x89PNG");
    file.extend(record("response", "i", "https://x/i", &image, image.len()));
    file.extend(response("b", "Bravo"));
    // Plain WARC under a name that does not say so: found by content.
    let path = dir.path().join("capture.bin");
    std::fs::write(&path, file).unwrap();
    let out = pagepith().arg("extract").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(ids(&jsonl(&out)), ["<urn:uuid:a>", "<urn:uuid:b>"]);
    assert!(stderr.contains("read 4, HTML 2, extracted 2"), "{stderr}");
}

#[test]
fn the_http_charset_reaches_the_decoder() {
    // windows-1252 bytes; the page's own meta wrongly says windows-1251 (é would read as й).
    let body = b"<html><head><meta charset=windows-1251><title>Caf\xe9</title></head><body>\
                 <article><p>The caf\xe9 on the square serves cr\xe8me br\xfbl\xe9e every day of \
                 the week, and the owner, who has run it for thirty years, knows every regular \
                 by name and by order.</p></article></body></html>";
    let block = http("text/html; charset=windows-1252", body);
    let file = record("response", "e", "https://x/e", &block, block.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.warc");
    std::fs::write(&path, file).unwrap();
    let out = pagepith().arg("extract").arg(&path).output().unwrap();
    let lines = jsonl(&out);
    let text = lines[0]["text"].as_str().unwrap();
    assert!(text.contains("The café on the square"), "{text}");
    assert!(text.contains("crème brûlée"), "{text}");
}

#[test]
fn a_path_list_reads_archives_in_its_order_with_output_independent_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for (n, markers) in [("one", ["Alpha", "Bravo"]), ("two", ["Charlie", "Delta"])] {
        let file: Vec<u8> = markers
            .iter()
            .flat_map(|m| gz(&response(&m.to_lowercase(), m)))
            .collect();
        let path = dir.path().join(format!("{n}.warc.gz"));
        std::fs::write(&path, file).unwrap();
        names.push(path.display().to_string());
    }
    let list = dir.path().join("paths.txt");
    std::fs::write(
        &list,
        format!("# two archives\n{}\n{}\n", names[1], names[0]),
    )
    .unwrap();
    let run = |jobs: &str| {
        pagepith()
            .args(["extract", "-j", jobs, "--from-list"])
            .arg(&list)
            .output()
            .unwrap()
    };
    let one = run("1");
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(
        ids(&jsonl(&one)),
        [
            "<urn:uuid:charlie>",
            "<urn:uuid:delta>",
            "<urn:uuid:alpha>",
            "<urn:uuid:bravo>"
        ]
    );
    assert_eq!(run("4").stdout, one.stdout);
}

/// WET `conversion` records (Common Crawl's pages flattened to text) go through the text path:
/// the body comes out without the furniture lines, with the record's WARC fields and URI.
#[test]
fn wet_conversion_records_are_extracted_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Menu\nHome | News | Sport\n\
        Harbour Wall to Be Rebuilt Over Two Winters\n\
        The harbour wall will be rebuilt over two winters, the port authority said on Tuesday, \
        after storms last year opened a breach that let the sea into the old fish market.\n\
        Work starts in November, when the fishing fleet is smallest, and stops each spring so \
        that the summer ferries can berth without delay at the inner quay.\n\
        Share on Facebook\n\
        All rights reserved.\n";
    let file = record(
        "conversion",
        "w",
        "https://x/w",
        text.as_bytes(),
        text.len(),
    );
    let path = dir.path().join("crawl.warc.wet.gz");
    std::fs::write(&path, gz(&file)).unwrap();
    let out = pagepith().arg("extract").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 1, "{stderr}");
    let body = lines[0]["text"].as_str().unwrap();
    assert!(
        body.starts_with("The harbour wall will be rebuilt"),
        "{body}"
    );
    assert!(body.contains("the summer ferries can berth"), "{body}");
    assert!(!body.contains("Share on Facebook") && !body.contains("rights reserved"));
    assert_eq!(lines[0]["warc_target_uri"], "https://x/w");
}

/// Guards the wiring of `--format parquet` and its drift from JSON: every page is a row, and
/// every key of the JSON record (all options on) is a column of the file.
#[cfg(feature = "parquet")]
#[test]
fn parquet_output_has_every_page_and_every_json_field() {
    use parquet::file::reader::{FileReader, SerializedFileReader};

    let dir = tempfile::tempdir().unwrap();
    let file: Vec<u8> = ["Alpha", "Bravo"]
        .iter()
        .flat_map(|m| gz(&response(&m.to_lowercase(), m)))
        .collect();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, file).unwrap();
    let all = ["--comments", "--links", "--quotes", "--provenance"];
    let out_path = dir.path().join("out.parquet");
    let out = pagepith()
        .args(["extract", "--format", "parquet", "-o"])
        .arg(&out_path)
        .args(all)
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("extracted 2"), "{stderr}");

    let reader = SerializedFileReader::new(std::fs::File::open(&out_path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
    let schema = reader.metadata().file_metadata().schema_descr();
    let columns: Vec<String> = schema
        .root_schema()
        .get_fields()
        .iter()
        .map(|f| f.name().to_owned())
        .collect();

    let json = pagepith()
        .args(["extract", "--format", "jsonl"])
        .args(all)
        .arg(&path)
        .output()
        .unwrap();
    let first = String::from_utf8(json.stdout).unwrap();
    let record: serde_json::Value =
        serde_json::from_str(first.lines().next().expect("a record")).unwrap();
    let keys: Vec<&String> = record.as_object().unwrap().keys().collect();
    for key in &keys {
        assert!(
            columns.contains(key),
            "JSON key {key} has no Parquet column: {columns:?}"
        );
    }
    assert_eq!(columns.len(), keys.len(), "{columns:?} vs {keys:?}");
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_says_how_to_get_it() {
    let out = pagepith()
        .args([
            "extract",
            "--format",
            "parquet",
            "-o",
            "/dev/null",
            "x.warc",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--features parquet"));
}

/// A page whose article has `paragraphs` paragraphs: many make a page cost far more than the
/// small ones around it, so workers finish out of input order.
fn long_page(marker: &str, paragraphs: usize) -> Vec<u8> {
    let mut html = format!("<html><head><title>{marker}</title></head><body><article>");
    for i in 0..paragraphs {
        html.push_str(&format!(
            "<p>{marker} paragraph {i} carries enough words, with commas and clauses, to be \
             read as prose by the extractor.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    html.into_bytes()
}

/// Guards input order when results finish out of order: with three workers, long pages among
/// short ones (more pages than the workers may take ahead of the oldest unwritten one) come
/// out in input order and byte-identical to one thread.
#[test]
fn three_workers_keep_input_order_with_uneven_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = Vec::new();
    let mut expected = Vec::new();
    for i in 0..240 {
        let id = format!("p{i}");
        let body = if i % 17 == 3 {
            long_page(&id, 400)
        } else {
            page(&id)
        };
        let block = http("text/html", &body);
        file.extend(gz(&record(
            "response",
            &id,
            &format!("https://x/{id}"),
            &block,
            block.len(),
        )));
        expected.push(format!("<urn:uuid:{id}>"));
    }
    let path = dir.path().join("uneven.warc.gz");
    std::fs::write(&path, file).unwrap();
    let run = |jobs: &str| {
        let out = pagepith()
            .args(["extract", "-j", jobs])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    let three = run("3");
    assert_eq!(ids(&jsonl(&three)), expected);
    assert_eq!(three.stdout, run("1").stdout);
}

/// Guards fault handling with several workers: damaged records in the middle of many good
/// ones are each reported once, in place, and every good record on both sides comes out.
#[test]
fn a_fault_in_the_middle_loses_no_good_record_with_several_workers() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = Vec::new();
    let mut expected = Vec::new();
    let mut good = |file: &mut Vec<u8>, i: usize| {
        let id = format!("g{i}");
        file.extend(gz(&response(&id, &format!("Marker{i}"))));
        expected.push(format!("<urn:uuid:{id}>"));
    };
    for i in 0..100 {
        good(&mut file, i);
    }
    let truncated = gz(&response("lost", "Lost"));
    let truncated_at = file.len();
    file.extend_from_slice(&truncated[..truncated.len() / 2]);
    for i in 100..150 {
        good(&mut file, i);
    }
    let garbage_at = file.len();
    file.extend(gz(b"GARBAGE no warc header here\r\n\r\n"));
    for i in 150..200 {
        good(&mut file, i);
    }
    let path = dir.path().join("faulty.warc.gz");
    std::fs::write(&path, file).unwrap();
    let out = pagepith()
        .args(["extract", "-j", "3"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(ids(&jsonl(&out)), expected, "{stderr}");
    for offset in [truncated_at, garbage_at] {
        let report = format!("record at offset {offset}");
        assert_eq!(stderr.matches(&report).count(), 1, "{report}: {stderr}");
    }
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.lines().last().unwrap().contains("failed 2"),
        "{stderr}"
    );
}

/// Guards the stop path: when output fails with several workers busy, the run ends (no worker
/// waits forever for room or for a result) and fails with the write error.
#[cfg(target_os = "linux")]
#[test]
fn an_output_error_stops_every_worker() {
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let mut file = Vec::new();
    for i in 0..300 {
        file.extend(gz(&response(&format!("w{i}"), &format!("Marker{i}"))));
    }
    let path = dir.path().join("many.warc.gz");
    std::fs::write(&path, file).unwrap();
    let mut child = pagepith()
        .args(["extract", "-j", "3", "-o", "/dev/full"])
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("the run did not stop after the output failed");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!status.success(), "{stderr}");
    assert!(stderr.contains("cannot write output"), "{stderr}");
}
