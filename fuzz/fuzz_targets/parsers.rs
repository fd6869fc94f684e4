//! The fast parse path against html5ever: on any input both must finish, and the extracted
//! text must be the same (the differential test over the dev pages, on arbitrary input).

#![no_main]

use libfuzzer_sys::fuzz_target;
use pagepith::{Config, Parser};

fuzz_target!(|data: &[u8]| {
    let fast = pagepith::extract(data, &Config::default().with_parser(Parser::Fast));
    let reference = pagepith::extract(data, &Config::default().with_parser(Parser::Html5ever));
    if let (Ok(fast), Ok(reference)) = (&fast, &reference) {
        assert_eq!(fast.text(), reference.text(), "the two parsers disagree");
    }
});
