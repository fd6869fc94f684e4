//! `extract` on arbitrary bytes with the default Config, then every renderer on the result.
//! Any outcome but a panic, an abort, a timeout or an out-of-memory is a pass.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = pagepith::Config::default();
    if let Ok(article) = pagepith::extract(data, &config) {
        // The renderers walk the result: they must hold up on whatever extraction produced.
        let _ = article.text();
        let _ = article.markdown();
        let _ = article.html();
    }
});
