//! Just enough URL handling for metadata: keeping absolute `http(s)` addresses and resolving the
//! simple relative forms pages use for canonical links and images (`/path`, `//host/path`,
//! `path`). It is not a URL parser: anything unusual (`../`, other schemes) is dropped rather
//! than guessed at.

/// `href` as an absolute `http(s)` URL, resolved against `base` when it is relative.
pub fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.chars().any(char::is_whitespace) || href.starts_with('#') {
        return None;
    }
    if is_http(href) {
        return Some(href.to_owned());
    }
    if has_scheme(href) {
        return None;
    }
    let base = base.map(str::trim).filter(|b| is_http(b))?;
    let scheme_end = base.find("://")?;
    if let Some(rest) = href.strip_prefix("//") {
        return (!rest.is_empty()).then(|| format!("{}:{href}", &base[..scheme_end]));
    }
    let host_start = scheme_end + 3;
    let host_end = base[host_start..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| i + host_start);
    if href.starts_with('/') {
        return Some(format!("{}{href}", &base[..host_end]));
    }
    if href.starts_with("..") || href.starts_with('?') {
        return None;
    }
    // A relative path replaces the last segment of the base's path.
    let path_end = base[host_end..]
        .find(['?', '#'])
        .map_or(base.len(), |i| i + host_end);
    let dir_end = base[host_end..path_end]
        .rfind('/')
        .map_or(host_end, |i| i + host_end);
    let href = href.strip_prefix("./").unwrap_or(href);
    Some(format!("{}/{href}", &base[..dir_end]))
}

fn is_http(s: &str) -> bool {
    let b = s.as_bytes();
    let head = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    head("http://") || head("https://")
}

/// `mailto:`, `javascript:`, `data:` and the like: a colon before any slash.
fn has_scheme(s: &str) -> bool {
    match (s.find(':'), s.find('/')) {
        (Some(c), Some(sl)) => c < sl,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_forms_resolve_against_the_page_url() {
        let base = Some("https://example.com/news/2017/rain.html?x=1");
        assert_eq!(
            resolve("/a/b", base).as_deref(),
            Some("https://example.com/a/b")
        );
        assert_eq!(
            resolve("//cdn.example.com/i.jpg", base).as_deref(),
            Some("https://cdn.example.com/i.jpg")
        );
        assert_eq!(
            resolve("pic.jpg", base).as_deref(),
            Some("https://example.com/news/2017/pic.jpg")
        );
        assert_eq!(
            resolve("pic.jpg", Some("https://example.com")).as_deref(),
            Some("https://example.com/pic.jpg")
        );
    }

    #[test]
    fn only_http_urls_are_kept() {
        assert_eq!(
            resolve("HTTPS://example.com/a", None).as_deref(),
            Some("HTTPS://example.com/a")
        );
        assert_eq!(resolve("/a", None), None);
        assert_eq!(resolve("javascript:void(0)", Some("https://e.com/")), None);
        assert_eq!(resolve("../up", Some("https://e.com/a/b")), None);
        assert_eq!(resolve("#top", Some("https://e.com/")), None);
    }
}
