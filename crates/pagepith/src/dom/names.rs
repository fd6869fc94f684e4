//! Element names stored without an allocation when they are known.
//!
//! Every element kept its name as an owned string: ~110,000 of the ~976,000 allocations of a
//! pass over scrapinghub (and as many frees when the tree is dropped), nearly all for the
//! names of [`Tag`]s, which already exist as `&'static str`.
//!
//! Tried for attribute names too (a static copy of ~70 common names, found by a hash table of
//! packed names or a match on length and end letters): 220,000 fewer allocations but more
//! instructions, the lookup costing as much as mimalloc's allocation and free, and every later
//! read of a `Cow` name a branch more (callgrind, BENCHMARKS.md "Speed session 4").

use std::borrow::Cow;

use super::Tag;

/// The stored name of an element: its tag's static name, or a copy for names outside [`Tag`].
/// `name` is the lower-case local name `tag` was found from.
pub(crate) fn element_name(tag: Tag, name: &str) -> Cow<'static, str> {
    match tag {
        Tag::Other => Cow::Owned(name.to_owned()),
        _ => Cow::Borrowed(tag.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_are_static_and_others_owned() {
        assert!(matches!(
            element_name(Tag::Div, "div"),
            Cow::Borrowed("div")
        ));
        assert_eq!(element_name(Tag::Other, "my-widget"), "my-widget");
        assert!(matches!(
            element_name(Tag::Other, "my-widget"),
            Cow::Owned(_)
        ));
    }
}
