//! Tests of author-name cleaning: lead-ins, dates, roles, e-mails and share text cut, names
//! split and turned around, generic names and the site's own name kept apart.

use super::*;

fn names(raw: &str) -> Vec<String> {
    clean(raw, true)
}

#[test]
fn byline_with_and_is_split_into_two_names() {
    assert_eq!(
        names("By Jane Doe and John Smith"),
        ["Jane Doe", "John Smith"]
    );
}

#[test]
fn commas_ampersands_and_roles_after_commas() {
    assert_eq!(
        names("By Ann Lee, Bo Park & Cy Diaz"),
        ["Ann Lee", "Bo Park", "Cy Diaz"]
    );
    assert_eq!(names("Jane Doe, Staff Writer"), ["Jane Doe"]);
    assert_eq!(names("Posted by: Jane Doe"), ["Jane Doe"]);
    assert_eq!(names("Written by Byron Smith"), ["Byron Smith"]);
    assert_eq!(names("von Anna Schmidt"), ["Anna Schmidt"]);
    assert_eq!(names("Di Maria"), ["Di Maria"]);
    assert_eq!(names("Von Anna Schmidt"), ["Anna Schmidt"]);
    assert_eq!(names("Von Trier"), ["Von Trier"]);
}

#[test]
fn dates_and_update_notes_are_cut_from_bylines() {
    assert_eq!(names("By Jane Doe on Nov. 14, 2017"), ["Jane Doe"]);
    assert_eq!(
        names("By Jane Doe | November 14, 2017 | 3 min read"),
        ["Jane Doe"]
    );
    assert_eq!(names("By Jane Doe Updated 3 min ago"), ["Jane Doe"]);
    assert_eq!(names("Jane Doe, Tuesday"), ["Jane Doe"]);
    assert_eq!(names("By Tom May on May 5, 2025"), ["Tom May"]);
    assert_eq!(names("By Summer Swann-June 5, 2025"), ["Summer Swann"]);
    assert_eq!(names("Reyan Perumal Published Dec 3"), ["Reyan Perumal"]);
}

#[test]
fn staff_junk_is_generic_and_kept_apart() {
    let n = Names::from_raw(["By STAFF | Updated 3 min ago"], true);
    assert!(n.real.is_empty());
    assert_eq!(n.generic, ["STAFF"]);
    let n = Names::from_raw(["By Jane Doe and Staff"], true);
    assert_eq!(n.real, ["Jane Doe"]);
}

#[test]
fn emails_urls_and_share_text_are_dropped() {
    assert_eq!(names("By Jane Doe jane@example.com"), ["Jane Doe"]);
    assert_eq!(names("Jane Doe, jane@example.com"), ["Jane Doe"]);
    assert_eq!(
        clean("https://www.facebook.com/janedoe", false),
        Vec::<String>::new()
    );
    assert_eq!(names("Jane Doe / Follow on Twitter"), ["Jane Doe"]);
}

#[test]
fn structured_last_first_names_are_turned_around() {
    assert_eq!(
        clean("Smith, Jane; Lee, Ann", false),
        ["Jane Smith", "Ann Lee"]
    );
    assert_eq!(clean("Roy, Aniruddha", false), ["Aniruddha Roy"]);
    assert_eq!(clean("Jane Doe, Staff Writer", false), ["Jane Doe"]);
    // Visible bylines list people, not "Last, First".
    assert_eq!(names("Ann, Bo"), ["Ann", "Bo"]);
}

#[test]
fn usernames_keep_digits_and_parentheses_stay_balanced() {
    assert_eq!(clean("paulb203", false), ["paulb203"]);
    assert_eq!(
        clean("Jean-Marc Vidal (LinuxBoards)", false),
        ["Jean-Marc Vidal (LinuxBoards)"]
    );
    assert_eq!(names("Author Isaiah Shelton"), ["Isaiah Shelton"]);
}

#[test]
fn duplicates_are_dropped_case_insensitively_in_order() {
    let n = Names::from_raw(["Jane Doe", "JANE DOE", "John Smith"], false);
    assert_eq!(n.real, ["Jane Doe", "John Smith"]);
}

#[test]
fn sentences_starting_with_by_are_not_bylines() {
    assert_eq!(
        names("By the end of the year, prices had doubled again"),
        Vec::<String>::new()
    );
    assert!(opens_byline("By "));
    assert!(opens_byline("Written by"));
    assert!(opens_byline("by Nicole Burke"));
    assert!(opens_byline("Author:"));
    assert!(!opens_byline("by the end of the day"));
    assert_eq!(names("Written By"), Vec::<String>::new());
    assert_eq!(
        names("Niko Matsakis on behalf of the Rust team"),
        ["Niko Matsakis"]
    );
    assert!(!opens_byline("by the way"));
}

#[test]
fn author_named_like_the_site_is_demoted() {
    let mut n = Names::from_raw(["The Daily News"], false);
    n.demote("the daily-news");
    assert!(n.real.is_empty());
    assert_eq!(n.generic, ["The Daily News"]);
}
