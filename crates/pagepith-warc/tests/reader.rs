//! The reader against archives built here, record by record: good ones come out whole, each
//! damaged one is reported once at its offset, and reading carries on after it.

use std::io::{self, Read, Write};

use pagepith_warc::{Compression, FaultKind, Reader, Record};

fn record(id: u32, block: &[u8]) -> Vec<u8> {
    record_with_length(id, block, block.len())
}

fn record_with_length(id: u32, block: &[u8], length: usize) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: <https://example.org/{id}>\r\nContent-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn body(id: u32) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page {id}</p>\n")
        .repeat(1 + id as usize % 5)
        .into_bytes()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Reads everything: the ids of good records in order, and each fault's (offset, kind).
fn read_all<R: Read>(reader: Reader<R>) -> (Vec<String>, Vec<(u64, FaultKind)>) {
    let mut ids = Vec::new();
    let mut faults = Vec::new();
    for item in reader {
        match item {
            Ok(r) => ids.push(r.record_id().unwrap().to_owned()),
            Err(f) => faults.push((f.offset, f.kind)),
        }
    }
    (ids, faults)
}

fn ids(range: impl IntoIterator<Item = u32>) -> Vec<String> {
    range
        .into_iter()
        .map(|i| format!("<urn:uuid:{i}>"))
        .collect()
}

/// Hands the input out in pseudo-random pieces of 1..=max bytes, like a pipe or a socket.
struct Chunked<'a> {
    data: &'a [u8],
    state: u64,
    max: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        // xorshift64: deterministic for a printed seed, no dependency.
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        let n = (1 + self.state as usize % self.max)
            .min(out.len())
            .min(self.data.len());
        out[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn plain_records_come_out_in_order_with_their_offsets_and_fields() {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for i in 0..5 {
        offsets.push(file.len() as u64);
        file.extend(record(i, &body(i)));
    }
    let records: Vec<Record> = Reader::new(&file[..], Compression::None)
        .map(Result::unwrap)
        .collect();
    assert_eq!(records.len(), 5);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r.offset, offsets[i]);
        assert_eq!(r.block, body(i as u32));
        assert_eq!(
            r.target_uri(),
            Some(format!("https://example.org/{i}").as_str())
        );
        assert_eq!(r.warc_type(), Some("response"));
    }
}

#[test]
fn gzip_member_per_record_gives_each_record_its_member_offset() {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for i in 0..6 {
        offsets.push(file.len() as u64);
        file.extend(gz(&record(i, &body(i))));
    }
    let records: Vec<Record> = Reader::new(&file[..], Compression::Gzip)
        .map(Result::unwrap)
        .collect();
    let got: Vec<u64> = records.iter().map(|r| r.offset).collect();
    assert_eq!(got, offsets);
}

#[test]
fn a_whole_file_gzip_reads_like_the_plain_file() {
    let plain: Vec<u8> = (0..8).flat_map(|i| record(i, &body(i))).collect();
    let (got, faults) = read_all(Reader::new(&gz(&plain)[..], Compression::Gzip));
    assert_eq!(got, ids(0..8));
    assert!(faults.is_empty());
}

#[test]
fn a_truncated_member_is_reported_at_its_offset_and_the_next_members_are_read() {
    let mut file = Vec::new();
    let mut bad_offset = 0;
    for i in 0..6 {
        let member = gz(&record(i, &body(i)));
        if i == 2 {
            bad_offset = file.len() as u64;
            file.extend_from_slice(&member[..member.len() / 2]);
        } else {
            file.extend(member);
        }
    }
    let (got, faults) = read_all(Reader::new(&file[..], Compression::Gzip));
    assert_eq!(got, ids([0, 1, 3, 4, 5]));
    assert_eq!(faults, vec![(bad_offset, FaultKind::Compression)]);
}

#[test]
fn a_corrupt_member_and_bytes_between_members_are_reported_and_skipped() {
    let mut file = Vec::new();
    let mut expected_faults = Vec::new();
    for i in 0..6 {
        let mut member = gz(&record(i, &body(i)));
        if i == 1 {
            // Flip bytes inside the deflate data (past the 10-byte gzip header).
            expected_faults.push((file.len() as u64, FaultKind::Compression));
            for b in &mut member[14..20] {
                *b ^= 0x5a;
            }
        }
        if i == 4 {
            expected_faults.push((file.len() as u64, FaultKind::Compression));
            file.extend_from_slice(b"junk between members");
        }
        file.extend(member);
    }
    let (got, faults) = read_all(Reader::new(&file[..], Compression::Gzip));
    assert_eq!(got, ids([0, 2, 3, 4, 5]));
    assert_eq!(faults, expected_faults);
}

#[test]
fn garbage_where_a_record_should_start_is_one_bad_header_fault() {
    let mut file = Vec::new();
    file.extend(record(0, &body(0)));
    let garbage_at = file.len() as u64;
    file.extend_from_slice(b"this is not a warc record\r\nnor is this line\r\n\r\n");
    file.extend(record(1, &body(1)));
    let (got, faults) = read_all(Reader::new(&file[..], Compression::None));
    assert_eq!(got, ids([0, 1]));
    assert_eq!(faults, vec![(garbage_at, FaultKind::BadHeader)]);
}

#[test]
fn a_record_shorter_than_its_content_length_does_not_swallow_the_next_one() {
    let mut file = Vec::new();
    file.extend(record(0, &body(0)));
    let bad_at = file.len() as u64;
    file.extend(record_with_length(1, &body(1), body(1).len() + 40));
    file.extend(record(2, &body(2)));
    file.extend(record(3, &body(3)));
    for compression in [Compression::None, Compression::Gzip] {
        let bytes = match compression {
            Compression::None => file.clone(),
            Compression::Gzip => gz(&file),
        };
        let (got, faults) = read_all(Reader::new(&bytes[..], compression));
        assert_eq!(got, ids([0, 2, 3]), "{compression:?}");
        assert_eq!(faults.len(), 1);
        assert_eq!(faults[0].1, FaultKind::LengthMismatch);
        if compression == Compression::None {
            assert_eq!(faults[0].0, bad_at);
        }
    }
}

#[test]
fn a_record_longer_than_its_content_length_is_reported_and_reading_goes_on() {
    let mut file = Vec::new();
    file.extend(record(0, &body(0)));
    file.extend(record_with_length(1, &body(1), body(1).len() - 10));
    file.extend(record(2, &body(2)));
    let (got, faults) = read_all(Reader::new(&file[..], Compression::None));
    assert_eq!(got, ids([0, 2]));
    assert_eq!(faults.len(), 1);
    assert_eq!(faults[0].1, FaultKind::LengthMismatch);
}

#[test]
fn an_archive_cut_inside_a_block_reports_the_last_record_as_truncated() {
    let mut file: Vec<u8> = (0..3).flat_map(|i| record(i, &body(i))).collect();
    file.truncate(file.len() - 20);
    let (got, faults) = read_all(Reader::new(&file[..], Compression::None));
    assert_eq!(got, ids([0, 1]));
    assert_eq!(faults.len(), 1);
    assert_eq!(faults[0].1, FaultKind::Truncated);
}

#[test]
fn an_oversized_block_is_skipped_and_the_following_record_read() {
    let big = vec![b'x'; 10_000];
    let mut file = Vec::new();
    file.extend(record(0, &body(0)));
    file.extend(record(1, &big));
    file.extend(record(2, &body(2)));
    let reader = Reader::new(&file[..], Compression::None).with_max_block(5_000);
    let (got, faults) = read_all(reader);
    assert_eq!(got, ids([0, 2]));
    assert_eq!(faults.len(), 1);
    assert_eq!(faults[0].1, FaultKind::TooLarge);
}

#[test]
fn faults_and_records_do_not_depend_on_how_the_input_is_chunked() {
    // One archive with every kind of damage, read whole and then in random pieces.
    let mut file = Vec::new();
    for i in 0..40 {
        let mut member = gz(&record(i, &body(i)));
        match i % 10 {
            3 => member.truncate(member.len() / 3),
            6 => file.extend_from_slice(b"\x00garbage\x1f"),
            _ => {}
        }
        file.extend(member);
    }
    let whole = read_all(Reader::new(&file[..], Compression::Gzip));
    assert_eq!(whole.0.len(), 36);
    assert_eq!(whole.1.len(), 8);
    for seed in 1..=20u64 {
        for max in [1, 7, 300, 5000] {
            let input = Chunked {
                data: &file,
                state: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1,
                max,
            };
            let chunked = read_all(Reader::new(input, Compression::Gzip));
            assert_eq!(chunked, whole, "seed {seed}, max chunk {max}");
        }
    }
}

#[test]
fn sniffing_tells_plain_and_gzip_archives_from_pages() {
    let plain = record(0, &body(0));
    assert_eq!(pagepith_warc::sniff(&plain), Some(Compression::None));
    assert_eq!(pagepith_warc::sniff(&gz(&plain)), Some(Compression::Gzip));
    assert_eq!(pagepith_warc::sniff(b"<!doctype html><p>hi"), None);
    assert_eq!(pagepith_warc::sniff(&gz(b"<!doctype html><p>hi")), None);
    assert_eq!(pagepith_warc::sniff(b""), None);
}

#[test]
fn mutated_archives_never_panic_or_hang_and_undamaged_records_still_come_out() {
    // Random damage (flipped bytes, cuts, inserted junk) over plain and gzip archives: the
    // reader must end, and each mutation may cost at most the two records it touches (a cut
    // can span a boundary); every other record must come out whole.
    let originals: Vec<Vec<u8>> = (0..12).map(|i| record(i, &body(i))).collect();
    let plain: Vec<u8> = originals.concat();
    let gzip: Vec<u8> = originals.iter().flat_map(|r| gz(r)).collect();
    for seed in 1..=150u64 {
        let mut state = seed.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for (compression, source) in [(Compression::None, &plain), (Compression::Gzip, &gzip)] {
            let mut data = source.clone();
            let mutations = 1 + next(3);
            for _ in 0..mutations {
                match next(3) {
                    0 => {
                        let i = next(data.len());
                        data[i] ^= 1 + next(255) as u8;
                    }
                    1 => {
                        let i = next(data.len());
                        let len = (1 + next(200)).min(data.len() - i);
                        data.drain(i..i + len);
                    }
                    _ => {
                        let i = next(data.len());
                        let junk: Vec<u8> = (0..1 + next(64)).map(|_| next(256) as u8).collect();
                        data.splice(i..i, junk);
                    }
                }
            }
            let mut items = 0;
            let mut whole = 0;
            for item in Reader::new(&data[..], compression) {
                items += 1;
                assert!(items < 1000, "seed {seed}: the reader does not end");
                if let Ok(r) = item {
                    let id = r.record_id().unwrap_or("");
                    if (0..12).any(|i| id == format!("<urn:uuid:{i}>") && r.block == body(i)) {
                        whole += 1;
                    }
                }
            }
            assert!(
                whole >= 12 - 2 * mutations,
                "seed {seed}, {compression:?}: {whole} of 12 records whole after {mutations} mutations"
            );
        }
    }
}
