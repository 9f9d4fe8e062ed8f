//! Unit tests: one small invented article per construction.

use super::*;
use crate::model::{Entity, EntityType, Paragraph, Span};

/// An article whose paragraphs are `paras`, separated by blank lines, after
/// a headline line.
fn article(paras: &[&str]) -> (String, Article) {
    let mut text = String::from("Headline\n\n");
    let mut ps = Vec::new();
    for p in paras {
        let start = text.len();
        text.push_str(p);
        ps.push(Paragraph {
            text: p.to_string(),
            span: Span::new(start, text.len()),
        });
        text.push_str("\n\n");
    }
    let a = Article {
        paragraphs: ps,
        ..Article::default()
    };
    (text, a)
}

fn quotes(paras: &[&str]) -> Vec<Quote> {
    let (text, a) = article(paras);
    let qs = extract(&text, &a);
    for q in &qs {
        assert_eq!(q.span.of(&text), q.text, "span must cover the text");
    }
    qs
}

/// An entity record as the entity extractor would give it.
fn entity(name: &str, kind: EntityType, aliases: &[&str], roles: &[&str]) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions: 1,
        spans: vec![],
    }
}

fn pairs(qs: &[Quote]) -> Vec<(&str, Option<&str>)> {
    qs.iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect()
}

#[test]
fn curly_quote_with_cue_after() {
    let qs = quotes(&["“We will rebuild the school,” Anna Keller said on Monday."]);
    assert_eq!(
        pairs(&qs),
        [("We will rebuild the school,", Some("Anna Keller"))]
    );
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
}

#[test]
fn straight_quote_with_inverted_cue() {
    let qs = quotes(&[r#""The river is rising fast," said Harold Finch, the mayor."#]);
    assert_eq!(
        pairs(&qs),
        [("The river is rising fast,", Some("Harold Finch"))]
    );
}

#[test]
fn guillemets_low_high_and_tex_marks() {
    let qs = quotes(&[
        "Nadia Roux said: «Nous sommes prêts à discuter.»",
        "Karl Weber said: „Wir bleiben hier.“",
        "Ben Ortiz said: ``We are not leaving the region.''",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("Nous sommes prêts à discuter.", Some("Nadia Roux")),
            ("Wir bleiben hier.", Some("Karl Weber")),
            ("We are not leaving the region.", Some("Ben Ortiz")),
        ]
    );
}

#[test]
fn single_primary_marks_without_apostrophe_confusion() {
    let qs = quotes(&[
        "Council leader Rhona Blair said: ‘It’s the city’s best chance since the '90s.’",
        "‘We don't give up,’ she added.",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            (
                "It’s the city’s best chance since the '90s.",
                Some("Rhona Blair")
            ),
            ("We don't give up,", Some("Rhona Blair")),
        ]
    );
}

#[test]
fn apostrophes_inside_double_quotes_are_text() {
    let qs = quotes(&["“Don't forget Ukraine’s farmers or the '90s,” Lena Ostrova said."]);
    assert_eq!(
        pairs(&qs),
        [(
            "Don't forget Ukraine’s farmers or the '90s,",
            Some("Lena Ostrova")
        )]
    );
}

#[test]
fn apostrophes_alone_make_no_quotes() {
    assert!(
        quotes(&["Ukraine’s farmers don't remember the '90s, and the Smiths’ farm is gone."])
            .is_empty()
    );
}

#[test]
fn split_quote_keeps_its_speaker() {
    let qs = quotes(&[
        "Maria Lopez met farmers in the valley.",
        "“The harvest was poor,” she said. “But next year will be better.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("The harvest was poor,", Some("Maria Lopez")),
            ("But next year will be better.", Some("Maria Lopez")),
        ]
    );
}

#[test]
fn multi_paragraph_quote() {
    let qs = quotes(&[
        "Mayor Ellen Park said: “We started early this year.",
        "“We finished late, but we finished.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("We started early this year.", Some("Ellen Park")),
            ("We finished late, but we finished.", Some("Ellen Park")),
        ]
    );
}

#[test]
fn unbalanced_mark_does_not_run_away() {
    let qs = quotes(&[
        "Opponents said “this never closes and the paragraph simply ends.",
        "The vote was delayed.",
        "“Closed properly,” said Bob Stone.",
    ]);
    assert_eq!(pairs(&qs), [("Closed properly,", Some("Bob Stone"))]);
}

#[test]
fn megabyte_paragraph_without_closing_mark() {
    let mut p = String::from("Trent Mole said “");
    while p.len() < 1 << 20 {
        p.push_str("words without end ");
    }
    let qs = quotes(&[&p, "The hearing ended.", "“A short one,” Trent Mole added."]);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "A short one,");
    assert_eq!(qs[0].speaker.as_deref(), Some("Trent Mole"));
}

#[test]
fn megabyte_paragraph_of_straight_marks() {
    let p = "\" a".repeat(350_000);
    let qs = quotes(&[&p]);
    assert!(qs.len() < 350_000);
}

#[test]
fn nested_quotes_stay_inside() {
    let qs = quotes(&["“She told me ‘never again’ and left,” Paul Grant said."]);
    assert_eq!(
        pairs(&qs),
        [("She told me ‘never again’ and left,", Some("Paul Grant"))]
    );
}

#[test]
fn scare_quotes_titles_and_headings_are_dropped() {
    let qs = quotes(&[
        "“Harbor Lights”",
        "The so-called “peace plan” was rejected by the council.",
        "She appeared on “The Late Night Hour With Sam” last week.",
        "Critics call the tax a “fig leaf” for cuts.",
    ]);
    assert!(qs.is_empty(), "{qs:?}");
}

#[test]
fn quoted_word_in_reported_speech_is_a_partial_quote() {
    let qs = quotes(&[
        "Governor Lisa Moe said she was “confident” that the bill would pass “before the summer break.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("confident", Some("Lisa Moe")),
            ("before the summer break.", Some("Lisa Moe")),
        ]
    );
}

#[test]
fn pronoun_resolves_to_recent_person() {
    let qs = quotes(&[
        "Senator Jim Rowe arrived on Monday.",
        "“It is time to act,” he said.",
    ]);
    assert_eq!(pairs(&qs), [("It is time to act,", Some("Jim Rowe"))]);
}

#[test]
fn pronoun_follows_a_new_subject_not_an_object() {
    let (text, mut a) = article(&[
        "“We will stay the course,” Governor Ann Holt told reporters.",
        "Mark Ellery, chief economist at Parkway Capital, said the outlook was poor.",
        "“Growth has stalled,” he said.",
        "“There is no plan B,” Ellery told Holt.",
        "“Not yet,” he added.",
    ]);
    // The entity extractor's typing keeps the company from being `he`.
    a.entities.push(entity(
        "Parkway Capital",
        EntityType::Organization,
        &["Parkway Capital"],
        &[],
    ));
    let qs = extract(&text, &a);
    assert_eq!(
        pairs(&qs),
        [
            ("We will stay the course,", Some("Ann Holt")),
            ("Growth has stalled,", Some("Mark Ellery")),
            ("There is no plan B,", Some("Mark Ellery")),
            ("Not yet,", Some("Mark Ellery")),
        ]
    );
}

#[test]
fn pronoun_follows_a_subject_named_before_its_verb() {
    let qs = quotes(&[
        "Dana Kirsch said she was “fed up” with the rules, but league chief Omar Pell rejected her complaint.",
        "“We changed the rules last year,” he said.",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("fed up", Some("Dana Kirsch")),
            ("We changed the rules last year,", Some("Omar Pell"))
        ]
    );
}

#[test]
fn the_most_descriptive_role_wins_and_counterparts_share_the_office() {
    let (text, mut a) = article(&[
        "Chilean Foreign Minister Ana Fuentes met her Peruvian counterpart Luis Soto.",
        "According to him, the talks were “useful and frank.”",
        "“We will meet again in spring,” the Peruvian minister added.",
        "“Trade is the next topic,” the Chilean minister said.",
    ]);
    // Roles as the entity extractor gives them.
    for (name, role) in [
        ("Ana Fuentes", "Chilean Foreign Minister"),
        ("Luis Soto", "Peruvian counterpart"),
    ] {
        a.entities
            .push(entity(name, EntityType::Person, &[name], &[role]));
    }
    let qs = extract(&text, &a);
    assert_eq!(
        pairs(&qs),
        [
            ("useful and frank.", Some("Luis Soto")),
            ("We will meet again in spring,", Some("Luis Soto")),
            ("Trade is the next topic,", Some("Ana Fuentes")),
        ]
    );
}

#[test]
fn titles_resolve_through_roles() {
    let qs = quotes(&[
        "Foreign Minister Carla Diaz met her counterparts in the capital.",
        "“We agree on the main points,” the minister said.",
        "According to the foreign minister, the talks “will continue next week.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("We agree on the main points,", Some("Carla Diaz")),
            ("will continue next week.", Some("Carla Diaz")),
        ]
    );
    assert_eq!(qs[1].cue.as_deref(), Some("according to"));
}

#[test]
fn colon_attribution() {
    let qs = quotes(&[
        "The farmer Joe Pike arrived late.",
        "Pike: “No comment on the prices.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [("No comment on the prices.", Some("Joe Pike"))]
    );
}

#[test]
fn quote_with_no_speaker() {
    let qs = quotes(&[
        "The valley was quiet on Sunday.",
        "“Nothing is certain in this long and difficult winter.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [(
            "Nothing is certain in this long and difficult winter.",
            None
        )]
    );
    assert_eq!(qs[0].cue, None);
}

#[test]
fn institution_speaks() {
    let qs = quotes(&["The Kremlin said the sanctions would “hurt everyone in the region.”"]);
    assert_eq!(
        pairs(&qs),
        [("hurt everyone in the region.", Some("Kremlin"))]
    );
}

#[test]
fn short_name_becomes_fullest_form() {
    let qs = quotes(&[
        "Oleg Brandt, the bank's chief, spoke first.",
        "“Rates will rise,” Brandt said.",
    ]);
    assert_eq!(pairs(&qs), [("Rates will rise,", Some("Oleg Brandt"))]);
}

/// Speakers taking turns keep their own full names, in an article of a
/// few quotes and in one of many: each name's canonical form is found once
/// and shared by the later quotes that repeat the name.
#[test]
fn speakers_taking_turns_keep_their_own_full_names() {
    for rounds in [2, 6] {
        let mut paras = vec!["Ilse Varga and Tomas Ekberg met the council on Tuesday.".to_string()];
        for r in 0..rounds {
            paras.push(format!("“The plan has {r} parts,” Varga said."));
            paras.push(format!("“We counted {r} votes,” Ekberg said."));
        }
        let paras: Vec<&str> = paras.iter().map(String::as_str).collect();
        let qs = quotes(&paras);
        let speakers: Vec<Option<&str>> = qs.iter().map(|q| q.speaker.as_deref()).collect();
        let want: Vec<Option<&str>> = (0..rounds)
            .flat_map(|_| [Some("Ilse Varga"), Some("Tomas Ekberg")])
            .collect();
        assert_eq!(speakers, want, "{rounds} rounds");
    }
}

#[test]
fn entity_aliases_and_roles_give_canonical_names() {
    let (text, mut a) = article(&[
        "“Prices are stable,” Bob Smith said.",
        "“We will wait,” the governor added.",
    ]);
    a.entities.push(entity(
        "Robert Smith",
        EntityType::Person,
        &["Bob Smith", "Smith"],
        &["central bank governor"],
    ));
    let qs = extract(&text, &a);
    assert_eq!(
        pairs(&qs),
        [
            ("Prices are stable,", Some("Robert Smith")),
            ("We will wait,", Some("Robert Smith")),
        ]
    );
}

#[test]
fn mixed_curly_and_straight_marks_pair() {
    let qs = quotes(&[
        "“We will appeal the ruling\" Dana Whitfield said.",
        "\"The court got it wrong,” she added, calling the decision \"a mistake\" twice.",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("We will appeal the ruling", Some("Dana Whitfield")),
            ("The court got it wrong,", Some("Dana Whitfield")),
        ]
    );
}

#[test]
fn straight_marks_nested_in_curly_quote() {
    let qs = quotes(&["“They keep saying \"no deal\" to every offer,” Omar Haddad said."]);
    assert_eq!(
        pairs(&qs),
        [(
            "They keep saying \"no deal\" to every offer,",
            Some("Omar Haddad")
        )]
    );
}

#[test]
fn quoted_modifiers_and_possessed_titles_are_terms() {
    let qs = quotes(&[
        "Officials said a federal “supermax” prison was studied, Jan Kowal said.",
        "Kowal said on the network’s “Morning Report Live.” that he was ready.",
        "Kowal said the “réformé” “élite” ééééééééééééééééééééééé units would stay.",
    ]);
    assert!(qs.is_empty(), "{qs:?}");
}

#[test]
fn double_apostrophe_articles_are_not_single_quoted() {
    let qs = quotes(&["''She said, 'What did he mean by that?''' Mr. Lee said."]);
    assert!(qs.is_empty(), "{qs:?}");
}

#[test]
fn dash_attribution_after_quote() {
    let qs = quotes(&["“We were never asked about the plan.” ― Rosa Delgado"]);
    assert_eq!(
        pairs(&qs),
        [("We were never asked about the plan.", Some("Rosa Delgado"))]
    );
}

#[test]
fn colon_after_an_object_takes_the_clause_subject() {
    let qs = quotes(&[
        "Senator Paul Wren delivered a blunt message to Mayor Ivy Cole: “Stop blaming the state for the budget.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [("Stop blaming the state for the budget.", Some("Paul Wren"))]
    );
}

#[test]
fn infinitive_cue_chain_and_description_subject() {
    let qs = quotes(&[
        "The union letter went on to say: “Our members will not accept the offer.”",
        "Later, Greta Holm thanked the workers for “standing firm when it mattered most.”",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            (
                "Our members will not accept the offer.",
                Some("The union letter")
            ),
            ("standing firm when it mattered most.", Some("Greta Holm")),
        ]
    );
}

#[test]
fn name_after_cue_with_title_and_possessor() {
    let qs = quotes(&[
        "“Prices will fall,” said the region’s Finance Minister Arno Vidal.",
        "“We are ready,” added union spokesman Leo Brandt.",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("Prices will fall,", Some("Arno Vidal")),
            ("We are ready,", Some("Leo Brandt")),
        ]
    );
}

#[test]
fn quote_ending_in_a_comma_reads_the_words_after_it() {
    // The words after the quote give the speaker, the outlet after a
    // speaker named before, or a pronoun for the name before.
    let qs = quotes(&[
        "“The bridge opens in May,” said Nora Vance.",
        "Ivo Brandt said: “The tolls stay low,” according to Radio Kestrel.",
        "Mila Sorn praised the plan “for the whole valley,” she said.",
        "“Who pays for it?” asked Tomas Reel.",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("The bridge opens in May,", Some("Nora Vance")),
            ("The tolls stay low,", Some("Ivo Brandt")),
            ("for the whole valley,", Some("Mila Sorn")),
            ("Who pays for it?", Some("Tomas Reel")),
        ]
    );
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
    assert_eq!(qs[1].cue.as_deref(), Some("said"));
    assert_eq!(qs[3].cue.as_deref(), Some("asked"));
}

/// The kept quotes come out in order with their own text, span, speaker
/// and cue when quotes between them are dropped (a scare quote), whatever
/// paragraph they are in.
#[test]
fn kept_quotes_keep_their_places_around_dropped_ones() {
    let qs = quotes(&[
        "“The bridge opens in May,” Lena Ortiz said.",
        "The so-called “plan” was late.",
        "“We are ready,” Marek Holt told reporters.",
    ]);
    let got: Vec<_> = qs
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.cue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("The bridge opens in May,", Some("Lena Ortiz"), Some("said")),
            ("We are ready,", Some("Marek Holt"), Some("told")),
        ]
    );
    let (text, _) = article(&[]);
    let third = text.len()
        + "“The bridge opens in May,” Lena Ortiz said.\n\n".len()
        + "The so-called “plan” was late.\n\n".len();
    assert_eq!(qs[1].span.start, third + "“".len());
}

/// A thread's second article is read as if it were its first: nothing of
/// the first article's quotes, marks or tokens is left in the vectors the
/// thread keeps.
#[test]
fn a_threads_next_article_starts_afresh() {
    let second = [
        "“Rain is coming,” Iris Vale said.",
        "Then “all clear,” she said.",
    ];
    let alone = std::thread::spawn(move || quotes(&second)).join().unwrap();
    let after = std::thread::spawn(move || {
        quotes(&[
            "“Open the gates,” Tomas Reyes said. “Now,” he added “or never.”",
            "“Unclosed and long",
            "“Still going,” Reyes said.",
        ]);
        quotes(&second)
    })
    .join()
    .unwrap();
    assert!(!alone.is_empty());
    assert_eq!(after, alone);
}

/// A quote alone in its paragraph is a heading when only whitespace,
/// ASCII or not, stands before it; with a word before it, it is speech.
#[test]
fn heading_after_any_whitespace() {
    for lead in ["", "  ", "\u{a0}", "\u{3000} \t"] {
        let p = format!("{lead}“we will build a new bridge soon”");
        assert!(quotes(&[&p]).is_empty(), "{p:?}");
    }
    let qs = quotes(&["Then “we will build a new bridge soon”"]);
    assert_eq!(pairs(&qs), [("we will build a new bridge soon", None)]);
}

/// A quote of one or two words between the words of a name is a nickname,
/// not speech; three words there are a cued quote.
#[test]
fn nickname_inside_a_name_is_dropped() {
    assert!(quotes(&["Marcia “Cia” Price said."]).is_empty());
    assert!(quotes(&["Marcia “Cia Lee” Price said."]).is_empty());
    let qs = quotes(&["Marcia “Cia Lee Ann” Price said."]);
    assert_eq!(qs.len(), 1, "{qs:?}");
}

/// A short title-cased quote after a possessor, a preposition or a
/// determiner is a title even when a cue goes with it; after the cue
/// itself it is speech.
#[test]
fn titles_after_possessors_and_prepositions() {
    for p in [
        "Kowal said the network's “Morning Report” was late.",
        "Kowal said on “Morning Report” that he was ready.",
        "Kowal said the “Morning Report” was late.",
    ] {
        assert!(quotes(&[p]).is_empty(), "{p}");
    }
    let qs = quotes(&["Kowal said “Morning Report” to them."]);
    assert_eq!(pairs(&qs), [("Morning Report", Some("Kowal"))]);
}

/// A pronoun's person, past the last speaker, may be a bare surname known
/// as a person only because a quote names it as a speaker, and a LATER
/// quote counts as much as an earlier one: the persons are those of all
/// the article's quotes, whenever the first such pronoun comes.
#[test]
fn a_pronoun_finds_a_surname_a_later_quote_names_as_speaker() {
    let qs = quotes(&[
        "Zorvath waited at the ferry landing.",
        "“The tide turns at noon,” he said.",
        "“We cross before dusk,” Zorvath said.",
    ]);
    assert_eq!(
        pairs(&qs),
        [
            ("The tide turns at noon,", Some("Zorvath")),
            ("We cross before dusk,", Some("Zorvath")),
        ]
    );
}
