//! The text path (`extract_text`, pages flattened to text) on arbitrary input, then every
//! renderer. Any outcome but a panic, an abort, a timeout or an out-of-memory is a pass.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let config = pagepith::Config::default();
    if let Ok(article) = pagepith::extract_text(&text, &config) {
        let _ = article.text();
        let _ = article.markdown();
        let _ = article.html();
    }
});
