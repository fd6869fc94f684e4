//! Reads a WARC and counts its records and faults: how fast the reader alone goes, with no
//! extraction behind it (is the reading thread ever the bottleneck?).
//!
//! `cargo run --release -p pagepith-warc --example count -- crawl.warc.gz`

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: count FILE.warc[.gz]")?;
    let mut input = BufReader::with_capacity(64 << 10, File::open(&path)?);
    let compression = pagepith_warc::sniff(input.fill_buf()?).ok_or("not a WARC archive")?;
    let started = Instant::now();
    let (mut records, mut faults, mut block_bytes) = (0u64, 0u64, 0u64);
    let mut reader = pagepith_warc::Reader::new(input, compression);
    for item in reader.by_ref() {
        match item {
            Ok(r) => {
                records += 1;
                block_bytes += r.block.len() as u64;
            }
            Err(f) => {
                faults += 1;
                eprintln!("{f}");
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let file_mb = reader.file_position() as f64 / 1e6;
    println!(
        "{{\"records\": {records}, \"faults\": {faults}, \"file_mb\": {file_mb:.1}, \
         \"block_mb\": {:.1}, \"seconds\": {secs:.2}, \"file_mb_per_s\": {:.1}, \
         \"records_per_s\": {:.0}}}",
        block_bytes as f64 / 1e6,
        file_mb / secs,
        records as f64 / secs
    );
    Ok(())
}
