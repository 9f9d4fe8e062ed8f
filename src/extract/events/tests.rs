use jiff::civil::date;

use super::*;
use crate::extract::timex::{Anchor, scan};
use crate::model::{Dateline, Paragraph};
use crate::parse::date::mentioned_years;

/// An article whose body is `paras`, dated `date`, with timexes extracted.
fn article(paras: &[&str], date_: Option<&str>, dateline: Option<&str>) -> (String, Article) {
    let text = paras.join("\n\n");
    let mut a = Article {
        date: date_.map(Into::into),
        dateline: dateline.map(|p| Dateline {
            place: Some(p.into()),
            ..Dateline::default()
        }),
        ..Article::default()
    };
    let mut pos = 0;
    for p in paras {
        a.paragraphs.push(Paragraph {
            text: p.to_string(),
            span: Span::new(pos, pos + p.len()),
        });
        pos += p.len() + 2;
    }
    let dct = a.date.as_deref().and_then(|d| d.parse().ok());
    let mut anchor = Anchor::new(dct, date(2026, 11, 23), mentioned_years(&text));
    let mut tx = Vec::new();
    for p in &a.paragraphs {
        scan(&text, p.span.start, p.span.end, &mut anchor, &mut tx);
    }
    a.timexes = tx;
    (text, a)
}

type Row = (String, Option<String>, Option<String>, Option<String>);

fn events(paras: &[&str], date_: Option<&str>, dateline: Option<&str>) -> Vec<Row> {
    let (text, a) = article(paras, date_, dateline);
    extract(&text, &a)
        .into_iter()
        .map(|e| (e.kind, e.place, e.when, e.until))
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn two_day_meeting_with_place_and_weekday() {
    let ev = events(
        &["Ministers arrived for a two-day meeting of defence chiefs in Lisbon on Monday."],
        Some("2021-03-15"),
        None,
    );
    assert_eq!(
        ev,
        [(
            "meeting".into(),
            s("Lisbon"),
            s("2021-03-15"),
            s("2021-03-16")
        )]
    );
}

#[test]
fn mentions_of_one_event_merge_within_an_article() {
    let ev = events(
        &[
            "Leaders gathered in Lisbon on Monday.",
            "The meeting ended today. Their two-day summit in Oslo ended last year.",
        ],
        Some("2021-03-15"),
        None,
    );
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert_eq!(ev[0].1, s("Lisbon"));
    assert_eq!(ev[1], ("summit".into(), s("Oslo"), s("2020"), None));
}

#[test]
fn place_followed_by_date_is_a_further_event() {
    let ev = events(
        &["Work done at the Lisbon Summit will carry over to Oslo next year."],
        Some("2021-03-15"),
        None,
    );
    assert_eq!(
        ev,
        [
            ("summit".into(), s("Oslo"), s("2022"), None),
            ("summit".into(), s("Lisbon"), None, None)
        ]
    );
}

#[test]
fn sidelines_event_is_separate_and_co_located() {
    let ev = events(
        &[
            "Ministers met in Lisbon on Monday.",
            "A minister is to lead a meeting of donors on the sidelines of the ministers' meeting on Monday afternoon.",
            "A working dinner was planned for Monday evening.",
        ],
        Some("2021-03-15"),
        None,
    );
    assert_eq!(ev.len(), 3, "{ev:?}");
    assert!(
        ev.iter()
            .all(|e| e.1 == s("Lisbon") && e.2 == s("2021-03-15")),
        "{ev:?}"
    );
    assert!(ev.iter().any(|e| e.0 == "dinner"));
}

#[test]
fn undated_unplaced_events_are_dropped_and_dateline_fills_place() {
    assert!(
        events(
            &["The meeting was useful, he said."],
            Some("2021-03-15"),
            None
        )
        .is_empty()
    );
    let ev = events(
        &["The meeting today was useful."],
        Some("2021-03-15"),
        Some("Oslo"),
    );
    assert_eq!(ev, [("meeting".into(), s("Oslo"), s("2021-03-15"), None)]);
}

#[test]
fn narrative_range_in_undated_article() {
    let ev = events(
        &[
            "The council was founded in July 2020. Its first meeting will take place on November 28-29.",
        ],
        None,
        None,
    );
    assert_eq!(
        ev,
        [("meeting".into(), None, s("2020-11-28"), s("2020-11-29"))]
    );
}

#[test]
fn same_venue_takes_the_previous_place() {
    let ev = events(
        &[
            "Delegates gathered in Lisbon on Monday. It was at that same venue where, in May 1998, a treaty was signed.",
        ],
        Some("2021-03-15"),
        None,
    );
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert_eq!(ev[1], ("event".into(), s("Lisbon"), s("1998-05"), None));
}

/// The trigger is lower-cased once and handed to the kind, the anaphora
/// and the verb rule: written in any case (the Kelvin sign for `k`
/// included), each trigger reads as in lower case.
#[test]
fn trigger_case_changes_no_rule() {
    let read = |case: fn(&str) -> String| {
        let (text, a) = article(
            &[&format!(
                "The foreign ministers of seven nations {} in Lisbon on Monday. It was at that {} where, in May 1998, a treaty was signed. A {} opened in Oslo on Tuesday. The {} resumed in Oslo on Tuesday.",
                case("gathered"),
                case("same venue"),
                case("ministerial meeting"),
                case("talks"),
            )],
            Some("2021-03-15"),
            None,
        );
        extract(&text, &a)
            .into_iter()
            .map(|e| (e.kind, e.what.to_lowercase(), e.place, e.when))
            .collect::<Vec<_>>()
    };
    let lower = read(str::to_string);
    assert_eq!(lower.len(), 3, "{lower:?}");
    assert_eq!(
        lower[0].1,
        "the foreign ministers of seven nations gathered"
    );
    for case in [
        str::to_uppercase as fn(&str) -> String,
        |w: &str| w[..1].to_uppercase() + &w[1..],
        |w: &str| w.to_uppercase().replace('K', "\u{212a}"),
    ] {
        assert_eq!(read(case), lower);
    }
}

#[test]
fn entities_give_places_and_participants() {
    use crate::model::Entity;
    let para = "Ana Lima met Rui Costa in Quintela on Monday, far from Lisbon.";
    let (text, mut a) = article(&[para], Some("2021-03-15"), None);
    let ent = |name: &str, kind: EntityType| {
        let start = text.find(name).unwrap();
        Entity {
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            roles: vec![],
            mentions: 1,
            spans: vec![Span::new(start, start + name.len())],
        }
    };
    a.entities = vec![
        ent("Ana Lima", EntityType::Person),
        ent("Rui Costa", EntityType::Person),
        ent("Quintela", EntityType::Place),
        ent("Lisbon", EntityType::Place),
    ]
    .into();
    let ev = extract(&text, &a);
    assert_eq!(ev.len(), 1, "{ev:?}");
    // Quintela is not in the gazetteer, but it is a place entity after "in";
    // Lisbon is in another clause.
    assert_eq!(ev[0].place.as_deref(), Some("Quintela"));
    assert_eq!(ev[0].participants, ["Ana Lima", "Rui Costa"]);
    assert_eq!(ev[0].when.as_deref(), Some("2021-03-15"));
}

#[test]
fn dates_and_places_compatibility() {
    assert!(dates_overlap(
        Some(("2023-07", None)),
        Some(("2023-07-11", Some("2023-07-12")))
    ));
    assert!(!dates_overlap(
        Some(("2023-06", None)),
        Some(("2023-07-11", None))
    ));
    assert!(dates_overlap(
        Some(("2022-11-29", Some("2022-11-30"))),
        Some(("2022-11-30", None))
    ));
    assert!(places_compatible(Some("Portugal"), Some("Lisbon")));
    assert!(!places_compatible(Some("Madrid"), Some("Lisbon")));
    assert_eq!(calendar("2022-11-29TEV"), s("2022-11-29"));
    assert_eq!(calendar("2022-W47"), None);
}

/// On text that passes `ascii_equivalent`, the ASCII twins find what the
/// patterns find in Unicode mode.
#[test]
fn ascii_twins_match_as_the_unicode_patterns() {
    let texts = [
        "Ministers met in Bucharest\u{a0}on Tuesday for a NATO Summit and press\u{a0}conference.",
        "Talks on the sidelines of the G7 MEETING in New York City; air strikes, a Phone Call.",
        "“The same\u{a0}venue”: Lisbon's Palace of the Parliament – Rome-Fiumicino.",
        "ahead of this year's vote in Tallinn and Riga, the referendum in Nice",
    ];
    let trigger = (
        Regex::new(TRIGGER).expect("the trigger pattern"),
        crate::twin::ascii_twin(TRIGGER),
    );
    let pairs = [(&trigger.0, &trigger.1)];
    for t in texts {
        assert!(ascii_equivalent(t), "{t}");
        for (u, a) in pairs {
            for at in 0..t.len() {
                if !t.is_char_boundary(at) {
                    continue;
                }
                let spans = |re: &Regex| -> Vec<(usize, usize)> {
                    re.find_iter(&t[at..])
                        .map(|m| (m.start(), m.end()))
                        .collect()
                };
                assert_eq!(spans(u), spans(a), "{} on {:?}", u.as_str(), &t[at..]);
            }
        }
    }
}

/// The places lookup over the shared index chooses as a fold over the
/// whole file does: a country first, then the most populous, then the
/// earlier row; rows without seven columns or a known kind are no places.
#[test]
fn places_lookup_matches_a_fold_over_the_file() {
    use places::{PlaceKind, lookup};
    let text = include_str!("../../../data/gazetteer/places.tsv");
    let mut best: std::collections::HashMap<&str, (&str, PlaceKind, &str, u64, bool)> =
        Default::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            continue;
        }
        let kind = match f[2] {
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            "country" => PlaceKind::Country,
            "continent" => PlaceKind::Continent,
            _ => continue,
        };
        let new = (f[1], kind, f[3], f[4].parse().unwrap_or(0), f[6] == "1");
        let country = |k| (k == PlaceKind::Country) as u8;
        match best.get(f[0]) {
            Some(old)
                if !(country(new.1) > country(old.1)
                    || country(new.1) == country(old.1) && new.3 > old.3) => {}
            _ => {
                best.insert(f[0], new);
            }
        }
    }
    assert!(best.len() > 40_000);
    for (surface, want) in &best {
        let got = lookup(surface).expect(surface);
        assert_eq!(
            (got.canonical, got.kind, got.country, got.word),
            (want.0, want.1, want.2, want.4),
            "{surface}"
        );
    }
    assert!(lookup("Atlantis of the North").is_none());
    assert_eq!(lookup("Madrid").map(|p| p.country), Some("ES"));
}

mod per_paragraph_triggers {
    use super::*;
    use crate::extract::timex::sentence_bounds;
    use proptest::prelude::*;

    /// The triggers of each sentence, searched sentence by sentence as
    /// `extract` did before it searched each paragraph once.
    fn by_sentence(para: &str) -> Vec<Vec<(usize, usize)>> {
        let trigger = regex::Regex::new(TRIGGER).expect("the trigger pattern");
        sentence_bounds(para)
            .into_iter()
            .map(|(s0, s1)| {
                trigger
                    .find_iter(&para[s0..s1])
                    .map(|m| (s0 + m.start(), s0 + m.end()))
                    .collect()
            })
            .collect()
    }

    /// The paragraph's triggers split at the sentence ends, as `extract`
    /// does.
    fn by_paragraph(para: &str) -> Vec<Vec<(usize, usize)>> {
        let triggers = timex::triggers(para, &[(0, para.len())]);
        let mut rest = &triggers[..];
        sentence_bounds(para)
            .into_iter()
            .map(|(_, s1)| {
                let (mine, after) = rest.split_at(rest.partition_point(|&(ts, _)| ts < s1));
                rest = after;
                mine.to_vec()
            })
            .collect()
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => proptest::sample::select(vec![
                "met", "meeting", "press", "conference", "same", "venue", "talks", "The",
                "Summit", "air", "strike", "phone", "call", "visited", "event", "a", "in",
                "Paris", "Nov", "Mr", "x",
            ])
            .prop_map(str::to_string),
            4 => proptest::sample::select(vec![
                " ", "  ", "\n", ". ", "! ", "? ", ".\" ", ".” ", ".’ ", ".' ", "'", "’s ", "“",
                "\"", ", ", "-", "é", "\u{a0}", "5", ".", "?",
            ])
            .prop_map(str::to_string),
        ]
    }

    /// Sentence bounds, each with its triggers.
    type Sentences = Vec<(usize, usize, Vec<(usize, usize)>)>;

    /// The sentences with triggers and their triggers as `extract` takes
    /// them ([`trigger_sentences`], the paragraph at `at` in a text).
    fn with_triggers(para: &str, at: usize) -> Sentences {
        let triggers: Vec<_> = (timex::triggers(para, &[(0, para.len())]).into_iter())
            .map(|(s, e)| (at + s, at + e))
            .collect();
        let mut out = Vec::new();
        trigger_sentences(para, at, &triggers, |s0, s1, mine| {
            out.push((
                s0 - at,
                s1 - at,
                mine.iter().map(|&(s, e)| (s - at, e - at)).collect(),
            ));
        });
        out
    }

    /// [`with_triggers`] against every sentence split from the start, those
    /// without triggers left out.
    fn same_sentences(para: &str) {
        let split: Vec<_> = (sentence_bounds(para).into_iter())
            .zip(by_paragraph(para))
            .filter(|(_, mine)| !mine.is_empty())
            .map(|((s0, s1), mine)| (s0, s1, mine))
            .collect();
        for at in [0, 7] {
            assert_eq!(with_triggers(para, at), split, "{para:?} at {at}");
        }
    }

    proptest! {
        #[test]
        fn paragraph_search_splits_into_the_sentence_searches(
            parts in proptest::collection::vec(fragment(), 0..30)
        ) {
            let para = parts.concat();
            prop_assert_eq!(by_paragraph(&para), by_sentence(&para), "{:?}", para);
            same_sentences(&para);
        }
    }

    #[test]
    fn triggers_at_sentence_edges() {
        for para in [
            "They met. Talks followed! \"Same venue?\" The press conference.",
            "Summit.” Meeting’s end. a meeting.' Visited",
            "press. conference? same\nvenue",
        ] {
            assert_eq!(by_paragraph(para), by_sentence(para), "{para:?}");
            same_sentences(para);
        }
    }
}

mod cap_runs {
    use super::*;
    use proptest::prelude::*;

    fn runs(s: &str, by_regex: bool) -> Vec<Vec<(usize, usize)>> {
        let mut out = Vec::new();
        let mut push = |r: &CapRun| out.push(r.words().to_vec());
        if by_regex {
            // The pattern as written, not its twin: the oracle.
            let cap = Regex::new(CAP).expect("the cap pattern");
            cap_runs_regex(s, &cap, &mut push);
        } else {
            for_cap_runs(s, &mut push);
        }
        out
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => proptest::sample::select(vec![
                "New", "York", "Rio", "de", "Janeiro", "Saint-Denis", "X", "a", "in", "UN",
                "São", "Paulo", "Ürümqi", "ß", "Ⅳ", "_A", "9B", "-",
            ])
            .prop_map(str::to_string),
            4 => proptest::sample::select(vec![
                " ", "  ", "\n", "\t", "\u{b}", "\u{c}", "\r", ". ", ", ", "'s ", "’s ", "\"",
                "\u{a0}", "\u{2003}", "\u{85}", "\u{3000}", "’", "é", "5", "_", "-", "(",
            ])
            .prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #[test]
        fn byte_loop_finds_the_regex_runs(parts in proptest::collection::vec(fragment(), 0..24)) {
            let s = parts.concat();
            prop_assert_eq!(runs(&s, false), runs(&s, true), "{:?}", s);
        }

        #[test]
        fn char_loop_finds_the_regex_runs(
            parts in proptest::collection::vec(fragment(), 0..24)
        ) {
            let s = parts.concat();
            let mut by_chars = Vec::new();
            cap_runs_chars(&s, |r: &CapRun| by_chars.push(r.words().to_vec()));
            prop_assert_eq!(by_chars, runs(&s, true), "{:?}", s);
        }

        #[test]
        fn byte_loop_on_any_ascii(s in "[ -~\t\n\u{b}\u{c}\r]{0,40}") {
            prop_assert_eq!(runs(&s, false), runs(&s, true), "{:?}", s);
        }

        /// The eight-byte search for a capital against a byte loop, on
        /// bytes at the edges of `A`..=`Z` with and without the high bit.
        #[test]
        fn next_capital_as_a_byte_loop(
            bytes in proptest::collection::vec(
                prop_oneof![
                    3 => proptest::sample::select(vec![
                        b'@', b'A', b'M', b'Z', b'[', b'a', b'z', b' ', 0xc0, 0xc1, 0xda, 0xdb, 0xff,
                    ]),
                    1 => any::<u8>(),
                ],
                0..40,
            ),
            from in 0usize..48,
        ) {
            let from = from.min(bytes.len());
            let want = (from..bytes.len())
                .find(|&k| bytes[k].is_ascii_uppercase())
                .unwrap_or(bytes.len());
            prop_assert_eq!(next_capital(&bytes, from), want);
        }

        /// The eight-byte run of letters and `-` against a byte loop, on
        /// bytes at the edges of both letter ranges and `-`, with and
        /// without the high bit.
        #[test]
        fn letters_end_as_a_byte_loop(
            bytes in proptest::collection::vec(
                prop_oneof![
                    6 => proptest::sample::select(vec![
                        b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', b'-', b',', b'.', b' ',
                        0xc1, 0xda, 0xe1, 0xfa, 0xad,
                    ]),
                    1 => any::<u8>(),
                ],
                0..40,
            ),
            from in 0usize..48,
        ) {
            let from = from.min(bytes.len());
            let want = (from..bytes.len())
                .find(|&k| !(bytes[k].is_ascii_alphabetic() || bytes[k] == b'-'))
                .unwrap_or(bytes.len());
            prop_assert_eq!(letters_end(&bytes, from), want);
        }
    }

    #[test]
    fn runs_of_capitalized_words() {
        let s = "Talks in New York City Hall, then Rio de Janeiro and x-Ray Saint-Denis.";
        let words: Vec<Vec<&str>> = runs(s, false)
            .iter()
            .map(|r| r.iter().map(|&(a, b)| &s[a..b]).collect())
            .collect();
        assert_eq!(
            words,
            [
                vec!["Talks"],
                vec!["New", "York", "City"],
                vec!["Hall"],
                vec!["Rio"],
                vec!["Janeiro"],
                vec!["Ray", "Saint-Denis"],
            ]
        );
        for s in [
            "",
            "A",
            "a",
            "-",
            " ",
            "A B C D",
            "xA-B",
            "éA B",
            "ÉA-b C",
            "Zoë Élan Ürümqi",
            "a-Ülm",
            "_Ü",
            "ⅣA",
            "\u{a0}Ö\u{a0}Ä",
            "9Ä-Ö",
        ] {
            assert_eq!(runs(s, false), runs(s, true), "{s:?}");
        }
    }

    /// The adjectives [`is_modifier`] matches, as the list it replaced.
    const MODIFIERS: &[&str] = &[
        "first",
        "second",
        "third",
        "last",
        "next",
        "joint",
        "working",
        "short",
        "annual",
        "emergency",
        "informal",
        "extraordinary",
        "foreign",
        "ministerial",
        "official",
        "state",
        "previous",
        "latest",
        "upcoming",
        "planned",
        "bilateral",
        "trilateral",
        "regular",
        "special",
        "final",
        "recent",
        "ongoing",
        "online",
        "virtual",
        "major",
        "brief",
        "private",
        "closed-door",
        "weekly",
        "monthly",
        "ministers",
        "leaders",
        "defence",
        "defense",
        "peace",
        "trade",
        "press",
        "news",
        "summit",
    ];

    #[test]
    fn modifiers_are_the_list() {
        for w in MODIFIERS {
            assert!(is_modifier(w), "{w}");
            for other in [
                &w[1..],
                &w[..w.len() - 1],
                format!("{w}s").as_str(),
                w.to_uppercase().as_str(),
            ] {
                assert_eq!(is_modifier(other), MODIFIERS.contains(&other), "{other}");
            }
        }
        for w in ["", "a", "the", "summits", "meeting", "closed", "door"] {
            assert!(!is_modifier(w), "{w}");
        }
    }

    #[test]
    fn lower_is_to_lowercase() {
        for s in [
            "",
            "met",
            "Met",
            "MEETING",
            "talKs",
            "İstanbul",
            "ß",
            "Summit’s",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn is_calendar_is_calendar_some() {
        for v in [
            "2024",
            "2024-05",
            "2024-05-06",
            "2024-05-06TMO",
            "2024-W05",
            "199X",
            "",
            "T",
        ] {
            assert_eq!(is_calendar(v), calendar(v).is_some(), "{v:?}");
        }
    }
}

mod host_gate {
    use super::*;
    use proptest::prelude::*;

    /// The pattern as written, on any text: the oracle of the gate.
    fn host(s: &str) -> bool {
        Regex::new(HOST).expect("the host pattern").is_match(s)
    }

    fn gated(s: &str) -> bool {
        hosted(s)
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => proptest::sample::select(vec![
                "on", "ON", "the", "The", "this", "that", "sidelines", "ſidelines", "SideLines",
                "margin", "margins", "MARGINS", "ahead", "Ahead", "of", "during", "DURING", "in",
                "run-up", "Run-Up", "to", "summit", "Zoë", "ﬁ",
            ])
            .prop_map(str::to_string),
            3 => proptest::sample::select(vec![
                "on the sidelines of the ", "on the ſidelines of this ", "ON THE MARGINS OF THAT ",
                "on the margin of the ", "ahead of the ", "Ahead\u{a0}of this ", "during that ",
                "in the run-up to the ", "in the Run-Up to that ",
            ])
            .prop_map(str::to_string),
            4 => proptest::sample::select(vec![
                " ", "  ", "\n", "\u{a0}", ", ", ". ", ";", "-", "é", "\u{2003}",
            ])
            .prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #[test]
        fn gate_answers_as_the_pattern(parts in proptest::collection::vec(fragment(), 0..16)) {
            let s = parts.concat();
            prop_assert_eq!(gated(&s), host(&s), "{:?}", s);
        }
    }

    #[test]
    fn gate_on_fixed_cases() {
        for s in [
            "",
            "on the sidelines of the trade fair",
            "on the ſidelines of the trade fair",
            "ON THE MARGIN OF THIS",
            "ahead of that meeting",
            "During the talks",
            "in the run-up to the vote",
            "in the Run-Up to the vote, then",
            "during the, vote",
            "on the sidelines of Zoë's",
            "sidelines",
            "during the",
            "during the ",
            "during the\u{2003}x",
            "during thee x",
            "during theis x",
            "xduring the x",
            "_during the x",
            "éduring the x",
            "(during this x",
            "on the marginſ of THAT x",
            "on the marginsx of the x",
            "on the margins\u{a0}of the x",
            "in the run-up to the x",
            "in the run up to the x",
            "a; ahead of the x",
            "ahead of the x; y",
            "ﬁduring the x",
        ] {
            assert_eq!(gated(s), host(s), "{s:?}");
        }
    }
}

/// The entities of a sentence and the reporters of an article, read as
/// the code before kept them: one hash set per sentence, one list of
/// reporters per entity.
mod participants {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn first_spans_are_those_of_a_hash_set(
            mut spans in proptest::collection::vec((0..40usize, 0..6usize, 0..8usize), 0..24)
        ) {
            let mut spans: Vec<(usize, usize, usize)> =
                spans.drain(..).map(|(s, len, k)| (s, s + len, k)).collect();
            spans.sort_unstable();
            let mut got = vec![(7, 7, 7)];
            first_spans(spans.iter().copied(), &mut got);
            let mut got: Vec<(usize, usize)> = got.into_iter().map(|(s, k, _)| (s, k)).collect();
            got.sort_unstable();
            let mut want = first_spans_in_order(spans.iter().copied());
            want.sort_unstable();
            prop_assert_eq!(got, want);
        }

        #[test]
        fn reporters_are_read_once_per_article(
            names in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["Orvane", "Tellis Wire", "Kasp", "Dr Mune"]),
                    proptest::collection::vec(
                        proptest::sample::select(vec!["Orvane", "Kasp", "TW", "Mune"]),
                        0..3,
                    ),
                ),
                0..6,
            ),
            source in proptest::option::of(proptest::sample::select(vec!["Orvane", "TW"])),
            credits in proptest::collection::vec(proptest::sample::select(vec!["Kasp", "Mune"]), 0..2),
            agency in proptest::option::of(proptest::sample::select(vec!["Tellis Wire", "Kasp"])),
        ) {
            let article = Article {
                source: source.map(Into::into),
                credits: credits.into_iter().map(Into::into).collect(),
                dateline: Some(Dateline {
                    agency: agency.map(Into::into),
                    ..Dateline::default()
                }),
                entities: names
                    .into_iter()
                    .map(|(name, aliases)| crate::model::Entity {
                        name: name.into(),
                        kind: EntityType::Organization,
                        aliases: aliases.into_iter().map(Into::into).collect(),
                        roles: Vec::new(),
                        mentions: 1,
                        spans: Vec::new(),
                    })
                    .collect(),
                ..Article::default()
            };
            let index = EntityIndex::new(&article);
            for e in &article.entities {
                prop_assert_eq!(index.reporter(e), reports_the_story(&article, &e.to_entity()));
            }
        }
    }
}

/// The gazetteer pass skipping the runs covered by entities, and the
/// packed sort of the entity spans, against the code before them.
mod covered_runs {
    use super::*;
    use proptest::prelude::*;

    /// Surfaces of the place file made of capitalized ASCII words (one to
    /// three), every few hundredth row: places to find, read from the data.
    fn surfaces() -> Vec<&'static str> {
        include_str!("../../../data/gazetteer/places.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|s| {
                s.split(' ').count() <= 3
                    && s.split(' ').all(|w| {
                        w.len() > 1
                            && w.as_bytes()[0].is_ascii_uppercase()
                            && w.bytes().all(|b| b.is_ascii_alphabetic())
                    })
            })
            .step_by(397)
            .take(40)
            .collect()
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => proptest::sample::select(surfaces()).prop_map(str::to_string),
            1 => proptest::sample::select(vec!["Orvane", "Kestrel", "Dumai", "Tellis"])
                .prop_map(str::to_string),
            2 => proptest::sample::select(vec!["in", "at", "met", "with", ",", "."])
                .prop_map(str::to_string),
        ]
    }

    /// `(start, end, name, locative)` of the places kept, found with
    /// `skip` as `gazetteer_places`' test of covered ranges.
    fn kept(
        text: &str,
        entities: &[(usize, usize)],
        skip: bool,
    ) -> Vec<(usize, usize, String, bool)> {
        let covered = |a: usize, b: usize| entities.iter().any(|&(s, e)| s < b && e > a);
        let locative = |a: usize, b: usize| (a + 2 * b).is_multiple_of(3);
        let mut out = Vec::new();
        let never = |_: usize, _: usize| false;
        let test: &dyn Fn(usize, usize) -> bool = if skip { &covered } else { &never };
        gazetteer_places(text, 0, text.len(), &locative, test, &mut out);
        out.retain(|g| !covered(g.start, g.end));
        out.into_iter()
            .map(|g| (g.start, g.end, g.name.to_string(), g.locative))
            .collect()
    }

    proptest! {
        #[test]
        fn covered_runs_lose_no_place(
            words in proptest::collection::vec(word(), 0..16),
            picks in proptest::collection::vec((0..16usize, 0..3usize, 0..4usize), 0..5),
        ) {
            let text = words.join(" ");
            // Entity spans over whole words, or over a word's first letters.
            let mut starts = Vec::new();
            let mut at = 0;
            for w in &words {
                starts.push((at, at + w.len()));
                at += w.len() + 1;
            }
            let entities: Vec<(usize, usize)> = picks
                .iter()
                .filter(|&&(w, _, _)| w < starts.len())
                .map(|&(w, len, cut)| {
                    let last = (w + len).min(starts.len() - 1);
                    let end = if cut == 0 { starts[w].0 + 1 } else { starts[last].1 };
                    (starts[w].0, end)
                })
                .collect();
            prop_assert_eq!(kept(&text, &entities, true), kept(&text, &entities, false), "{:?}", text);
        }

        #[test]
        fn packed_spans_sort_as_triples(
            spans in proptest::collection::vec(
                proptest::collection::vec(
                    (prop_oneof![0..64usize, 0..(1usize << 25)], 0..8usize),
                    0..6,
                ),
                0..8,
            ),
            queries in proptest::collection::vec(
                (prop_oneof![0..80usize, 0..(1usize << 25)], 0..80usize),
                0..6,
            ),
        ) {
            let article = Article {
                entities: spans
                    .iter()
                    .map(|sp| crate::model::Entity {
                        name: String::new(),
                        kind: EntityType::Person,
                        aliases: Vec::new(),
                        roles: Vec::new(),
                        mentions: 1,
                        spans: sp.iter().map(|&(s, len)| Span::new(s, s + len)).collect(),
                    })
                    .collect(),
                ..Article::default()
            };
            let triples = article
                .entities
                .iter()
                .enumerate()
                .flat_map(|(k, e)| e.spans().iter().map(move |sp| (sp.start, sp.end, k)));
            let triples = sorted_spans_by_triples(triples);
            prop_assert_eq!(sorted_spans(&article).iter_from(0).collect::<Vec<_>>(), &triples[..]);
            // The index reads its spans as a scan of the sorted triples
            // would, packed or not.
            let index = EntityIndex::new(&article);
            for &(a, b) in &queries {
                let (a, b) = (a.min(b), a.max(b));
                let inside: Vec<_> = (triples.iter().copied())
                    .filter(|&(s, e, _)| a <= s && s < b && e <= b)
                    .collect();
                prop_assert_eq!(index.within(a, b).collect::<Vec<_>>(), inside);
                let overlapping = triples.iter().any(|&(s, e, _)| s < b && e > a);
                prop_assert_eq!(index.overlaps(a, b), overlapping, "{:?}", (a, b));
            }
        }
    }

    #[test]
    fn fixed_cases() {
        let s = surfaces();
        assert!(s.len() > 20, "{s:?}");
        // A covered first word before an uncovered place: the run is
        // searched, the place kept.
        let one = s
            .iter()
            .find(|p| !p.contains(' ') && !places::lookup(p).unwrap().word)
            .unwrap();
        let text = format!("Orvane {one} met");
        assert_eq!(kept(&text, &[(0, 6)], true).len(), 1);
        assert_eq!(kept(&text, &[(0, 6)], true), kept(&text, &[(0, 6)], false));
        // Every word covered: nothing.
        assert!(kept(&text, &[(0, 6), (7, 8)], true).is_empty());
        // Spans at and past the packed bounds.
        for (s, e) in [
            ((1 << 24) - 1, (1 << 24) - 1),
            (1 << 24, 1 << 24),
            (3, 1 << 24),
        ] {
            let article = Article {
                entities: vec![crate::model::Entity {
                    name: String::new(),
                    kind: EntityType::Place,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    mentions: 1,
                    spans: vec![Span::new(s, e), Span::new(0, 1)],
                }]
                .into(),
                ..Article::default()
            };
            assert_eq!(
                sorted_spans(&article).iter_from(0).collect::<Vec<_>>(),
                vec![(0, 1, 0), (s, e, 0)]
            );
        }
    }
}

/// `dates_overlap` by day numbers against its rule, the ISO strings of
/// `bounds`: values near the month and year ends, and some that are not
/// dates (a month or day out of range, a week, a time, other digits).
mod date_values {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = String> {
        let year = || 1999..2001u32;
        let month = || proptest::sample::select(vec![0u32, 1, 2, 11, 12, 13]);
        let day = proptest::sample::select(vec![0u32, 1, 2, 30, 31, 32]);
        prop_oneof![
            year().prop_map(|y| y.to_string()),
            (year(), month()).prop_map(|(y, m)| format!("{y}-{m:02}")),
            (year(), month(), day).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
            proptest::sample::select(vec![
                "2000-W05",
                "2000-01-01T10",
                "20000",
                "2000-1-01",
                "",
                "٢٠٠٠"
            ])
            .prop_map(str::to_string),
        ]
    }

    fn pair() -> impl Strategy<Value = Option<(String, Option<String>)>> {
        proptest::option::weighted(0.9, (value(), proptest::option::of(value())))
    }

    fn view(p: &Option<(String, Option<String>)>) -> Option<(&str, Option<&str>)> {
        p.as_ref().map(|(w, u)| (w.as_str(), u.as_deref()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn day_numbers_compare_as_the_strings(a in pair(), b in pair()) {
            let want = match (view(&a), view(&b)) {
                (Some((aw, au)), Some((bw, bu))) => overlap_by_strings(aw, au, bw, bu),
                _ => true,
            };
            prop_assert_eq!(dates_overlap(view(&a), view(&b)), want);
        }
    }

    #[test]
    fn month_and_year_ends() {
        for (a, b, want) in [
            ("2000-02", "2000-02-31", true),
            ("2000-02", "2000-03-01", false),
            ("2000", "2000-12-31", true),
            ("1999", "2000-01-01", false),
            // Not dates: compared as strings ("2000-13" sorts after any
            // 2000 day).
            ("2000-13", "2000-12-31", false),
            ("2000-W05", "2000", false),
        ] {
            assert_eq!(
                dates_overlap(Some((a, None)), Some((b, None))),
                want,
                "{a} {b}"
            );
        }
    }
}

mod descriptions {
    use super::*;
    use proptest::prelude::*;

    /// The rule: the words, split at any white space, joined by one space.
    fn joined(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn white_space_is_one_space_between_words() {
        for (s, want) in [
            ("the Varnel talks", "the Varnel talks"),
            ("the  Varnel\ttalks", "the Varnel talks"),
            (" Ostry summit", "Ostry summit"),
            ("Ostry summit ", "Ostry summit"),
            ("Ostry\u{a0}summit", "Ostry summit"),
            ("", ""),
            (" ", ""),
            ("a", "a"),
        ] {
            assert_eq!(single_spaced(s), want, "{s:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn single_spaced_joins_the_words(s in "[ab ,\t\n\u{a0}é-]{0,10}") {
            prop_assert_eq!(single_spaced(&s), joined(&s));
        }
    }
}
