//! Tests of date parsing and normalising: the formats and languages read, the window, the
//! readings refused.

#[test]
fn ambiguous_numeric_dates_give_both_readings() {
    // Guards the readings the page's other dates choose between, and what is no such date.
    assert_eq!(
        ambiguous_readings("02-12-2025"),
        Some([(2025, 2, 12), (2025, 12, 2)])
    );
    assert_eq!(
        ambiguous_readings("le 03/10/2023"),
        Some([(2023, 3, 10), (2023, 10, 3)])
    );
    assert_eq!(ambiguous_readings("25-12-2025"), None);
    assert_eq!(ambiguous_readings("05/05/2025"), None);
    assert_eq!(ambiguous_readings("02.12.2025"), None);
    assert_eq!(ambiguous_readings("2025-02-12"), None);
}

use super::*;

/// 2024-06-01T00:00:00Z, a fixed "now" so the tests do not depend on the clock.
const NOW: i64 = 1_717_200_000;

#[test]
fn month_only_dates_read_to_the_month() {
    // Guards the month-and-year shapes a report dates itself by, in five languages.
    let m = |s: &str| month_only(s, NOW);
    assert_eq!(m("October 1996").as_deref(), Some("1996-10"));
    assert_eq!(m(" Oct. 1996 ").as_deref(), Some("1996-10"));
    assert_eq!(m("February, 1994").as_deref(), Some("1994-02"));
    assert_eq!(m("février 1994").as_deref(), Some("1994-02"));
    assert_eq!(m("März 1993").as_deref(), Some("1993-03"));
    assert_eq!(m("septiembre de 1998").as_deref(), Some("1998-09"));
    assert_eq!(m("1998年9月").as_deref(), Some("1998-09"));
    assert_eq!(m("1998년 9월").as_deref(), Some("1998-09"));
}

#[test]
fn month_only_refuses_more_than_a_month_and_year() {
    // Guards against a sentence, an archive link, a full date, a label, a bare year and
    // months outside the window being read as a month-only date.
    let m = |s: &str| month_only(s, NOW);
    assert_eq!(m("Back in October 1996 we met"), None);
    assert_eq!(m("October 1996 (14)"), None);
    assert_eq!(m("October 3, 1996"), None);
    assert_eq!(m("Date: October 1996"), None);
    assert_eq!(m("2009"), None);
    assert_eq!(m("1998年9月号"), None);
    assert_eq!(m("October 1975"), None);
    assert_eq!(m("July 2031"), None);
    // The month of the window's earliest day and of "now" still count.
    assert_eq!(m("juin 2024").as_deref(), Some("2024-06"));
    assert_eq!(m("January 1990").as_deref(), Some("1990-01"));
}

fn iso(s: &str) -> Option<String> {
    normalize(s, NOW)
}

#[test]
fn iso_forms_keep_time_and_offset_only_when_given() {
    assert_eq!(iso("2017-11-14").as_deref(), Some("2017-11-14"));
    assert_eq!(
        iso("2017-11-14T15:38:00+02:00").as_deref(),
        Some("2017-11-14T15:38:00+02:00")
    );
    assert_eq!(
        iso("2017-11-14T15:38:00.123Z").as_deref(),
        Some("2017-11-14T15:38:00Z")
    );
    assert_eq!(
        iso("2017-11-14T15:38-0500").as_deref(),
        Some("2017-11-14T15:38:00-05:00")
    );
    assert_eq!(
        iso("2017-11-14 15:38:00").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(iso("20171114").as_deref(), Some("2017-11-14"));
}

#[test]
fn rfc2822_stamp_with_gmt_becomes_utc() {
    assert_eq!(
        iso("Tue, 14 Nov 2017 15:38:00 GMT").as_deref(),
        Some("2017-11-14T15:38:00Z")
    );
    assert_eq!(
        iso("Tue, 14 Nov 2017 15:38:00 +0100").as_deref(),
        Some("2017-11-14T15:38:00+01:00")
    );
}

#[test]
fn month_name_forms_in_either_order() {
    assert_eq!(iso("November 14, 2017").as_deref(), Some("2017-11-14"));
    assert_eq!(iso("14 November 2017").as_deref(), Some("2017-11-14"));
    assert_eq!(
        iso("Published on the 14th of November, 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(iso("14. November 2017").as_deref(), Some("2017-11-14"));
    assert_eq!(
        iso("14 de noviembre de 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(iso("2017 Nov 14").as_deref(), Some("2017-11-14"));
}

#[test]
fn dashed_day_month_year_with_short_month_names_in_several_languages() {
    // Guards `%d-%b-%Y` and short month names outside English.
    assert_eq!(iso("04-Aug-2021").as_deref(), Some("2021-08-04"));
    assert_eq!(
        iso("By: FlowGuard on 04-ago-2021 5:11:10").as_deref(),
        Some("2021-08-04T05:11:10")
    );
    assert_eq!(iso("12-giu-2020").as_deref(), Some("2020-06-12"));
    assert_eq!(iso("3 out 2019").as_deref(), Some("2019-10-03"));
    assert_eq!(iso("15 févr. 2022").as_deref(), Some("2022-02-15"));
    assert_eq!(iso("3. Okt 2020").as_deref(), Some("2020-10-03"));
    assert_eq!(iso("2021-Dec-04").as_deref(), Some("2021-12-04"));
    // A short word that is also a month is one only between a day and a year.
    assert_eq!(iso("3 days ago"), None);
    assert_eq!(iso("posted 2 hours ago, 2021 recap"), None);
}

#[test]
fn twelve_hour_clock_and_abbreviated_month() {
    assert_eq!(
        iso("Nov. 14, 2017 3:38 pm").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(
        iso("Nov. 14, 2017 12:05 a.m. EST").as_deref(),
        Some("2017-11-14T00:05:00-05:00")
    );
}

#[test]
fn numeric_forms_dotted_is_day_first_and_ambiguous_slashes_are_refused() {
    assert_eq!(iso("2017/11/14").as_deref(), Some("2017-11-14"));
    assert_eq!(iso("14.11.2017").as_deref(), Some("2017-11-14"));
    assert_eq!(iso("3.4.2017").as_deref(), Some("2017-04-03"));
    assert_eq!(iso("11/14/2017").as_deref(), Some("2017-11-14"));
    assert_eq!(iso("14/11/2017").as_deref(), Some("2017-11-14"));
    assert_eq!(iso("03/04/2017"), None);
    assert_eq!(iso("03-09-2017"), None);
    assert_eq!(iso("14-11-2017").as_deref(), Some("2017-11-14"));
}

#[test]
fn impossible_old_and_future_dates_are_rejected() {
    assert_eq!(iso("2017-02-30"), None);
    assert_eq!(iso("1970-01-01"), None);
    assert_eq!(iso("2024-06-02").as_deref(), Some("2024-06-02"));
    assert_eq!(iso("2024-06-03"), None);
    assert_eq!(iso("2099-01-01T00:00:00Z"), None);
    assert_eq!(iso("Updated 3 min ago"), None);
    assert_eq!(iso("May the force be with you"), None);
}

#[test]
fn chinese_japanese_and_korean_dates() {
    assert_eq!(iso("2017年11月14日").as_deref(), Some("2017-11-14"));
    assert_eq!(
        iso("发布时间：2017年11月14日 15:38").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(iso("2017년 11월 14일").as_deref(), Some("2017-11-14"));
    assert_eq!(iso("2017年13月14日"), None);
}

#[test]
fn leap_days_and_epoch_arithmetic() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    assert_eq!(iso("2016-02-29").as_deref(), Some("2016-02-29"));
    assert_eq!(iso("2017-02-29"), None);
}

#[test]
fn year_test_finds_short_texts_with_plausible_years() {
    assert!(has_year(" April 8, 2024 "));
    assert!(has_year("1999"));
    assert!(!has_year("Call 555-20245"));
    assert!(!has_year("1889"));
    assert!(!has_year(&"In 2024 the rain in Spain ".repeat(4)));
}

#[test]
fn a_dash_after_the_time_is_not_an_offset() {
    assert_eq!(
        iso("Nov 14, 2017 10:30 - 12 comments").as_deref(),
        Some("2017-11-14T10:30:00")
    );
}
