//! The WARC reader on arbitrary bytes, read both as a plain archive and as gzip: it must end,
//! never panic, and report damage as faults.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pagepith_warc::{Compression, Reader};

fuzz_target!(|data: &[u8]| {
    for compression in [Compression::None, Compression::Gzip] {
        // Each item is a record or a fault; a bounded count guards against a reader that
        // stops advancing (libFuzzer's timeout would catch it too, less clearly).
        for item in Reader::new(data, compression).take(100_000) {
            let _ = item;
        }
    }
});
