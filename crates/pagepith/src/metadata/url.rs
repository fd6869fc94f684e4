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

/// The host of an absolute `http(s)` URL, without a port or user part.
pub fn host(url: &str) -> Option<&str> {
    let url = url.trim();
    if !is_http(url) {
        return None;
    }
    let rest = &url[url.find("://")? + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let host = authority.split(':').next().unwrap_or(authority);
    (!host.is_empty()).then_some(host)
}

/// The path of an absolute `http(s)` URL (without query or fragment), `/` when it has none.
pub fn path(url: &str) -> Option<&str> {
    let url = url.trim();
    if !is_http(url) {
        return None;
    }
    let rest = &url[url.find("://")? + 3..];
    let Some(start) = rest.find('/') else {
        return Some("/");
    };
    let p = &rest[start..];
    Some(&p[..p.find(['?', '#']).unwrap_or(p.len())])
}

/// The day a URL's path names: `/2017/11/14/slug` or `/2017-11-14-slug`. A path with a year
/// and month only (`/2017/11/slug`) names no day and gives nothing.
pub fn date_in_path(url: &str) -> Option<String> {
    let segs: Vec<&str> = path(url)?.split('/').filter(|s| !s.is_empty()).collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    for (i, seg) in segs.iter().enumerate() {
        if digits(seg, 4..=4) {
            if let (Some(m), Some(d)) = (segs.get(i + 1), segs.get(i + 2)) {
                if digits(m, 1..=2) && digits(d, 1..=2) {
                    return Some(format!("{seg}-{m:0>2}-{d:0>2}"));
                }
                // "/2023/october/03/": a CMS that spells the month in its permalinks.
                let named = crate::metadata::date::month_number(&m.to_lowercase());
                if let (Some(m), true) = (named, digits(d, 1..=2)) {
                    return Some(format!("{seg}-{m:02}-{d:0>2}"));
                }
            }
        }
        // "2017-11-14-slug": the ten leading characters, when they are a date.
        let head = seg.get(..10).unwrap_or("");
        let b = head.as_bytes();
        if b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && digits(&head[..4], 4..=4)
            && digits(&head[5..7], 2..=2)
            && digits(&head[8..], 2..=2)
        {
            return Some(head.to_owned());
        }
    }
    None
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
    fn host_and_path_ignore_port_user_query_and_fragment() {
        assert_eq!(
            host("https://u@www.Example.org:8080/a?b"),
            Some("www.Example.org")
        );
        assert_eq!(host("ftp://example.org/"), None);
        assert_eq!(
            path("https://example.org/2017/11/14/x?y=1#z"),
            Some("/2017/11/14/x")
        );
        assert_eq!(path("https://example.org"), Some("/"));
    }

    #[test]
    fn dates_in_paths_need_a_day() {
        let d = |u| date_in_path(u);
        assert_eq!(
            d("https://e.org/2017/11/14/slug").as_deref(),
            Some("2017-11-14")
        );
        assert_eq!(
            d("https://e.org/news/2017/1/4/").as_deref(),
            Some("2017-01-04")
        );
        assert_eq!(
            d("https://e.org/p/2017-11-14-slug").as_deref(),
            Some("2017-11-14")
        );
        assert_eq!(d("https://e.org/2017/11/slug"), None);
        // Guards month names in the path, in any language the date reader knows.
        assert_eq!(
            d("https://e.org/blog/2023/october/03/slug").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(
            d("https://e.org/blog/2023/Oktober/3/").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(
            d("https://e.org/2023/marzo/15/nota").as_deref(),
            Some("2023-03-15")
        );
        assert_eq!(
            d("https://e.org/2023/juin/5/").as_deref(),
            Some("2023-06-05")
        );
        assert_eq!(d("https://e.org/2023/october/slug"), None);
        assert_eq!(d("https://e.org/item/123456/78/9"), None);
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
