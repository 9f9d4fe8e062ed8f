use jiff::civil::{Date, date};

use super::*;
use crate::parse::date::mentioned_years;
use crate::twin::ascii_equivalent;
use regex::Regex;

fn run(s: &str, dct: Option<Date>) -> Vec<(String, Option<String>, Option<String>)> {
    let mut anchor = Anchor::new(dct, date(2026, 11, 23), mentioned_years(s));
    let mut out = Vec::new();
    scan(s, 0, s.len(), &mut anchor, &mut out);
    out.into_iter()
        .map(|t| (t.text, t.value, t.until))
        .collect()
}

fn one(s: &str, dct: Option<Date>) -> Option<String> {
    let r = run(s, dct);
    assert_eq!(r.len(), 1, "{s}: {r:?}");
    r[0].1.clone()
}

fn v(s: &str) -> Option<String> {
    Some(s.to_string())
}

const TUE: Option<Date> = Some(date(2022, 11, 29));

#[test]
fn absolute_forms() {
    assert_eq!(one("It ended on Nov 29.", TUE), v("2022-11-29"));
    assert_eq!(one("Signed 29 Nov. 2022 in Rome.", None), v("2022-11-29"));
    assert_eq!(one("Filed 2022-11-29.", None), v("2022-11-29"));
    assert_eq!(one("The summit in July 2023 ended.", None), v("2023-07"));
    assert_eq!(one("It happened in April 2008.", TUE), v("2008-04"));
    assert_eq!(one("It was founded in 2008.", TUE), v("2008"));
    assert_eq!(one("in the 1990s", TUE), v("199"));
    assert_eq!(one("the end of 1998", TUE), v("1998"));
}

/// Each alternative of the pattern is resolved by its own rule: the match
/// names its alternative, and the resolver reads that alternative's
/// groups (a rule taken for another alternative reads groups that did not
/// take part, or gives another value).
#[test]
fn each_alternative_resolves_by_its_own_rule() {
    for (text, alternative, value) in [
        ("Filed 2021-03-04.", alt::ISO, "2021-03-04"),
        ("Signed on March 4, 2021.", alt::MD, "2021-03-04"),
        ("Signed 4 March 2021.", alt::DM, "2021-03-04"),
        ("Held in Mar 2021.", alt::MYA, "2021-03"),
        ("Held in early March 2021.", alt::MY, "2021-03"),
        ("Built in the 1970s.", alt::DEC, "197"),
        ("Built in 1975.", alt::YEAR, "1975"),
        ("Due by the end of next month.", alt::PER, "2022-12"),
        ("Sales fell last week.", alt::REL, "2022-W47"),
        ("Sales fell three days ago.", alt::AGO, "2022-11-26"),
        ("He arrived yesterday.", alt::DWORD, "2022-11-28"),
        ("He arrived on Friday.", alt::WD, "2022-11-25"),
    ] {
        let (scanner, haystack) = Scanner::for_region(text);
        let mut locs = None;
        let alternatives: Vec<usize> = (scanner.find_iter(&haystack))
            .filter(|m| m.pattern().as_usize() != TRIGGER_PATTERN)
            .map(|m| Found::read(scanner.groups, &mut locs, &haystack, text, m).alternative())
            .collect();
        assert_eq!(alternatives, [alternative], "{text}");
        assert_eq!(one(text, TUE), v(value), "{text}");
    }
}

#[test]
fn ranges_give_until() {
    let r = run("The meeting takes place on November 28-29.", TUE);
    assert_eq!(
        r[0],
        ("November 28-29".into(), v("2022-11-28"), v("2022-11-29"))
    );
    let r = run("held 28-29 November 2021", None);
    assert_eq!(r[0].1, v("2021-11-28"));
    assert_eq!(r[0].2, v("2021-11-29"));
}

#[test]
fn relative_to_article_date() {
    assert_eq!(one("this meeting today", TUE), v("2022-11-29"));
    assert_eq!(one("He arrived yesterday.", TUE), v("2022-11-28"));
    assert_eq!(one("They meet tomorrow.", TUE), v("2022-11-30"));
    assert_eq!(one("Sales fell last month.", TUE), v("2022-10"));
    assert_eq!(one("The summit next year.", TUE), v("2023"));
    assert_eq!(one("It rose this year.", TUE), v("2022"));
    assert_eq!(one("It rose earlier this month.", TUE), v("2022-11"));
    assert_eq!(one("It fell last week.", TUE), v("2022-W47"));
    assert_eq!(one("It fell two years ago.", TUE), v("2020"));
    assert_eq!(one("It fell three days ago.", TUE), v("2022-11-26"));
    // Quarterly figures: the same quarter a year earlier.
    assert_eq!(
        one("Profit rose from a year earlier in the quarter.", TUE),
        v("2021-Q4")
    );
}

#[test]
fn weekdays_both_ways() {
    // 2022-11-29 is a Tuesday.
    assert_eq!(one("He arrived on Friday.", TUE), v("2022-11-25"));
    assert_eq!(one("He will arrive on Friday.", TUE), v("2022-12-02"));
    assert_eq!(one("Ministers gathered on Tuesday.", TUE), v("2022-11-29"));
    assert_eq!(one("They will meet on Tuesday.", TUE), v("2022-11-29"));
    assert_eq!(one("It happened last Tuesday.", TUE), v("2022-11-22"));
    assert_eq!(one("It happens next Monday", TUE), v("2022-12-05"));
    assert_eq!(
        one("a dinner on Wednesday evening", TUE),
        v("2022-11-30TEV")
    );
}

#[test]
fn year_boundaries() {
    let jan2 = Some(date(2023, 1, 2));
    assert_eq!(
        one("The vote was held on December 30.", jan2),
        v("2022-12-30")
    );
    assert_eq!(one("Prices rose in December.", jan2), v("2022-12"));
    let dec30 = Some(date(2022, 12, 30));
    assert_eq!(
        one("The talks will resume on January 3.", dec30),
        v("2023-01-03")
    );
    assert_eq!(one("They will meet next year.", dec30), v("2023"));
}

#[test]
fn month_and_year_forms() {
    assert_eq!(one("in October", Some(date(1998, 1, 8))), v("1997-10"));
    assert_eq!(one("last November", TUE), v("2021-11"));
    assert_eq!(one("late November", TUE), v("2022-11"));
}

#[test]
fn narrative_anchor_in_undated_articles() {
    let r = run(
        "The council was created in July 2023. The first meeting will take place on November 28-29.",
        None,
    );
    assert_eq!(
        r[1],
        ("November 28-29".into(), v("2023-11-28"), v("2023-11-29"))
    );
    // No year before it: unresolvable.
    assert_eq!(one("At the summit in July, he spoke.", None), None);
    // A weekday fixes the year against the reference day.
    assert_eq!(
        one("on Tuesday, November 29, a meeting", None),
        v("2022-11-29")
    );
}

#[test]
fn unresolvable_stays_null() {
    assert_eq!(one("Halvorsen confirmed Wednesday that", None), None);
    assert_eq!(one("the meeting today", None), None);
    assert_eq!(one("next year", None), None);
}

/// A text with a word character outside ASCII is not read by the twins
/// as a whole: its regions are each scanned as they allow (here a masked
/// copy, where the twins' `\b` would have seen a boundary after `ë`).
#[test]
fn a_text_with_a_letter_outside_ascii_scans_each_region_as_it_allows() {
    let text = "Zoë2019, then 2020.";
    assert!(!ascii_equivalent(text));
    let texts: Vec<String> = run(text, None).into_iter().map(|t| t.0).collect();
    assert_eq!(texts, ["2020"]);
}

#[test]
fn not_dates() {
    let r = run("It cost $2000 and 2000 people came, 1999.5 units.", TUE);
    assert!(r.is_empty(), "{r:?}");
    assert!(run("May I say something", TUE).is_empty());
    assert!(run("June Carter sang.", TUE).is_empty());
}

#[test]
fn capitalized_day_words_inside_a_sentence_are_titles() {
    assert!(run("he told the Radio 4 Today programme", TUE).is_empty());
    assert_eq!(one("Today, talks resume.", TUE), v("2022-11-29"));
    assert_eq!(one("It ended. Tomorrow they vote.", TUE), v("2022-11-30"));
    assert_eq!(one("“Today is the day,” she said.", TUE), v("2022-11-29"));
}

#[test]
fn a_stop_after_a_full_month_name_ends_the_sentence() {
    let r = run("They meet on 16 March. Nothing else.", TUE);
    assert_eq!(r[0].0, "16 March");
    let r = run("They met on 16 Mar. 2022 in the capital.", TUE);
    assert_eq!(r[0].0, "16 Mar. 2022");
    assert_eq!(r[0].1, v("2022-03-16"));
}

#[test]
fn sentences_split_at_stops_not_abbreviations() {
    let s = "On Nov. 29 he left. Then he came back! Ok";
    let b = sentence_bounds(s);
    assert_eq!(b.len(), 3, "{b:?}");
}

/// On text that passes `ascii_equivalent`, the ASCII twin finds the same
/// matches with the same groups as the pattern in Unicode mode.
#[test]
fn ascii_twin_matches_as_the_unicode_pattern() {
    let texts = [
        "It ended on Tuesday, Nov 29th – 30th, 2022, in Rome.",
        "Filed 2022-11-29; the 1990s; mid-2021; fiscal 2023; 2000 people.",
        "Three\u{a0}weeks ago, early\u{a0}this month and late yesterday.",
        "“Next Monday morning” — the end of the year; 12 Dec. 2021.",
        "In May\u{2009}2020 and on 3\u{a0}of\u{a0}June; SPEND £2020 TODAY.",
        "the beginning of next month, last week, two days later, Sunday night",
    ];
    let re_u = TIMEX.pick(false);
    let re_a = TIMEX.pick(true);
    for t in texts {
        assert!(ascii_equivalent(t), "{t}");
        let groups = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
            re.captures_iter(t)
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect()
        };
        assert_eq!(groups(re_u), groups(re_a), "{t}");
        assert!(!groups(re_a).is_empty(), "{t}");
    }
    // The names of the groups, hence their numbering, are the same.
    assert!(re_u.capture_names().eq(re_a.capture_names()));
}

/// The rewritten sentence splitting, tense cues and sentence choice
/// against the code they replaced.
mod rewrites {
    use super::*;
    use proptest::prelude::*;

    fn old_sentence_bounds(s: &str) -> Vec<(usize, usize)> {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if !matches!(b, b'.' | b'!' | b'?') {
                continue;
            }
            let close = s[i + 1..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '”' | '’' | '\''))
                .map_or(0, char::len_utf8);
            let end = i + 1 + close;
            if bytes.get(end).is_some_and(|c| c.is_ascii_whitespace()) {
                let next = s[end..].trim_start().chars().next();
                let word_before = s[..i]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let abbreviation = b == b'.'
                    && (word_before.len() <= 4
                        && word_before.chars().next().is_some_and(char::is_uppercase)
                        && crate::parse::date::month_number(word_before).is_some()
                        || word_before.len() == 1);
                if next.is_some_and(|c| c.is_uppercase() || c == '"' || c == '“') && !abbreviation
                {
                    out.push((start, end));
                    start = end;
                }
            }
        }
        if start < s.len() {
            out.push((start, s.len()));
        }
        out
    }

    fn old_tense(sentence: &str) -> Tense {
        let lower = sentence.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .collect();
        let future = words.windows(2).any(|w| {
            matches!(
                (w[0], w[1]),
                (
                    "is" | "are" | "going" | "expected" | "plans" | "planned" | "due" | "set",
                    "to"
                )
            )
        }) || words.iter().any(|w| {
            matches!(
                *w,
                "will" | "shall" | "upcoming" | "scheduled" | "won't" | "won’t"
            ) || w.ends_with("'ll")
                || w.ends_with("’ll")
        });
        if future {
            return Tense::Future;
        }
        let past = words.iter().any(|w| {
            matches!(
                *w,
                "was"
                    | "were"
                    | "had"
                    | "did"
                    | "ago"
                    | "took"
                    | "met"
                    | "came"
                    | "went"
                    | "said"
                    | "told"
            ) || (w.len() > 4 && w.ends_with("ed"))
        });
        if past { Tense::Past } else { Tense::None }
    }

    /// `scan` as it was: all sentences split up front, the tense kept per
    /// sentence index.
    fn old_scan(text: &str, anchor: &mut Anchor, out: &mut Vec<Timex>) {
        let region = text;
        let mut sentences: Option<Vec<(usize, usize)>> = None;
        let mut si = 0;
        let mut tense_cache: Option<(usize, Tense)> = None;
        for caps in TIMEX.captures_iter(region) {
            let caps = Found::from_captures(region, &caps);
            let m = caps.get(0).expect("match");
            if !accept(region, &caps) {
                continue;
            }
            let sentences = sentences.get_or_insert_with(|| old_sentence_bounds(region));
            while si + 1 < sentences.len() && sentences[si].1 <= m.start() {
                si += 1;
            }
            let (ss, se) = sentences.get(si).copied().unwrap_or((0, region.len()));
            let tense = match tense_cache {
                Some((i, t)) if i == si => t,
                _ => {
                    let t = old_tense(&region[ss..se.max(m.end()).min(region.len())]);
                    tense_cache = Some((si, t));
                    t
                }
            };
            let sentence = &region[ss..se.max(m.end()).min(region.len())];
            let (value, until) = anchor.resolve(&caps, || sentence, || tense);
            out.push(Timex {
                text: m.as_str().to_string(),
                value,
                until,
                span: Span::new(m.start(), m.end()),
            });
        }
    }

    /// The sentence of every byte found outwards from it
    /// ([`sentence_around`]), from every sentence start at or before it,
    /// against the split from the start.
    fn around_as_split(text: &str) {
        let bounds = old_sentence_bounds(text);
        for p in 0..text.len() {
            let want = *bounds.iter().find(|&&(_, se)| se > p).expect("a sentence");
            let starts = std::iter::once(0).chain(bounds.iter().map(|&(_, se)| se));
            for from in starts.take_while(|&from| from <= p) {
                assert_eq!(
                    sentence_around(text, from, p),
                    want,
                    "{text:?} at {p} from {from}"
                );
            }
        }
    }

    fn same(text: &str) {
        assert_eq!(sentence_bounds(text), old_sentence_bounds(text), "{text:?}");
        around_as_split(text);
        assert_eq!(Tense::of(text), old_tense(text), "{text:?}");
        for dct in [None, TUE] {
            let years = mentioned_years(text);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            scan(
                text,
                0,
                text.len(),
                &mut Anchor::new(dct, date(2026, 11, 23), years.clone()),
                &mut a,
            );
            old_scan(
                text,
                &mut Anchor::new(dct, date(2026, 11, 23), years),
                &mut b,
            );
            let key = |t: &Timex| (t.text.clone(), t.value.clone(), t.until.clone(), t.span);
            assert_eq!(
                a.iter().map(key).collect::<Vec<_>>(),
                b.iter().map(key).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn examples() {
        for text in [
            "",
            "On Nov. 29 he left. Then he came back! Ok",
            "He said: “It will end on Tuesday.” Then, on Monday, they met. Next week? Yes.",
            "ΣΊΣΥΦΟΣ was here. THE TALKS ARE TO END IN MAY. İt WON’T. They’ll see. Planned.",
            "A. B. Mr. X met on 3 May. Dec. 4 is set to be. U.S. talks end Friday.",
            "It is\u{a0}to be held on Friday. Was it Monday? No… Sunday!\" Later that day.",
            "It ended. \u{b}Then on Monday.\u{c} \u{b}“Next” week.\t\u{85}Done.’\u{b}A. é",
            "Talks ended on Monday after a long night of votes in the old hall by the river. \
             Then came Nov. 3 and a much longer wait for every party. Done! Or not? Yes.",
        ] {
            same(text);
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(vec![
                " ", ". ", "! ", "? ", ".", "\"", "”", "’", "'", " “", "\n", "\u{a0}", "Nov.",
                "Dec", "May", "A", "a", "U.S.", "Mr", " will", " WILL", " is", " to", " set",
                " going", " said", " walked", " was", " won’t", " they'll", " She’ll", "ago",
                "Monday", " Friday", "today", " next week", " last month", " 2022", " 3 May",
                "Nov 29", " two days ago", "Σ", "İ", "ſ", "é", "É", "1999", "the 1990s",
                "Sept", "Sept.", "Janu", "Febr.", "éMay.", "Xé", "5", "\u{b}", "\u{2003}",
                "\u{85}", ".”", "?’", "!\"", ".' ",
            ])
            .prop_map(str::to_string),
            1 => "[A-Za-z .!?]{0,12}",
        ]
    }

    proptest! {
        #[test]
        fn same_as_before(parts in proptest::collection::vec(fragment(), 0..24)) {
            same(&parts.concat());
        }

        #[test]
        fn same_on_any_text(text in any::<String>()) {
            same(&text);
        }

        /// The word before each byte boundary, by bytes, against the word
        /// by characters.
        #[test]
        fn short_word_before_as_by_chars(
            parts in proptest::collection::vec(
                prop_oneof![
                    3 => fragment(),
                    // Letters, digits and the bytes next to their ranges.
                    1 => "[A-Za-z0-9@\\[`{/:é]{0,9}",
                ],
                0..8,
            )
        ) {
            let s = parts.concat();
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                let word = s[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                prop_assert_eq!(
                    short_word_before(&s, i),
                    (word.len() <= 4).then_some(word),
                    "{:?} at {}", s, i
                );
            }
        }
    }
}

/// The eight-byte test of [`short_word_before`] against
/// `is_ascii_alphanumeric`, every byte value at every place.
mod alphanumeric_bytes {
    use super::*;
    use proptest::prelude::*;

    fn by_bytes(w: u64) -> u64 {
        let bytes = w
            .to_le_bytes()
            .map(|b| if b.is_ascii_alphanumeric() { 0x80 } else { 0 });
        u64::from_le_bytes(bytes)
    }

    #[test]
    fn every_byte_at_every_place() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [0u8, b'a', b'Z', b'5', 0xFF, b'@'] {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let w = u64::from_le_bytes(bytes);
                    assert_eq!(ascii_alphanumeric_bytes(w), by_bytes(w), "{bytes:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_word(w in any::<u64>()) {
            prop_assert_eq!(ascii_alphanumeric_bytes(w), by_bytes(w));
        }
    }
}

/// [`GROUPS`] is read from the twin and used on the pattern as written too.
#[test]
fn twin_and_pattern_number_their_groups_alike() {
    let names = |r: &Regex| {
        r.capture_names()
            .map(|n| n.map(str::to_owned))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(TIMEX.pick(true)), names(TIMEX.pick(false)));
    assert_eq!(
        TIMEX.pick(false).capture_names().nth(GROUPS.wpart),
        Some(Some("wpart"))
    );
}

mod stops {
    use super::*;
    use proptest::prelude::*;

    fn naive(bytes: &[u8], from: usize) -> Option<usize> {
        bytes[from..]
            .iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?'))
            .map(|k| from + k)
    }

    proptest! {
        #[test]
        fn next_stop_is_the_first_stop(
            bytes in proptest::collection::vec(
                prop_oneof![
                    6 => any::<u8>(),
                    1 => proptest::sample::select(vec![b'.', b'!', b'?', b'-', b'/', b'>', b'?' + 1]),
                ],
                0..100,
            ),
            from in 0usize..101,
        ) {
            let from = from.min(bytes.len());
            prop_assert_eq!(next_stop(&bytes, from), naive(&bytes, from));
        }
    }

    /// A stop at each place of the 16- and 32-byte steps of `memchr3`, and
    /// none at all, from every start.
    #[test]
    fn stops_around_the_vector_steps() {
        let mut cases = vec![String::new(), ".".into(), "\u{ff}\u{fe}?".into()];
        for len in [1, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100] {
            cases.push("a".repeat(len));
            for at in [0, len / 2, len.saturating_sub(1)] {
                for stop in ['.', '!', '?'] {
                    let mut s = "a".repeat(len);
                    s.replace_range(at..at + 1, &stop.to_string());
                    cases.push(s);
                }
            }
        }
        for s in &cases {
            for from in 0..=s.len() {
                assert_eq!(
                    next_stop(s.as_bytes(), from),
                    naive(s.as_bytes(), from),
                    "{s:?} {from}"
                );
            }
        }
    }
}

/// The groups [`Found::read`] knows without the capture engine are the
/// ones the engine gives.
#[test]
fn found_groups_are_the_captured_ones() {
    let text = "In 2019, on Monday, 1999 and Sunday; fiscal 2020, Monday morning, \
                last Friday, 2021-05-06, May 2019, 12 May, 2019s, 20190, Friday's, \
                today, Yesterday, TONIGHT, last year, THIS week, next month, last  year, \
                later this year, earlier today, last yearly, lasting year, the end of last year, \
                in May, March, June Carter, May 2019, July 2150, 12 May, 3 June, 3 June 2020, \
                mid-June, December 25, 123 May, Jan 2020, 20 Jan, 4 of May, early May 2021, \
                the 1990s, 1990s, the 1990's, 2000s, 1995s, 2100s, the  1980s, 1700s, \
                Monday night, Friday morning, Sunday  evening, last Monday night, Monday nights, \
                May 12, May 12, 2020, May 12 2020, Sept. 3, 12 Sept., 12 May, 2020, 12 May 2020, \
                Monday, May 12, 12th May, 12 of May 2020, May,\u{a0}2020, Jan. 2020, May, 2020, \
                two days ago, a year earlier, 3 WEEKS LATER, 3 Weeks later, an hour ago, \
                2020-01-02, 2020-1-02, the 1990's, early 2020, this month, later this week";
    check_found(text).unwrap();
    // The modifiers `the … of`, and a modifier before `this`, `last`, `next`.
    let modified = "the end of 2020, the first half of 2019, The Second Half Of 1999, \
                    the first  half of 2020, the end of  2020, the end of2020, THE END OF JUNE, \
                    the middle of March 2020, the end of the year, the Beginning of last month, \
                    the end of  the year, the end of this years, earlier this month, \
                    Later last week, early next year, late  this year, lately this year";
    check_found(modified).unwrap();
    check_found("Zoë Ångström met on May 12, 2020, then early June and last Friday (é 1990's).")
        .unwrap();
    let timexes = Scanner::pick(false)
        .find_iter(text)
        .filter(|m| m.pattern().as_usize() != TRIGGER_PATTERN);
    assert!(timexes.count() >= 10);
}

proptest::proptest! {
    /// [`Found::read`] against the capture engine, on text made of the
    /// words of the shapes it reads alone and of their neighbours.
    #[test]
    fn found_groups_are_the_captured_ones_on_any_mix(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "  ", ", ", ".", "-", "the", "end", "of", "in", "early", "mid-", "this",
                "last", "next", "Last", "THIS", "later", "year", "years", "month", "week", "ago",
                "today", "Today", "tonight", "yesterday", "Monday", "morning", "night", "May", "March",
                "June", "Jan", "Sept.", "December", "3", "12", "123", "1999", "2019", "2150",
                "2019s", "1990", "1990s", "2000s", "s", "'", "th", "x", "é", "ſ",
                "2019-05-06", "05", "Sept", ",", "12,", "May,", "Jan.", "of", "st", "–", "\u{a0}",
                "\u{663}", "two", "a", "days", "DAYS", "Days", "ago", "earlier", "Last", "coming",
                "Friday", "afternoon", "fiscal", "start", "K", "\u{212a}", "beginning",
                "middle", "first", "half", "THE", "Of", "early", "late", "Earlier",
            ]),
            0..24,
        )
    ) {
        check_found(&parts.concat())?;
    }
}

/// [`Found::read`] against the capture engine on `text`, in both scanners
/// and as the scan reads it (a text with non-ASCII letters walked in its
/// masked copy, its groups read from the text itself).
fn check_found(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    let (scanner, haystack) = Scanner::for_region(text);
    let mut runs = vec![(scanner, haystack, false)];
    for ascii in [true, false] {
        if !ascii || ascii_equivalent(text) {
            runs.push((Scanner::pick(ascii), Cow::Borrowed(text), ascii));
        }
    }
    for (scanner, haystack, ascii) in runs {
        let mut locs = None;
        let read: Vec<_> = scanner
            .find_iter(&haystack)
            .filter(|m| m.pattern().as_usize() != TRIGGER_PATTERN)
            .map(|m| Found::read(scanner.groups, &mut locs, &haystack, text, m))
            .map(|found| (found.alternative(), found.slots()))
            .collect();
        let captured: Vec<_> = TIMEX
            .pick(ascii)
            .captures_iter(text)
            .map(|c| Found::from_captures(text, &c))
            .map(|found| (found.alternative(), found.slots()))
            .collect();
        proptest::prop_assert_eq!(read, captured, "{:?} (haystack {:?})", text, haystack);
    }
    Ok(())
}

proptest::proptest! {
    /// The same on words of the shapes [`Found::read`] reads alone, each
    /// after a separator, so that they often form those shapes or stand
    /// next to them.
    #[test]
    fn found_groups_are_the_captured_ones_on_shapes(
        parts in proptest::collection::vec(
            (
                proptest::sample::select(vec![" ", " ", " ", ", ", ",", "  ", "\u{a0}", "-", "–", ""]),
                proptest::sample::select(vec![
                    "May", "Sept.", "Jan", "June", "Monday", "12", "3", "123", "2020", "1990s",
                    "the", "of", "two", "days", "DAYS", "ago", "last", "year", "today", "12th",
                    "2020-05-06", "early", "night", "mid", "x", "\u{663}", "Friday", "coming",
                    "fiscal", "earlier", "LATE", "mid-", "Mid-", "next", "This", "tonight",
                    "\u{663}\u{663}\u{663}\u{663}",
                ]),
            ),
            0..10,
        )
    ) {
        let text: String = parts.iter().flat_map(|(sep, word)| [*sep, *word]).collect();
        check_found(&text)?;
    }

    /// The same on a modifier word, a separator and a word it modifies.
    #[test]
    fn found_groups_are_the_captured_ones_on_modified_words(
        parts in proptest::collection::vec(
            (
                proptest::sample::select(vec![
                    "", "early", "Late", "mid", "MID", "fiscal", "last", "next", "this",
                    "coming", "earlier", "later", "the", "x", "2", "two", "the end of",
                    "The first half of", "the middle of the", "the start of last",
                ]),
                proptest::sample::select(vec![" ", " ", " ", "-", "  ", "\u{a0}", ""]),
                proptest::sample::select(vec![
                    "June", "May", "Jan", "Monday", "Friday", "2020", "1990s", "today",
                    "tomorrow", "year", "week", "days", "\u{663}\u{663}\u{663}\u{663}",
                ]),
                proptest::sample::select(vec![" ", ", ", " ago", " 2021", " night", " later"]),
            ),
            1..4,
        )
    ) {
        let text: String = parts
            .iter()
            .flat_map(|(a, sep, b, after)| [*a, *sep, *b, *after])
            .collect();
        check_found(&text)?;
    }
}

/// The one walk (the full DFA of [`SCAN_DFA`] on ASCII-equivalent text, the
/// lazy one of [`SCAN`] on other text) finds exactly the matches of the timex pattern
/// and of the trigger pattern searched alone, on text mixing the words of
/// both (the words one could share or start inside the other).
mod one_walk {
    use super::*;
    use proptest::prelude::*;

    /// `(start, end, is trigger)` of each pattern searched alone, merged.
    fn apart(text: &str, ascii: bool) -> Vec<(usize, usize, bool)> {
        let trigger = if ascii {
            crate::twin::ascii_twin(TRIGGER)
        } else {
            Regex::new(TRIGGER).expect("the trigger pattern")
        };
        let mut all: Vec<_> = TIMEX
            .pick(ascii)
            .find_iter(text)
            .map(|m| (m.start(), m.end(), false))
            .chain(trigger.find_iter(text).map(|m| (m.start(), m.end(), true)))
            .collect();
        all.sort_unstable();
        all
    }

    fn together(text: &str, ascii: bool) -> Vec<(usize, usize, bool)> {
        Scanner::pick(ascii)
            .find_iter(text)
            .map(|m| {
                let trigger = m.pattern().as_usize() == TRIGGER_PATTERN;
                (m.start(), m.end(), trigger)
            })
            .collect()
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        for ascii in [true, false] {
            if ascii && !ascii_equivalent(text) {
                continue;
            }
            prop_assert_eq!(together(text, ascii), apart(text, ascii), "{:?}", text);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn one_walk_finds_both_patterns_matches(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", ", ", ".", "-", "'", "the", "The", "end", "of", "in", "a", "an",
                    "to", "early", "mid-", "this", "last", "next", "later", "year", "years",
                    "month", "week", "ago", "today", "tonight", "Monday", "morning", "May",
                    "March", "Mar", "Sept.", "3", "12", "1999", "1990s", "two", "days",
                    "meeting", "met", "Summit", "summits", "press", "PRESS", "conference",
                    "remarks", "journalists", "same", "venue", "air", "strike", "strikes",
                    "phone", "call", "visit", "event", "talks", "vote", "lunch", "é", "x",
                ]),
                0..24,
            )
        ) {
            check(&parts.concat())?;
        }
    }

    #[test]
    fn one_walk_on_news_text() {
        for text in [
            "The summit met on Monday, 12 March 2019; press conference at 3 pm.",
            "Remarks to the press the end of last year. A two-day meeting in May.",
            "Talks last week, air strikes today, the 1990s visit. Mid-March event.",
            "Same venue, early 2020: a phone call two days ago; next month’s vote.",
        ] {
            check(text).expect("same matches");
        }
    }
}

/// Words and separators of both patterns of the scan, and others.
fn scan_word() -> impl proptest::strategy::Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        " ",
        "  ",
        "\u{a0}",
        "\u{2009}",
        "\u{3000}",
        "\u{85}",
        "\n",
        ", ",
        ".",
        "-",
        "–",
        "—",
        "'",
        "’",
        "“",
        "the",
        "of",
        "a",
        "an",
        "early",
        "mid-",
        "mid",
        "this",
        "last",
        "next",
        "LAST",
        "coming",
        "later",
        "year",
        "years",
        "month",
        "week",
        "days",
        "ago",
        "today",
        "Tonight",
        "Monday",
        "morning",
        "May",
        "March",
        "Sept.",
        "Sep",
        "Dec.",
        "January",
        "3",
        "12",
        "31st",
        "1999",
        "2019",
        "1990s",
        "20",
        "0",
        "two",
        "Twelve",
        "meeting",
        "met",
        "Summit",
        "press",
        "conference",
        "remarks",
        "same",
        "venue",
        "air",
        "strike",
        "strikes",
        "phone",
        "calls",
        "é",
        "ſ",
        "K",
        "x",
        "_",
        "5",
    ])
}

/// `timex/scan.dfa`: the stored DFA is the build of the program's twins,
/// and it finds exactly the matches of [`SCAN`]'s lazy DFA on the same
/// twins, on any text.
mod scan_dfa {
    use super::*;
    use proptest::prelude::*;
    use regex_automata::nfa::thompson;

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/extract/timex/scan.dfa");

    /// The file [`load_dfa`] reads, built from `patterns` (separated by `\0`).
    fn build(patterns: &str) -> Vec<u8> {
        // [`SCAN_DFA_BUILD`] names this configuration: change it with it.
        let re = dfa::regex::Builder::new()
            .dense(dense::Config::new().minimize(true))
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many(&patterns.split('\0').collect::<Vec<_>>())
            .expect("the scan's DFA");
        let header = scan_dfa_header(patterns);
        let mut out = Vec::new();
        let pad = |out: &mut Vec<u8>| out.resize(out.len().next_multiple_of(4), 0);
        out.extend_from_slice(&u32::try_from(header.len()).expect("short").to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        pad(&mut out);
        for dfa in [re.forward(), re.reverse()] {
            let (bytes, skip) = dfa.to_bytes_little_endian();
            out.extend_from_slice(&bytes[skip..]);
            pad(&mut out);
        }
        out
    }

    #[test]
    fn the_stored_dfa_is_the_build_of_the_patterns() {
        assert!(
            build(&scan_twins()) == SCAN_DFA_FILE.bytes,
            "timex/scan.dfa is stale (a pattern, the build config or the version of \
             regex-automata or regex-syntax changed): run \
             `cargo test --lib timex::tests::scan_dfa::regenerate -- --ignored`"
        );
        assert!(SCAN_DFA.is_some());
    }

    /// Writes `timex/scan.dfa` anew, after a change of the timex or the
    /// trigger pattern, of the builder's configuration, or of the version
    /// of regex-automata or regex-syntax (a `cargo update` too).
    #[test]
    #[ignore]
    fn regenerate() {
        std::fs::write(PATH, build(&scan_twins())).expect("writing the DFA");
    }

    /// A file built from other patterns, by another build, or cut short, is
    /// not used.
    #[test]
    fn other_files_are_not_used() {
        let file = &SCAN_DFA_FILE.bytes;
        let header = scan_dfa_header(&scan_twins());
        assert!(load_dfa(file, &header).is_some());
        assert!(load_dfa(file, &scan_dfa_header("(?-u:\\b)[0-9]{4}\0x")).is_none());
        assert!(load_dfa(file, &scan_twins()).is_none());
        let other_build = format!("v0 minimize nocaps\0{}", scan_twins());
        assert!(load_dfa(file, &other_build).is_none());
        assert!(load_dfa(&[0xff; 8], &header).is_none());
        assert!(load_dfa(&file[..file.len() - 64], &header).is_none());
        assert!(load_dfa(&file[..12], &header).is_none());
        assert!(load_dfa(&[], &header).is_none());
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let full: Vec<Match> = SCAN_DFA
            .as_ref()
            .expect("the stored DFA")
            .find_iter(text)
            .collect();
        let lazy: Vec<Match> = SCAN.pick(true).find_iter(text).collect();
        prop_assert_eq!(full, lazy, "{:?}", text);
        Ok(())
    }

    proptest! {
        #[test]
        fn full_and_lazy_dfa_find_the_same(
            parts in proptest::collection::vec(scan_word(), 0..32)
        ) {
            check(&parts.concat())?;
        }

        #[test]
        fn full_and_lazy_dfa_find_the_same_on_any_text(text in any::<String>()) {
            check(&text)?;
        }
    }

    #[test]
    fn full_and_lazy_dfa_on_news_text() {
        for text in [
            "",
            "On Tuesday, Nov 29th \u{2013} 30th, 2022, the summit met in Rome.",
            "Filed 2022-11-29; the 1990s; mid-2021; fiscal 2023; 2000 people.",
            "Three\u{a0}weeks ago, early\u{a0}this month; a phone call late yesterday.",
            "\u{201c}Next Monday morning\u{201d} \u{2014} the end of the year; 12 Dec. 2021.",
            "Zo\u{eb} visited Tallinn on 3 of June; air strikes two days later.",
        ] {
            check(text).expect("same matches");
        }
    }
}

/// Text with non-ASCII word characters is walked as its [`masked`] copy:
/// the matches and groups are those of the patterns as written on the
/// text itself.
mod masking {
    use super::*;
    use proptest::prelude::*;
    use regex_syntax::hir::{Class, Hir, HirKind};

    /// Every character a class or literal of `hir` can match.
    fn matched_chars(hir: &Hir, out: &mut Vec<char>) {
        match hir.kind() {
            HirKind::Literal(lit) => {
                out.extend(std::str::from_utf8(&lit.0).expect("text").chars());
            }
            HirKind::Class(Class::Unicode(class)) => {
                out.extend(class.ranges().iter().flat_map(|r| r.start()..=r.end()));
            }
            HirKind::Class(Class::Bytes(class)) => {
                out.extend(
                    class
                        .ranges()
                        .iter()
                        .flat_map(|r| r.start()..=r.end())
                        .map(char::from),
                );
            }
            HirKind::Repetition(rep) => matched_chars(&rep.sub, out),
            HirKind::Capture(cap) => matched_chars(&cap.sub, out),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                subs.iter().for_each(|s| matched_chars(s, out));
            }
            HirKind::Empty | HirKind::Look(_) => {}
        }
    }

    #[test]
    fn no_class_of_the_patterns_holds_a_masked_character_or_the_mask() {
        for pattern in [timex_pattern(), TRIGGER.to_string()] {
            let mut chars = Vec::new();
            matched_chars(&regex_syntax::parse(&pattern).expect("valid"), &mut chars);
            assert!(chars.len() > 100);
            for c in chars {
                assert!(c != '_', "{pattern}");
                assert!(
                    c.is_ascii() || !regex_syntax::is_word_character(c) || !maskable(c),
                    "{c:?} in {pattern}"
                );
            }
        }
    }

    /// `(start, end, is trigger, groups of a timex)` the way
    /// [`scan_region`] reads `text`.
    type Read = Vec<(
        usize,
        usize,
        bool,
        Option<[Option<(usize, usize)>; MAX_GROUPS]>,
    )>;

    fn new_way(text: &str) -> Read {
        let (scanner, haystack) = Scanner::for_region(text);
        let mut locs = None;
        scanner
            .find_iter(&haystack)
            .map(|m| {
                let trigger = m.pattern().as_usize() == TRIGGER_PATTERN;
                let groups = (!trigger)
                    .then(|| Found::read(scanner.groups, &mut locs, &haystack, text, m).slots());
                (m.start(), m.end(), trigger, groups)
            })
            .collect()
    }

    /// The same with the patterns as written, on the text itself.
    fn old_way(text: &str) -> Read {
        let timexes = TIMEX.pick(false).captures_iter(text).map(|c| {
            let m = c.get(0).expect("a match");
            let groups = Found::from_captures(text, &c).slots();
            (m.start(), m.end(), false, Some(groups))
        });
        let trigger = Regex::new(TRIGGER).expect("the trigger pattern");
        let triggers = trigger
            .find_iter(text)
            .map(|m| (m.start(), m.end(), true, None));
        let mut all: Read = timexes.chain(triggers).collect();
        all.sort_unstable();
        all
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(new_way(text), old_way(text), "{:?}", text);
        Ok(())
    }

    #[test]
    fn masked_copies() {
        assert_eq!(masked("Zürich, 3 May").as_deref(), Some("Z__rich, 3 May"));
        assert_eq!(masked("“é” 東").as_deref(), Some("“__” ___"));
        assert_eq!(masked("e\u{301}t").as_deref(), Some("e__t"));
        assert_eq!(masked("").as_deref(), Some(""));
        assert_eq!(masked("plain, ascii").as_deref(), Some("plain, ascii"));
        // Digits and letters that fold to ASCII ones are matched by classes.
        for c in ['\u{663}', '\u{ff13}', '\u{212a}', '\u{17f}', '\u{2165}'] {
            assert_eq!(masked(&format!("May {c}")), None, "{c:?}");
        }
    }

    #[test]
    fn masked_text_on_news_text() {
        for text in [
            "Zo\u{eb} met M\u{fc}ller in Z\u{fc}rich on Monday, 3 March 2020; talks l\u{e4}ter.",
            "\u{e9}2019 2019\u{e9} 2019 \u{e9}Monday Monday\u{e9} today\u{301} the 1990s\u{e9}",
            "Stra\u{df}e: an event last week\u{e9}, early May \u{6771}\u{4eac}2021\u{5e74}.",
            "\u{3a3}\u{399} summit 12\u{a0}May 2019 \u{2013} the end of last year, ſ K",
            "Two days ago, \u{663} May, 2020\u{ff13}; 12 May 201\u{663} or \u{663}12 May",
            "Weeſ and wee\u{212a}: two weeks ago, this wee\u{212a}, two day\u{17f} ago",
        ] {
            check(text).expect("same matches and groups");
        }
    }

    proptest! {
        #[test]
        fn masked_text_reads_as_the_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", ", ", ".", "-", "–", "'", "’", "\u{a0}", "the", "end", "of", "in",
                    "early", "mid-", "this", "last", "next", "year", "years", "week", "ago",
                    "today", "Monday", "morning", "May", "March", "Sept.", "3", "12", "1999",
                    "1990s", "two", "days", "met", "summit", "press", "conference", "visit",
                    "é", "É", "ü", "ß", "\u{301}", "東", "Σ", "İ", "ı", "ſ", "\u{212a}",
                    "\u{663}", "_", "x",
                ]),
                0..24,
            )
        ) {
            check(&parts.concat())?;
        }

        /// Few words, so that the characters a class can match (digits,
        /// letters changing case to ASCII ones) often stand beside them.
        #[test]
        fn masked_text_reads_as_the_text_near_digits(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", " May ", " days ago", " ago", "last ", "3", "12", "20", "19", "wee",
                    "k", "s", "talk", "é",
                    "\u{663}", "\u{ff13}", "\u{17f}", "\u{212a}",
                ]),
                0..12,
            )
        ) {
            check(&parts.concat())?;
        }

        #[test]
        fn masked_text_reads_as_any_text(text in any::<String>()) {
            check(&text)?;
        }
    }
}

/// [`walk::find_all`], two regions at a time, finds in each region exactly
/// the matches of the stored DFA's `find_iter`.
mod two_lanes {
    use super::*;
    use proptest::prelude::*;

    fn check(texts: &[String]) -> Result<(), TestCaseError> {
        let re = SCAN_DFA.as_ref().expect("the stored DFA");
        let one_by_one: Vec<(usize, Match)> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| re.find_iter(t).map(move |m| (i, m)))
            .collect();
        let mut walked = Vec::new();
        walk::find_all(
            re,
            SCAN_MARKS.as_ref().expect("the stored DFA's marks"),
            texts.iter().map(|t| t.as_bytes()).enumerate(),
            &mut walked,
        );
        walked.sort_by_key(|&(i, _)| i);
        prop_assert_eq!(walked, one_by_one, "{:?}", texts);
        Ok(())
    }

    proptest! {
        #[test]
        fn two_lanes_find_what_one_search_finds(
            texts in proptest::collection::vec(
                proptest::collection::vec(scan_word(), 0..24).prop_map(|w| w.concat()),
                0..6,
            )
        ) {
            check(&texts)?;
        }

        #[test]
        fn two_lanes_on_any_text(texts in proptest::collection::vec(any::<String>(), 0..4)) {
            check(&texts)?;
        }
    }

    /// A lane that meets a match state walks on byte by byte and notes it
    /// there (see `walk_both`): matches ending at every offset of a round
    /// of eight bytes, matches that grow past their first match state
    /// (`12 May` into `12 May 2020`) or try to and fail a round later
    /// (`12 May 20x`, where only the first match state saw the match),
    /// matches back to back, and a match in one lane while the other lane
    /// ends its search or its text.
    #[test]
    fn two_lanes_note_matches_on_the_way() {
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut cases = Vec::new();
        for pad in (0..8).map(|n| "x".repeat(n)) {
            let pad = pad.as_str();
            cases.push(texts(&[
                &format!("{pad} May 2020 and 12 May 2020, then 2019 2020 2021."),
                &format!("{pad}{pad} today, tomorrow; Monday"),
            ]));
            cases.push(texts(&[
                &format!("{pad} talks on Monday"),
                &format!("on 12 May{pad} summit"),
            ]));
            cases.push(texts(&["2019", &format!("{pad}2019 2020")]));
            cases.push(texts(&[
                &format!("{pad}on 12 May 20x and 3 June 1y."),
                &format!("{pad}{pad}{pad} talks"),
            ]));
        }
        for case in cases {
            check(&case).expect("same matches");
        }
    }

    /// A lane walking alone (a region with no other to pair, or the
    /// tail of an article's last one) steps by rounds too, and walks a
    /// marked round again byte by byte: matches ending at every offset of
    /// a round, matches that grow past their first match state or fail to,
    /// and matches back to back.
    #[test]
    fn a_lone_lane_notes_matches_on_the_way() {
        for pad in (0..8).map(|n| "x".repeat(n)) {
            for text in [
                format!("{pad} May 2020 and 12 May 2020, then 2019 2020 2021."),
                format!("{pad}on 12 May 20x and 3 June 1y talks"),
                format!("{pad}{pad} today, tomorrow; Monday summit"),
            ] {
                check(&[text]).expect("same matches");
            }
        }
    }

    #[test]
    fn two_lanes_at_the_edges() {
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for case in [
            texts(&[]),
            texts(&[""]),
            texts(&["", "", "today"]),
            texts(&["on Monday", "2019"]),
            texts(&[
                "x",
                "Talks last week, air strikes today, the 1990s visit. Mid-March event.",
            ]),
            texts(&[
                "12 May 2020, 13 May 2020 and 14 May",
                "today",
                "",
                "the 1990s",
                "é Monday",
            ]),
            texts(&["Monday Monday Monday", "yesterday2019 2019x 2019"]),
        ] {
            check(&case).expect("same matches");
        }
    }

    /// The marks leave out the start states, where a search idles between
    /// matches (were one marked, every round would be walked twice), and
    /// hold the states a match leads to: after `12 May` a round may go on
    /// to `12 May 2020` without a special state.
    #[test]
    fn marks_leave_the_idle_states_out() {
        use regex_automata::dfa::Automaton;
        use regex_automata::util::start;
        let re = SCAN_DFA.as_ref().expect("the stored DFA");
        let fwd = re.forward();
        let marks = SCAN_MARKS.as_ref().expect("the stored DFA's marks");
        for before in [
            None,
            Some(b' '),
            Some(b'x'),
            Some(b'\n'),
            Some(b'\r'),
            Some(0xc3),
        ] {
            let config = start::Config::new()
                .anchored(regex_automata::Anchored::No)
                .look_behind(before);
            let sid = fwd.start_state(&config).expect("no quit bytes");
            assert_eq!(marks.mark(sid), 0, "{before:?}");
            // Nor the states of words that are no match.
            let after = b"the of was x and"
                .iter()
                .fold(sid, |s, &b| fwd.next_state(s, b));
            assert_eq!(marks.mark(after), 0, "{before:?}");
        }
        let at = |text: &[u8]| {
            let config = start::Config::new().anchored(regex_automata::Anchored::No);
            let sid = fwd.start_state(&config).expect("no quit bytes");
            text.iter().fold(sid, |s, &b| fwd.next_state(s, b))
        };
        // `12 May` has matched one byte after it; the state is marked on.
        assert!(fwd.is_match_state(at(b"12 May ")));
        assert!(!fwd.is_special_state(at(b"12 May 2")));
        assert_eq!(marks.mark(at(b"12 May 2")), 1);
        assert_eq!(marks.mark(at(b"12 May 20")), 1);
    }

    /// Over every state the search reaches, the rule of the marks: the
    /// dead state and the match states are marked, and so is every state
    /// a marked one leads to; the start states are not. (Read through
    /// `mark`, so an index it cut short would mark the wrong states.)
    #[test]
    fn marks_hold_the_states_after_a_match() {
        use regex_automata::dfa::Automaton;
        use regex_automata::util::start;
        let fwd = SCAN_DFA.as_ref().expect("the stored DFA").forward();
        let marks = SCAN_MARKS.as_ref().expect("the stored DFA's marks");
        let mut seen = std::collections::HashSet::new();
        let mut todo = Vec::new();
        for before in [None, Some(b' '), Some(b'x'), Some(b'\n'), Some(0xc3)] {
            let config = start::Config::new()
                .anchored(regex_automata::Anchored::No)
                .look_behind(before);
            let sid = fwd.start_state(&config).expect("no quit bytes");
            assert_eq!(marks.mark(sid), 0, "{before:?}");
            todo.push(sid);
        }
        let mut matches = 0;
        while let Some(sid) = todo.pop() {
            if !seen.insert(sid) {
                continue;
            }
            let marked = marks.mark(sid) == 1;
            if fwd.is_dead_state(sid) || fwd.is_match_state(sid) {
                assert!(marked, "{sid:?}");
            }
            matches += usize::from(fwd.is_match_state(sid));
            for byte in 0..=255 {
                let next = fwd.next_state(sid, byte);
                assert!(!marked || marks.mark(next) == 1, "{sid:?} {byte}");
                todo.push(next);
            }
        }
        assert!(matches > 0 && seen.len() > 1000, "{matches} {}", seen.len());
    }
}

/// [`walk::match_start`] answers as the library's reverse search does, for
/// any range of any text (not only at match ends).
mod match_start {
    use super::*;
    use proptest::prelude::*;
    use regex_automata::dfa::Automaton;
    use regex_automata::{Anchored, Input};

    fn check(text: &str, from: usize, end: usize) -> Result<(), TestCaseError> {
        let rev = SCAN_DFA.as_ref().expect("the stored DFA").reverse();
        let hay = text.as_bytes();
        let (from, end) = (from.min(hay.len()), end.min(hay.len()));
        let (from, end) = (from.min(end), from.max(end));
        let input = Input::new(hay).range(from..end).anchored(Anchored::Yes);
        let library = rev
            .try_search_rev(&input)
            .expect("no quit bytes")
            .map(|h| h.offset());
        prop_assert_eq!(
            walk::match_start(rev, hay, from, end),
            library,
            "{:?} {}..{}",
            text,
            from,
            end
        );
        Ok(())
    }

    proptest! {
        #[test]
        fn the_reverse_walk_finds_the_librarys_start(
            words in proptest::collection::vec(scan_word(), 0..16),
            from in 0usize..80,
            end in 0usize..80,
        ) {
            check(&words.concat(), from, end)?;
        }

        #[test]
        fn the_reverse_walk_on_any_text(text in any::<String>(), from in 0usize..40, end in 0usize..40) {
            check(&text, from, end)?;
        }
    }

    /// The walk goes on past a match state to the leftmost start (`2020`
    /// and `May 2020` are matches too), and stops at `from`, where the
    /// byte before still answers for `\b`.
    #[test]
    fn the_reverse_walk_goes_on_past_a_match_state() {
        let rev = SCAN_DFA.as_ref().expect("the stored DFA").reverse();
        let hay = b"on 12 May 2020";
        let end = hay.len();
        for from in 0..=3 {
            assert_eq!(walk::match_start(rev, hay, from, end), Some(3), "{from}");
        }
        assert_eq!(walk::match_start(rev, hay, 4, end), Some(6));
        assert_eq!(walk::match_start(rev, hay, 7, end), Some(10));
    }

    #[test]
    fn the_reverse_walk_at_match_ends() {
        let text = "early March 2019, the 1990s, 12 May, press conference last week";
        for end in 0..=text.len() {
            for from in 0..=end {
                check(text, from, end).expect("the same start");
            }
        }
    }
}

/// The working vectors a thread keeps from one article for the next
/// (`Scratch`) carry nothing over: a short article after a long one, with
/// a non-ASCII paragraph among many, reads as on a fresh thread.
#[test]
fn a_kept_scratch_carries_nothing_over() {
    let long: String = (0..40)
        .map(|i| format!("Talks in Zürich began on March {}, 2021.\n\n", i % 28 + 1))
        .collect();
    let short = "The summit opened on Tuesday.\n\nA meeting follows May 5.";
    // Each paragraph an article paragraph; the triggers of all of them.
    let read = |s: &str| {
        let mut article = Article::default();
        let mut start = 0;
        for p in s.split("\n\n") {
            let span = Span::new(start, start + p.len());
            article.paragraphs.push(crate::model::Paragraph {
                text: p.to_string(),
                span,
            });
            start += p.len() + 2;
        }
        let opts = ParseOptions {
            reference: date(2026, 11, 23),
            paragraph_texts: true,
        };
        let mut found = Vec::new();
        let timexes = extract_with_triggers(s, &article, &opts, &mut found);
        let regions: Vec<_> = article
            .paragraphs
            .iter()
            .map(|p| (p.span.start, p.span.end))
            .collect();
        (timexes, found, triggers(s, &regions))
    };
    let fresh = std::thread::spawn(move || read(short))
        .join()
        .expect("a fresh thread");
    assert!(!fresh.0.is_empty() && !fresh.1.is_empty());
    read(&long);
    assert_eq!(read(short), fresh);
}

/// [`scan_all`] hands each region with a match all of its matches, in
/// order, those of the timex alternatives and of the triggers searched one
/// by one, and passes over only regions without any.
#[test]
fn each_region_with_a_match_gets_them_all() {
    let text = "No date here.|Talks on Monday, 12 May 2020.|x|The summit.|\
                Nothing, still.|Today and tomorrow, a meeting.||2019";
    assert_eq!(regions_get_their_matches(text), 4);
}

/// The same with many matches in each of many regions of one length,
/// which the two lanes walk in turn: the walked matches, more than a
/// small sort takes, come back in each region's order (an unstable sort
/// by region alone mixes them).
#[test]
fn many_matches_per_region_stay_in_order() {
    let region = "On Monday, 12 May 2020, and on Tuesday, 13 May 2020, \
                  then in June 2021 and today, the talks went on.";
    let text = [region; 12].join("|");
    assert_eq!(regions_get_their_matches(&text), 12);
}

/// Runs [`scan_all`] over the `|`-separated regions of `text` and checks
/// that each region with a match is visited with all of them, in order;
/// gives the number of such regions.
fn regions_get_their_matches(text: &str) -> usize {
    let mut regions = Vec::new();
    let mut start = 0;
    for part in text.split('|') {
        regions.push((start, start + part.len()));
        start += part.len() + 1;
    }
    let trigger = crate::twin::ascii_twin(TRIGGER);
    let mut expected = Vec::new();
    for &(s, e) in &regions {
        let region = &text[s..e];
        let mut all: Vec<_> = (TIMEX.pick(true).find_iter(region))
            .chain(trigger.find_iter(region))
            .map(|m| (m.start(), m.end()))
            .collect();
        all.sort_unstable();
        if !all.is_empty() {
            expected.push(((s, e), all));
        }
    }
    let mut visited = Vec::new();
    scan_all(
        text,
        &regions,
        &mut ScanScratch::default(),
        |region, _, _, matches| {
            visited.push((
                region,
                matches.map(|m| (m.start(), m.end())).collect::<Vec<_>>(),
            ))
        },
    );
    assert_eq!(visited, expected);
    expected.len()
}

/// The lanes take the regions longest first, the earlier of two of one
/// length first, and a key gives back its region's index: a length beyond
/// 32 bits as the longest.
#[test]
fn regions_sort_longest_first() {
    let lens = [3, 10, 1, 10, 0, usize::MAX];
    let mut keys: Vec<u64> = (lens.iter().enumerate())
        .map(|(i, &len)| longest_first(len, i))
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.iter().map(|&k| k as u32 as usize).collect();
    assert_eq!(order, [5, 1, 3, 0, 2, 4]);
}

/// The word before a match as the rules read it: the last run of
/// non-space characters before it.
fn word_before(text: &str, start: usize) -> &str {
    text[..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Checks on every timex match of `text` that the two rules reading the
/// word before a match still decide it: a bare `May` or `March` is kept
/// only after a temporal preposition, and a year before a plural of
/// people or things only after one that is not `and`, `or`, `to`, `for`,
/// `the` or `of`. Returns the texts of the matches kept.
fn check_accept(text: &str) -> Result<Vec<&str>, proptest::test_runner::TestCaseError> {
    let g = &*GROUPS;
    let mut kept = Vec::new();
    for caps in TIMEX.captures_iter(text) {
        let caps = Found::from_captures(text, &caps);
        if !accept(text, &caps) {
            continue;
        }
        let m = caps.get(0).expect("match");
        let prev = word_before(text, m.start());
        let bare_month = caps.get(g.mym).is_some_and(|mm| {
            matches!(mm.as_str(), "May" | "March")
                && caps.get(g.mymod).is_none()
                && caps.get(g.myrel).is_none()
                && caps.get(g.myy).is_none()
        });
        if bare_month {
            proptest::prop_assert!(
                is_any_case(prev, TEMPORAL_PREPS),
                "{:?} in {:?}",
                prev,
                text
            );
        }
        let plural_after = text[m.end()..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| matches!(w, "people" | "men" | "years" | "units"));
        if caps.get(g.year).is_some() && caps.get(g.ymod).is_none() && plural_after {
            let strict = is_any_case(prev, TEMPORAL_PREPS)
                && !is_any_case(prev, &["and", "or", "to", "for", "the", "of"]);
            proptest::prop_assert!(strict, "{:?} before {:?} in {:?}", prev, m.as_str(), text);
        }
        kept.push(m.as_str());
    }
    Ok(kept)
}

/// The word before a match is read only where a rule asks it, and the
/// rules that ask it still decide (`in May` against a bare `May`, `for 2000 people`
/// against `2000 people`).
#[test]
fn accept_reads_the_word_before_as_written() {
    let text = "In May they met. May I? March on, in March 2020. By 2000 people left; \
                for 2000 people, the 2000 people and 2000 men in 2019. Since 1999 years \
                passed. EARLY 2000s, Fiscal 2021 units, through 2022 percent. Told Today, \
                today. June Carter, in June Carter, 4 of May, between May and June.";
    // `May I`, `March on`, `the 2000 people`, `and 2000 men`, `2022
    // percent`, `Today,` and `June Carter` dropped; the same after a
    // preposition kept.
    assert_eq!(
        check_accept(text).unwrap(),
        [
            "May",
            "March 2020",
            "2000",
            "2019",
            "1999",
            "2000s",
            "Fiscal 2021",
            "today",
            "4 of May",
            "May",
            "June",
        ]
    );
    assert_eq!(run("In May they met.", TUE).len(), 1);
    assert!(run("May I say something", TUE).is_empty());
    assert!(run("By then 2000 people came.", TUE).is_empty());
    assert_eq!(run("It will be done by 2000 years on.", TUE).len(), 1);
}

proptest::proptest! {
    /// The same on mixes of the words the rules read around a match.
    #[test]
    fn accept_reads_the_word_before_as_written_on_any_mix(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "  ", ", ", ".", "$", "in", "IN", "by", "for", "and", "the", "of", "to",
                "since", "early", "Fiscal", "this", "May", "March", "June", "Carter", "2000",
                "2019", "1999", "people", "men", "years", "percent", "units", "Today", "today",
                "Monday", "é", "\u{a0}", "-", "/", "%", "12",
            ]),
            0..24,
        )
    ) {
        check_accept(&parts.concat())?;
    }
}

/// Invented lines of an article: headline-shaped, date-only, longer dates
/// and body prose.
const REGION_LINES: [&str; 8] = [
    "Varnholt Council Opens Session In Tallinn",
    "March 6, 2008",
    "Tuesday, 4 May 2021",
    "Updated 12 June 2019 at 10:15 by the desk of the Varnholt Courier",
    "World",
    "The council met on Friday, and the talks went on late into the night.",
    "Delegates from Orvane arrived on 3 March and left a week later.",
    "A summit follows next year.",
];

/// White space the parser trims around a line (ASCII and not).
const REGION_PADS: [&str; 5] = ["", " ", "\t ", "\u{a0}", "\u{2003} "];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// The regions of an article the parser made, whose header lines come
    /// from its other lines, are those found by splitting and trimming the
    /// header's text, and come distinct and in text order as pushed.
    #[test]
    fn regions_from_the_parsers_lines_as_from_the_text(
        lines in proptest::collection::vec(
            (0..REGION_LINES.len() + 1, 0..REGION_PADS.len(), 0..REGION_PADS.len(),
                proptest::bool::ANY),
            0..14,
        ),
    ) {
        // The last index is a blank line, white space alone.
        let text: String = lines
            .iter()
            .map(|&(k, lead, trail, crlf)| {
                let line = REGION_LINES.get(k).copied().unwrap_or("");
                let end = if crlf { "\r\n" } else { "\n" };
                format!("{}{line}{}{end}", REGION_PADS[lead], REGION_PADS[trail])
            })
            .collect();
        let (source, opts) = crate::parse::source_and_opts("a", text, false);
        let parsed = crate::parse::parse(&source, &opts);
        proptest::prop_assert!(parsed.other_lines.is_some());
        let text = &source.text;
        let mut from_lines = Vec::new();
        push_regions(text, &parsed, &mut from_lines);
        let unsplit = Article {
            other_lines: None,
            ..parsed.clone()
        };
        let mut from_text = Vec::new();
        push_regions(text, &unsplit, &mut from_text);
        proptest::prop_assert_eq!(&from_lines, &from_text);
        let ordered = from_lines.windows(2).all(|w| w[0].1 <= w[1].0 && w[0].0 < w[1].0);
        proptest::prop_assert!(ordered, "{:?}", from_lines);
    }
}

/// A sentence's tense is read only for the matches that need it, each from
/// its own sentence: a weekday after a year in another sentence, and a
/// weekday after another weekday in a sentence of the other tense.
#[test]
fn each_sentence_reads_its_own_tense() {
    let values = |s: &str| -> Vec<Option<String>> {
        run(s, TUE).into_iter().map(|(_, value, _)| value).collect()
    };
    assert_eq!(
        values("Sales at Orvane fell in 2019. The board will meet on Friday."),
        [v("2019"), v("2022-12-02")]
    );
    assert_eq!(
        values("The board will meet on Friday. It met on Monday."),
        [v("2022-12-02"), v("2022-11-28")]
    );
    assert_eq!(
        values("The board met on Friday. It will meet on Monday, and in 2024 on Monday."),
        [v("2022-11-25"), v("2022-12-05"), v("2024"), v("2022-12-05")]
    );
}
