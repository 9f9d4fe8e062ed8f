//! One test per rule, on small articles written for the purpose.

use super::*;
use crate::model::{Article, Paragraph};
use tokens::tokenize;

/// Paragraphs are the blank-line separated blocks; the first line is the
/// headline when `headline` is set.
fn run(text: &str, headline: bool) -> Vec<Entity> {
    let mut a = Article::default();
    let mut offset = 0;
    for (k, block) in text.split("\n\n").enumerate() {
        if k == 0 && headline {
            a.headline = Some(block.to_string());
        } else {
            a.paragraphs.push(Paragraph {
                text: block.to_string(),
                span: Span::new(offset, offset + block.len()),
            });
        }
        offset += block.len() + 2;
    }
    extract(text, &a, &Resources::default()).to_vec()
}

fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    es.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", names(es)))
}

fn names(es: &[Entity]) -> Vec<(String, EntityType)> {
    es.iter().map(|e| (e.name.clone(), e.kind)).collect()
}

#[test]
fn surname_links_to_full_name() {
    let es = run(
        "Finance Minister Marek Kowalczyk arrived in Warsaw. Kowalczyk said the talks went well.",
        false,
    );
    let p = find(&es, "Marek Kowalczyk");
    assert_eq!(p.kind, EntityType::Person);
    assert_eq!(p.aliases, ["Marek Kowalczyk", "Kowalczyk"]);
    assert_eq!(p.roles, ["Finance Minister"]);
    assert_eq!(p.mentions, 2);
    assert_eq!(find(&es, "Warsaw").kind, EntityType::Place);
}

#[test]
fn given_name_variants_and_transliterations_merge() {
    let es = run(
        "Anthony Brennan met Oleksandr Tkachenkiy in Lviv. Later Antony Brennan and Oleksandr Tkachenky spoke again.",
        false,
    );
    let people: Vec<_> = es.iter().filter(|e| e.kind == EntityType::Person).collect();
    assert_eq!(people.len(), 2, "{:#?}", names(&es));
    assert_eq!(
        find(&es, "Anthony Brennan").aliases,
        ["Anthony Brennan", "Antony Brennan"]
    );
}

#[test]
fn two_people_with_one_surname_stay_two() {
    let es = run(
        "Maria Lindqvist and Erik Lindqvist both spoke at the meeting. Erik Lindqvist later left.",
        false,
    );
    let people: Vec<_> = es.iter().filter(|e| e.kind == EntityType::Person).collect();
    assert_eq!(people.len(), 2, "{:#?}", names(&es));
}

#[test]
fn acronym_defined_in_text() {
    let es = run(
        "Members of the International Association of Port Authorities (IAPA) met in Rotterdam. The IAPA said costs were rising. Ministers of the four coastal states (C4) also met, and the C4 issued a statement.",
        false,
    );
    let o = find(&es, "IAPA");
    assert_eq!(o.kind, EntityType::Organization);
    assert!(
        o.aliases
            .contains(&"International Association of Port Authorities".to_string()),
        "{o:#?}"
    );
    let c = find(&es, "C4");
    assert_eq!(c.aliases, ["the four coastal states", "C4"]);
}

#[test]
fn number_words_in_acronyms() {
    let es = run(
        "The Group of Eight met in Rome. The G8 agreed on a plan.",
        false,
    );
    let g = find(&es, "G8");
    assert_eq!(g.aliases, ["Group of Eight", "G8"]);
}

#[test]
fn sentence_initial_common_words_are_not_entities() {
    let es = run(
        "Analysts expect growth. However, Officials in Madrid disagree. Nobody knows.",
        false,
    );
    assert_eq!(names(&es), [("Madrid".to_string(), EntityType::Place)]);
}

#[test]
fn all_caps_dateline_place() {
    let es = run(
        "LISBON, May 3 (Reuters) – Portugal said on Monday it would act.",
        false,
    );
    let l = find(&es, "Lisbon");
    assert_eq!(l.aliases, ["LISBON"]);
    assert!(!es.iter().any(|e| e.name == "May"));
}

#[test]
fn headline_case_needs_evidence() {
    let es = run(
        "Leaders Gather For Crisis Talks In Geneva\n\nLeaders met in Geneva on Monday.",
        true,
    );
    assert_eq!(names(&es), [("Geneva".to_string(), EntityType::Place)]);
}

#[test]
fn names_with_particles_and_hyphens() {
    let es = run(
        "Officials said Ludwig van Beethoven-Schmidt and Rashid bin Saeed met Pedro de la Vega in Lima.",
        false,
    );
    for n in [
        "Ludwig van Beethoven-Schmidt",
        "Rashid bin Saeed",
        "Pedro de la Vega",
    ] {
        assert_eq!(find(&es, n).kind, EntityType::Person, "{n}");
    }
}

#[test]
fn exonyms_and_demonyms() {
    let es = run(
        "Ukrainian officials in Kiev and a Polish envoy spoke. Kyiv welcomed it.",
        false,
    );
    let k = find(&es, "Kyiv");
    assert_eq!(k.aliases, ["Kiev", "Kyiv"]);
    assert!(
        !es.iter()
            .any(|e| e.name.contains("Ukrain") || e.name.contains("Polish"))
    );
}

#[test]
fn organizations_from_keywords() {
    let es = run(
        "The Ministry of Coastal Affairs and the Baltic Fisheries Council disagreed with Harbor Logistics Inc.",
        false,
    );
    for n in [
        "Ministry of Coastal Affairs",
        "Baltic Fisheries Council",
        "Harbor Logistics Inc.",
    ] {
        assert_eq!(find(&es, n).kind, EntityType::Organization, "{n}");
    }
}

#[test]
fn descriptive_alias_for_the_single_alliance() {
    let es = run(
        "The Southern Defense Alliance met in Lima. Officials said the alliance would grow.",
        false,
    );
    let a = find(&es, "Southern Defense Alliance");
    assert_eq!(a.aliases, ["Southern Defense Alliance", "the alliance"]);
}

#[test]
fn roles_from_titles_and_role_nouns() {
    let es = run(
        "Chilean Foreign Minister Ana Fuentes met Interpol chief Tomas Berger. Fuentes said little.",
        false,
    );
    assert_eq!(find(&es, "Ana Fuentes").roles, ["Chilean Foreign Minister"]);
    assert_eq!(find(&es, "Tomas Berger").roles, ["Interpol chief"]);
}

#[test]
fn us_as_modifier_is_a_place() {
    let es = run("US Secretary of State Ana Fuentes spoke.", false);
    assert_eq!(find(&es, "United States").aliases, ["US"]);
    assert_eq!(find(&es, "Ana Fuentes").roles, ["US Secretary of State"]);
}

#[test]
fn spans_are_byte_offsets() {
    let text = "Zürich welcomed Ana Fuentes.";
    let es = run(text, false);
    for e in &es {
        for s in &e.spans {
            assert!(e.aliases.contains(&s.of(text).to_string()));
        }
    }
}

#[test]
fn sorted_by_type_then_name() {
    let es = run(
        "Ana Fuentes visited Oslo, Bergen and the Nordic Council.",
        false,
    );
    let mut sorted = es.clone();
    sorted.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    assert_eq!(es, sorted);
}

#[test]
fn gazetteer_lookups() {
    let g = gazetteer::Gazetteer::load();
    let ga = g.places.get("Georgia").unwrap();
    assert_eq!(ga.kind, gazetteer::PlaceKind::Country);
    assert_eq!(g.places.get("Kiev").unwrap().canonical, "Kyiv");
    assert_eq!(g.places.get("US").unwrap().canonical, "United States");
    assert!(g.places.get("Qwxzv").is_none());
    assert!(g.places.get("").is_none());
    assert!(g.given.get("Jens").is_some());
    assert_eq!(
        g.orgs.get("NATO").unwrap().canonical,
        "North Atlantic Treaty Organization"
    );
    // Every row of a file can be found (first and last rows included).
    for line in include_str!("../../../data/gazetteer/demonyms.tsv")
        .lines()
        .skip(3)
        .take(3)
    {
        assert!(g.demonyms.contains(line.split('\t').next().unwrap()));
    }
    // Every surface of the three indexed files passes its Bloom filter and
    // is found in its compile-time index.
    let files = [
        (include_str!("../../../data/gazetteer/organizations.tsv"), 0),
        (include_str!("../../../data/gazetteer/places.tsv"), 1),
        (include_str!("../../../data/gazetteer/given_names.tsv"), 2),
    ];
    for (text, table) in files {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let key = line.split('\t').next().unwrap();
            let k = gazetteer::Key::new(key);
            let found = match table {
                0 => g.orgs.get(key).is_some() && g.orgs.may_contain(k),
                1 => g.places.get(key).is_some() && g.places.may_contain(k),
                _ => g.given.get(key).is_some() && g.given.may_contain(k),
            };
            assert!(found, "{line}");
            // One hash serves every file.
            assert_eq!(
                g.places.get_key(k).map(|p| p.canonical),
                g.places.get(key).map(|p| p.canonical),
                "{line}"
            );
            assert_eq!(
                g.orgs.get_key(k).map(|o| o.canonical),
                g.orgs.get(key).map(|o| o.canonical),
                "{line}"
            );
            assert_eq!(
                g.given.get_key(k).map(|n| n.freq),
                g.given.get(key).map(|n| n.freq),
                "{line}"
            );
        }
    }
}

#[test]
fn key_filter_rules_out_most_absent_keys() {
    let filter: Vec<u64> = {
        let mut f = vec![0u64; 64];
        for key in ["Kyiv", "Paris", "Berlin"] {
            let (word, bits) = keyindex::probes(keyindex::key_hash(key.as_bytes()), f.len());
            f[word] |= bits;
        }
        f
    };
    for key in ["Kyiv", "Paris", "Berlin"] {
        assert!(keyindex::may_contain(&filter, key));
    }
    let passed = (0..1000)
        .filter(|i| keyindex::may_contain(&filter, &format!("w{i}")))
        .count();
    assert!(passed < 20, "{passed} of 1000 absent keys passed");
    // An empty filter rules out nothing.
    assert!(keyindex::may_contain(&[], "anything"));
}

proptest::proptest! {
    /// A key filter of any size passes every key put in it (a filter may
    /// pass absent keys, never refuse present ones), with the bits of each
    /// key in one word.
    #[test]
    fn key_filter_passes_every_key_put_in_it(
        keys in proptest::collection::vec("[A-Za-z0-9 .'-]{0,20}", 0..60),
        log_words in 0u32..8,
    ) {
        let words = 1 << log_words;
        let mut filter = vec![0u64; words];
        for key in &keys {
            let (word, bits) = keyindex::probes(keyindex::key_hash(key.as_bytes()), words);
            proptest::prop_assert!(word < words && (1..=2).contains(&bits.count_ones()));
            filter[word] |= bits;
        }
        for key in &keys {
            proptest::prop_assert!(keyindex::may_contain(&filter, key), "{:?}", key);
        }
    }
}

fn kind_of(es: &[Entity], name: &str) -> Option<EntityType> {
    es.iter()
        .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        .map(|e| e.kind)
}

#[test]
fn company_head_words_make_companies() {
    let es = run(
        "Zentrix Computer said on Monday that sales of its laptops rose. Shares of Brannock Microsystems fell.",
        false,
    );
    assert_eq!(
        kind_of(&es, "Zentrix Computer"),
        Some(EntityType::Organization)
    );
    assert_eq!(
        kind_of(&es, "Brannock Microsystems"),
        Some(EntityType::Organization)
    );
}

#[test]
fn premodifier_of_a_company_title_is_a_company() {
    let es = run(
        "In a memo, Vextra CEO Maria Hartley said the results were strong.",
        false,
    );
    assert_eq!(kind_of(&es, "Vextra"), Some(EntityType::Organization));
    let p = find(&es, "Maria Hartley");
    assert_eq!(p.roles, ["Vextra CEO"]);
}

#[test]
fn staff_shares_and_chips_after_a_name_make_a_company() {
    let es = run(
        "The laptops will use Vextor processors. Analysts said Brakka executives met on Monday, and Tollan-based suppliers agreed.",
        false,
    );
    assert_eq!(kind_of(&es, "Vextor"), Some(EntityType::Organization));
    assert_eq!(kind_of(&es, "Brakka"), Some(EntityType::Organization));
    assert_eq!(kind_of(&es, "Tollan"), Some(EntityType::Organization));
}

#[test]
fn descriptors_before_a_name_make_a_company() {
    let es = run(
        "Sales rose at electronics retailer Best Buy last year. Rival Norvex cut its prices. Customers overwhelmed Qorra and AT&T on Tuesday.",
        false,
    );
    assert_eq!(kind_of(&es, "Best Buy"), Some(EntityType::Organization));
    assert_eq!(kind_of(&es, "Norvex"), Some(EntityType::Organization));
    assert_eq!(kind_of(&es, "AT&T"), Some(EntityType::Organization));
}

#[test]
fn analysts_at_a_firm_work_for_an_organization() {
    let es = run(
        "The shares are cheap, analysts at Merrill Lynch wrote in a note.",
        false,
    );
    assert_eq!(
        kind_of(&es, "Merrill Lynch"),
        Some(EntityType::Organization)
    );
}

#[test]
fn products_are_not_organizations() {
    let es = run(
        "Kestrel Corp. unveiled the Nimbus on Tuesday. The Nimbus was released in March, and the new FlexBook Pro replaces the FlexBook. It runs the Vortex operating system, and the Vortex version is free. Kestrel Corp. also sells its 990 Skylark.",
        false,
    );
    assert_eq!(
        kind_of(&es, "Kestrel Corp."),
        Some(EntityType::Organization)
    );
    for name in ["Nimbus", "FlexBook", "FlexBook Pro", "Vortex", "Skylark"] {
        assert_eq!(kind_of(&es, name), None, "{name}: {:#?}", names(&es));
    }
}

#[test]
fn long_unknown_names_of_products_are_not_organizations() {
    let es = run(
        "Orvana announces Skyline OS X Lion and Cloudy\n\nOrvana's engineers showed Lion, the new version of their Skyline OS X operating system.",
        true,
    );
    assert_eq!(kind_of(&es, "Skyline OS X Lion"), None, "{:#?}", names(&es));
    assert_eq!(kind_of(&es, "Orvana"), Some(EntityType::Organization));
}

#[test]
fn currencies_units_and_model_numbers_are_not_entities() {
    let es = run(
        "Zentrix said the TV costs US$299, or about 250 US dollars, with an LCD screen, and the A380 order was cut.",
        false,
    );
    assert_eq!(names(&es).len(), 0, "{:#?}", names(&es));
    let es = run(
        "The first Zentrix A380 flew to Oslo, and Zentrix's shares rose.",
        false,
    );
    assert_eq!(kind_of(&es, "Zentrix"), Some(EntityType::Organization));
    assert!(kind_of(&es, "Zentrix A380").is_none(), "{:#?}", names(&es));
}

#[test]
fn quoted_single_words_are_terms() {
    let es = run(
        "The kernel of the system, \"Darwin\", is open source, Zentrix said.",
        false,
    );
    assert_eq!(kind_of(&es, "Darwin"), None, "{:#?}", names(&es));
}

#[test]
fn a_town_name_that_is_a_surname_here_is_the_person() {
    let es = run(
        "Senator Lisa Clinton spoke in Denver. Later Clinton flew home.",
        false,
    );
    let clinton = find(&es, "Lisa Clinton");
    assert_eq!(clinton.kind, EntityType::Person);
    assert!(
        clinton.aliases.iter().any(|a| a == "Clinton"),
        "{clinton:?}"
    );
    assert_eq!(es.len(), 2, "{:#?}", names(&es));
    // Before a speech verb a person; after a locative preposition a town.
    let es = run("The voters were unmoved, Carson said.", false);
    assert_eq!(
        kind_of(&es, "Carson"),
        Some(EntityType::Person),
        "{:#?}",
        names(&es)
    );
    let es = run("The rally was held in Carson on Friday.", false);
    assert_eq!(
        kind_of(&es, "Carson"),
        Some(EntityType::Place),
        "{:#?}",
        names(&es)
    );
}

#[test]
fn a_month_after_a_given_name_is_a_surname() {
    let es = run(
        "Home Secretary Theresa May spoke on Monday. The vote is on Jordan May 5 in Amman.",
        false,
    );
    assert_eq!(find(&es, "Theresa May").kind, EntityType::Person);
    assert!(
        es.iter().all(|e| e.name != "Jordan May"),
        "{:#?}",
        names(&es)
    );
    let es = run("Senator Clinton Tuesday said no.", false);
    assert!(
        es.iter().all(|e| !e.name.contains("Tuesday")),
        "{:#?}",
        names(&es)
    );
}

#[test]
fn a_holder_named_right_after_the_body_they_head() {
    let es = run(
        "Prime Minister of Portugal Rui Tavares met President of the Nordic Council Maria Berg in Oslo.",
        false,
    );
    assert_eq!(
        find(&es, "Rui Tavares").roles,
        ["Prime Minister of Portugal"]
    );
    assert_eq!(kind_of(&es, "Portugal"), Some(EntityType::Place));
    assert_eq!(
        kind_of(&es, "Maria Berg"),
        Some(EntityType::Person),
        "{:#?}",
        names(&es)
    );
    assert_eq!(
        kind_of(&es, "Nordic Council"),
        Some(EntityType::Organization)
    );
}

#[test]
fn a_one_word_title_ending_a_personal_name_is_a_surname() {
    let es = run(
        "Markets in Chicago were closed in honor of Martin Luther King on Monday.",
        false,
    );
    assert_eq!(kind_of(&es, "Martin Luther King"), Some(EntityType::Person));
    let es = run(
        "Last month the central bank governor Neville Prince said rates would hold.",
        false,
    );
    assert_eq!(
        kind_of(&es, "Neville Prince"),
        Some(EntityType::Person),
        "{:#?}",
        names(&es)
    );
}

#[test]
fn detokenized_dashes_join_a_name() {
    let es = run(
        "Sales at music seller Zal - Mart fell. Later Zal - Mart cut prices.",
        false,
    );
    let e = find(&es, "Zal - Mart");
    assert_eq!(e.kind, EntityType::Organization);
    assert_eq!(e.mentions, 2);
    // A known place before the dash is not joined.
    let es = run(
        "The dispute is with a network maker based in San Jose - Cisco.",
        false,
    );
    assert_eq!(
        kind_of(&es, "San Jose"),
        Some(EntityType::Place),
        "{:#?}",
        names(&es)
    );
}

#[test]
fn new_starts_a_name_inside_a_run() {
    let es = run(
        "According to The New York Times, shares rose on the New York Stock Exchange.",
        false,
    );
    assert!(
        kind_of(&es, "New York Times").is_some(),
        "{:#?}",
        names(&es)
    );
    assert!(kind_of(&es, "York Times").is_none(), "{:#?}", names(&es));
    assert!(
        kind_of(&es, "New York Stock Exchange").is_some(),
        "{:#?}",
        names(&es)
    );
}

#[test]
fn company_acronym_matches_name_without_company_form() {
    let es = run(
        "General Motors Corp. reported a loss. Shares of GM rose on Thursday.",
        false,
    );
    let e = find(&es, "GM");
    assert_eq!(e.aliases, ["General Motors Corp.", "GM"]);
}

#[test]
fn market_indices_are_not_entities() {
    let es = run(
        "The Dow Jones Industrial Average closed lower, the S&P 500 index lost 3 percent and the Nasdaq composite fell. In Tokyo the Nikkei 225 ended lower.",
        false,
    );
    assert_eq!(kind_of(&es, "Tokyo"), Some(EntityType::Place));
    assert_eq!(es.len(), 1, "{:#?}", names(&es));
}

#[test]
fn possessives_end_names_and_countries_that_are_words_are_places() {
    let es = run(
        "Stocks fell in Asia, and Japan's Nikkei ended lower. Shares of Brennet Paribas fell after the bank froze three funds.",
        false,
    );
    assert_eq!(
        kind_of(&es, "Japan"),
        Some(EntityType::Place),
        "{:#?}",
        names(&es)
    );
    assert_eq!(
        kind_of(&es, "Brennet Paribas"),
        Some(EntityType::Organization)
    );
}

#[test]
fn descriptors_at_a_sentence_start_are_not_part_of_a_company() {
    let es = run(
        "Zentrix Motors sold more cars. Rival Brannock Motor Corp. is expected to catch up.",
        false,
    );
    assert_eq!(
        kind_of(&es, "Brannock Motor Corp."),
        Some(EntityType::Organization)
    );
    assert!(
        kind_of(&es, "Rival Brannock Motor Corp.").is_none(),
        "{:#?}",
        names(&es)
    );
}

#[test]
fn word_lists_find_their_words_and_only_those() {
    // Other lists' words, case variants and near misses as absent words.
    let mut probes: Vec<String> = Vec::new();
    for l in word_lists() {
        for w in l.words {
            probes.extend([
                w.to_string(),
                w.to_lowercase(),
                w.to_uppercase(),
                format!("{w}s"),
            ]);
            // (Less its last char: the quotation marks are not ASCII.)
            probes.push(w[..w.char_indices().last().map_or(0, |(k, _)| k)].to_string());
        }
    }
    probes.extend(["", "x", &"a".repeat(63), &"a".repeat(64), &"a".repeat(200)].map(String::from));
    for l in word_lists() {
        for p in &probes {
            assert_eq!(l.contains(p), l.words.contains(&p.as_str()), "{p:?}");
        }
    }
}

/// The packed table answers as a scan of its words for words that pack
/// alike when padded with zeros ("ab", "ab\0"), for eight bytes of NUL
/// (which pack to the empty slot's 0), at the eight- and nine-byte edge,
/// and for words outside ASCII.
#[test]
fn packed_word_sets_tell_every_word_apart() {
    let words: &[&'static str] = &[
        "a",
        "ab",
        "ab\0c",
        "abcdefgh",
        "abcdefghi",
        "Zürich",
        "é",
        "\u{7f}",
        "hello",
        "Meanwhile",
    ];
    let set = PackedSet::new(words);
    let mut probes: Vec<String> = vec![
        String::new(),
        "\0".repeat(8),
        "\0".repeat(7),
        "\0".repeat(9),
        "ab\0".into(),
        "a\0".into(),
        "\0a".into(),
        "abcdefg".into(),
        "abcdefgh\0".into(),
        "Zürichs".into(),
        "Zuerich".into(),
    ];
    for w in words {
        probes.push(w.to_string());
        probes.push(format!("{w}\0"));
        probes.push(format!("\0{w}"));
        let mut cut = w.to_string();
        cut.pop();
        probes.push(cut);
    }
    for p in &probes {
        assert_eq!(set.contains(p), words.contains(&p.as_str()), "{p:?}");
    }
    // A table with no word at all.
    let empty = PackedSet::new(&[]);
    for p in &probes {
        assert!(!empty.contains(p), "{p:?}");
    }
}

proptest::proptest! {
    /// A packed word set answers as a scan of its words, for words around
    /// the edges of its tables (eight, nine, sixteen and seventeen bytes)
    /// and for near misses of them: a byte more or less, a NUL after.
    #[test]
    fn packed_word_sets_answer_like_a_scan(
        words in proptest::collection::vec("[ab\\x00é]{0,19}", 0..40),
        others in proptest::collection::vec("[ab\\x00é]{0,19}", 0..20),
    ) {
        // (Eight NUL bytes are no list's word: they pack to an empty slot.)
        let words: Vec<&'static str> = words
            .into_iter()
            .filter(|w| w.as_str() != "\0".repeat(8))
            .map(|w| &*w.leak())
            .collect();
        let set = PackedSet::new(&words);
        let mut probes = others;
        for w in &words {
            let mut cut = w.to_string();
            cut.pop();
            probes.extend([w.to_string(), format!("{w}\0"), format!("{w}a"), cut]);
        }
        for p in &probes {
            proptest::prop_assert_eq!(set.contains(p), words.contains(&p.as_str()), "{:?}", p);
        }
    }
}

/// The gazetteer's word sets, looked up in their packed tables, answer as
/// a scan of their words, for their words and for near misses of them.
#[test]
fn gazetteer_word_sets_find_their_words_and_only_those() {
    let res = Resources::default();
    let gaz = res.gazetteer();
    let sets = [
        &gaz.demonyms,
        &gaz.titles,
        &gaz.honorifics,
        &gaz.org_suffixes,
        &gaz.org_heads,
        &gaz.title_prefixes,
        &gaz.title_of_heads,
    ];
    for set in sets {
        assert!(!set.is_empty());
        let words: Vec<&str> = set.iter().collect();
        for w in &words {
            let mut probes = vec![
                w.to_string(),
                w.to_lowercase(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("{w}\0"),
            ];
            let mut cut = w.to_string();
            cut.pop();
            probes.push(cut);
            for p in probes {
                assert_eq!(set.contains(&p), words.contains(&p.as_str()), "{p:?}");
            }
        }
    }
}

/// The demonym bit of `LIST_SIGS` (`demonym`) lets every demonym and
/// every plural of one through, written alone or among other words.
#[test]
fn demonym_bit_passes_every_demonym_and_plural() {
    let res = Resources::default();
    let gaz = res.gazetteer();
    assert!(gaz.demonyms.iter().count() > 100);
    for d in gaz.demonyms.iter() {
        for w in [d.to_string(), format!("{d}s")] {
            let s = gazetteer::signature(w.as_bytes(), SIG_BITS);
            assert!(LIST_SIGS[s] >> ListBit::Demonym as u32 & 1 == 1, "{w:?}");
            // (A demonym of two words is no token.)
            let text = format!("{w} say {w}.");
            for t in tokenize(&text, Span::new(0, text.len()), false) {
                if t.text == w {
                    assert!(gaz.is_demonym_sig(&w, t.sig()), "{w:?}");
                    assert!(demonym(gaz, &t), "{w:?}");
                }
            }
        }
    }
    // And it turns most signatures away (all ones would pass the above).
    let marked = LIST_SIGS
        .iter()
        .filter(|&&e| e >> ListBit::Demonym as u32 & 1 == 1)
        .count();
    assert!(marked < LIST_SIGS.len() / 4, "{marked}");
}

proptest::proptest! {
    /// Every token carries the signature of its text, and the lookups by
    /// it answer as the lookups by the text: in the constant lists, in the
    /// gazetteer's word sets and in the demonyms.
    #[test]
    fn token_signatures_answer_like_their_texts(
        text in "([A-Za-zÀ-ÿ0-9]{1,8}|Mr|The|Monday|van|Inc|President|British|Americans|the|was|would|by|with|its|[-‐'’.&$]|[ \n]|[,;:()“”—!?\"])*",
        all_initial: bool,
    ) {
        let gaz = Resources::default();
        let gaz = gaz.gazetteer();
        for t in tokenize(&text, Span::new(0, text.len()), all_initial) {
            let w = t.text;
            proptest::prop_assert_eq!(t.sig(), gazetteer::signature16(w.as_bytes()), "{:?}", w);
            for l in word_lists() {
                proptest::prop_assert_eq!(l.contains_tok(&t), l.contains(w), "{:?}", w);
                proptest::prop_assert_eq!(l.contains_tok_few(&t), l.contains(w), "{:?}", w);
            }
            for set in [&gaz.titles, &gaz.org_suffixes, &gaz.title_prefixes, &gaz.demonyms] {
                proptest::prop_assert_eq!(set.contains_sig(w, t.sig()), set.contains(w), "{:?}", w);
            }
            proptest::prop_assert_eq!(
                gaz.is_demonym_sig(w, t.sig()),
                gaz.demonyms.contains(w) || w.strip_suffix('s').is_some_and(|s| gaz.demonyms.contains(s)),
                "{:?}", w
            );
            proptest::prop_assert_eq!(demonym(gaz, &t), gaz.is_demonym_sig(w, t.sig()), "{:?}", w);
        }
    }

    /// The tests of the tokens around a name by their lists answer as the
    /// string comparisons they replaced.
    #[test]
    fn context_lists_answer_like_the_string_tests(
        text in "([A-Za-z]{1,8}|US|dollar|dollars|cents|index|composite|average|Index|indexes|cent|[$\"“”‘’'«]|[ \n]|[,.;:()—!?])*",
    ) {
        let ts = tokenize(&text, Span::new(0, text.len()), false);
        for j in 1..=ts.len() {
            let old_money = ts.get(j).is_some_and(|t| {
                (t.text == "$" && t.s() == ts[j - 1].e())
                    || matches!(t.text, "dollar" | "dollars" | "cents")
            });
            proptest::prop_assert_eq!(money_after(&ts, j), old_money, "{:?}", ts.get(j));
            let old_quote = ts
                .get(j)
                .is_some_and(|t| matches!(t.text, "\"" | "“" | "”" | "‘" | "’" | "'"));
            proptest::prop_assert_eq!(quote_mark(ts.get(j)), old_quote, "{:?}", ts.get(j));
            let old_index = ts.get(j).is_some_and(|t| {
                t.word() && matches!(t.text, "index" | "composite" | "average")
            });
            let new_index = ts.get(j).is_some_and(|t| INDEX_AFTER.contains_tok_few(t));
            proptest::prop_assert_eq!(new_index, old_index, "{:?}", ts.get(j));
        }
    }

    /// A signature of any width up to 16 bits is the top bits of the
    /// 16-bit one.
    #[test]
    fn narrow_signatures_are_top_bits_of_signature16(w in "[A-Za-zé.-]{0,12}", bits in 1u32..=16) {
        proptest::prop_assert_eq!(
            gazetteer::signature(w.as_bytes(), bits),
            gazetteer::signature_from16(gazetteer::signature16(w.as_bytes()), bits)
        );
    }
}

proptest::proptest! {
    #[test]
    fn with_lower_is_to_lowercase(w in "[A-Za-z.ΣÉéİK\u{212A}-]{0,60}") {
        proptest::prop_assert_eq!(with_lower(&w, str::to_string), w.to_lowercase());
    }
}

/// The last `key.len() % 8` bytes of `key` read one by one, as
/// `keyindex::key_hash` first read them: the oracle of the tail read in
/// place (`keyindex::tail_le`).
fn tail_bytewise(key: &[u8]) -> u64 {
    key[key.len() - key.len() % 8..]
        .iter()
        .rev()
        .fold(0u64, |v, &b| (v << 8) | u64::from(b))
}

/// `tail_le` where `key_hash` reads one (a key whose length is not a
/// multiple of eight).
fn tail_in_place(key: &[u8]) -> Option<u64> {
    let rest = key.len() % 8;
    (rest > 0).then(|| keyindex::tail_le(key, rest))
}

#[test]
fn tail_in_place_reads_as_bytewise() {
    // Every length up to three words, bytes that differ at every position
    // (a tail byte read twice or out of place changes the value).
    let bytes: Vec<u8> = (0..24u8).map(|b| b.wrapping_mul(37) ^ 0xa5).collect();
    for n in 0..=bytes.len() {
        let key = &bytes[..n];
        if let Some(v) = tail_in_place(key) {
            assert_eq!(v, tail_bytewise(key), "{n}");
        }
    }
}

/// `keyindex::key_hash` as it was before it took the key's head from
/// `keyindex::head`: eight-byte chunks in a loop, then the tail.
fn key_hash_chunked(key: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (key.len() as u64).wrapping_mul(K);
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().unwrap());
        h = (h ^ v).wrapping_mul(K).rotate_left(29);
    }
    if let Some(v) = tail_in_place(key) {
        h = (h ^ v).wrapping_mul(K).rotate_left(29);
    }
    keyindex::fmix64(h)
}

/// The first sixteen bytes of `key` copied into zeros: `keyindex::head`'s
/// oracle.
fn head_padded(key: &[u8]) -> [u64; 2] {
    let mut padded = [0u8; 16];
    let n = key.len().min(16);
    padded[..n].copy_from_slice(&key[..n]);
    [
        u64::from_le_bytes(padded[..8].try_into().unwrap()),
        u64::from_le_bytes(padded[8..].try_into().unwrap()),
    ]
}

#[test]
fn key_hash_through_the_head_is_the_chunked_hash() {
    // Every length up to five words, bytes that differ at every position.
    let bytes: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37) ^ 0xa5).collect();
    for n in 0..=bytes.len() {
        let key = &bytes[..n];
        assert_eq!(keyindex::head(key), head_padded(key), "{n}");
        assert_eq!(keyindex::key_hash(key), key_hash_chunked(key), "{n}");
    }
}

proptest::proptest! {
    #[test]
    fn key_hash_agrees_with_the_chunked_hash(key in proptest::collection::vec(proptest::num::u8::ANY, 0..48)) {
        proptest::prop_assert_eq!(keyindex::head(&key), head_padded(&key));
        proptest::prop_assert_eq!(keyindex::key_hash(&key), key_hash_chunked(&key));
    }
}

proptest::proptest! {
    #[test]
    fn tail_in_place_agrees_with_bytewise(key in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
        if let Some(v) = tail_in_place(&key) {
            proptest::prop_assert_eq!(v, tail_bytewise(&key));
        }
    }
}

#[test]
fn key_index_finds_each_key_and_only_tagged_candidates() {
    let keys = ["Lima", "Paris", "Berlin", "Rome", "Oslo", "Bern", "Riga"];
    let mut slots = vec![0u64; 16];
    for (i, key) in keys.iter().enumerate() {
        let h = keyindex::key_hash(key.as_bytes());
        let at = keyindex::free_slot(&slots, h);
        slots[at] = keyindex::pack(h, 100 * i as u32, i as u32);
    }
    for (i, key) in keys.iter().enumerate() {
        let h = keyindex::key_hash(key.as_bytes());
        assert!(
            keyindex::candidates(&slots, h).any(|c| c == (100 * i as u32, i as u32)),
            "{key}"
        );
    }
    // Absent keys end at an empty slot; tags rule out most stored rows.
    let stray: usize = (0..1000)
        .map(|i| {
            keyindex::candidates(&slots, keyindex::key_hash(format!("w{i}").as_bytes())).count()
        })
        .sum();
    assert!(stray < 20, "{stray} candidates for 1000 absent keys");
    assert_eq!(keyindex::candidates(&[], 42).count(), 0);
}

/// The title indexes answer as the scans they replaced: `title_of_heads`
/// as "some title starts with `h of `", `title_prefixes` as "some title or
/// honorific starts with `p`", over every prefix and word of the titles
/// plus a few strings that are none.
#[test]
fn title_indexes_agree_with_scans() {
    let gaz = Gazetteer::load();
    let all: Vec<&str> = gaz.titles.iter().chain(gaz.honorifics.iter()).collect();
    let mut probes: Vec<String> = vec![String::new(), "of".into(), "Zzz".into(), "the".into()];
    for t in &all {
        for (k, _) in t.char_indices() {
            probes.push(t[..k].to_string());
            probes.push(t[k..].to_string());
        }
        probes.push(t.to_string());
        probes.push(format!("{t} "));
        probes.extend(t.split(' ').map(str::to_string));
    }
    for p in &probes {
        let of_head = gaz.titles.iter().any(|t| {
            t.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with(" of "))
        });
        assert_eq!(gaz.title_of_heads.contains(p.as_str()), of_head, "{p:?}");
        let prefix = !p.is_empty() && all.iter().any(|t| t.starts_with(p.as_str()));
        assert_eq!(gaz.title_prefixes.contains(p.as_str()), prefix, "{p:?}");
    }
}

/// Pieces of the titles and honorifics, for texts that hold them: each
/// title, its words and its prefixes at every char boundary.
static TITLE_PIECES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let mut pieces: Vec<String> = Vec::new();
    for t in GAZ.titles.iter().chain(GAZ.honorifics.iter()) {
        pieces.push(t.to_string());
        pieces.extend(t.split(' ').map(str::to_string));
        pieces.extend(t.char_indices().skip(1).map(|(k, _)| t[..k].to_string()));
    }
    pieces.sort();
    pieces.dedup();
    pieces
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
    /// `title_end` with its first word tested against `title_starts`
    /// answers as with every prefix of the titles, at every token of texts
    /// made of titles, their words and their prefixes glued to each other
    /// and to invented words by spaces, joiners, dots and nothing.
    #[test]
    fn title_starts_find_the_titles_all_prefixes_find(
        parts in proptest::collection::vec(
            (0usize..10_000, "([A-Za-z]{1,3}|é)?", 0usize..9),
            1..12,
        ),
    ) {
        const SEPS: [&str; 9] = [" ", " ", "", "-", ".", "'s ", ". ", ", ", "\u{2019}"];
        let mut text = String::new();
        for (k, word, sep) in &parts {
            let piece = &TITLE_PIECES[k % TITLE_PIECES.len()];
            text.push_str(if k % 4 == 0 { word } else { piece });
            text.push_str(SEPS[*sep]);
        }
        // (One segment: `Ctx::prose` reads the tokens of one at a time.)
        let (mut toks, mut stats) = (Vec::new(), WordStats::default());
        tokens::tokenize_into(&text, Span::new(0, text.len()), false, &mut toks, &mut stats);
        let sets = word_sets(&toks, &mut stats);
        let ctx = test_ctx(&text, &sets, &toks);
        for a in 0..toks.len() {
            for j in a..=toks.len().min(a + 6) {
                proptest::prop_assert_eq!(
                    ctx.title_end(&toks, a, j),
                    ctx.title_end_oracle(&toks, a, j),
                    "{:?} at {:?}",
                    &text,
                    toks[a].text
                );
            }
        }
    }
}

proptest::proptest! {
    /// A `WordSet` holds its members and nothing else, whatever their
    /// signatures share.
    #[test]
    fn word_sets_find_their_words_and_only_those(
        words in proptest::collection::vec("[A-Ca-cé]{0,4}", 0..40),
        probes in proptest::collection::vec("[A-Ca-cé]{0,4}", 0..40),
    ) {
        let words: Vec<&'static str> =
            words.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
        let set: gazetteer::WordSet = words.iter().copied().collect();
        for p in words.iter().copied().chain(probes.iter().map(String::as_str)) {
            proptest::prop_assert_eq!(set.contains(p), words.contains(&p), "{:?}", p);
        }
    }
}

proptest::proptest! {
    /// The lowering of eight bytes at once is `to_ascii_lowercase` per
    /// byte, and `Folded` keys equal ignoring ASCII case hash alike.
    #[test]
    fn folded_keys_hash_as_they_compare(v: u64, w in "[A-Za-z@\\[`{é.-]{0,20}") {
        let want = u64::from_le_bytes(v.to_le_bytes().map(|b| b.to_ascii_lowercase()));
        proptest::prop_assert_eq!(ascii_lower_word(v), want);
        let hash = |s: &str| {
            use std::hash::BuildHasher;
            foldhash::fast::FixedState::default().hash_one(Folded(s))
        };
        proptest::prop_assert_eq!(hash(&w), hash(&w.to_ascii_lowercase()));
        proptest::prop_assert_eq!(hash(&w), hash(&w.to_ascii_uppercase()));
    }
}

proptest::proptest! {
    /// `Folded` keys compare as `eq_ignore_ascii_case`, eight bytes at a
    /// time: on a word and a copy with the case of some letters flipped
    /// and perhaps one char replaced, at every length to twenty.
    #[test]
    fn folded_keys_compare_ignoring_ascii_case(
        a in "[aAzZ@\\[`{é.-]{0,20}",
        flips: u32,
        edit in proptest::option::of((0usize..20, "[aAzZ@é.]")),
    ) {
        let mut b: String = a
            .chars()
            .enumerate()
            .map(|(k, c)| if flips >> (k % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        if let Some((at, c)) = edit {
            if let Some((k, old)) = b.char_indices().nth(at) {
                b.replace_range(k..k + old.len_utf8(), &c);
            }
        }
        proptest::prop_assert_eq!(Folded(&a) == Folded(&b), a.eq_ignore_ascii_case(&b));
    }
}

proptest::proptest! {
    /// `is_camel` as first written: a vector of chars and its windows.
    #[test]
    fn is_camel_agrees_with_windows(w in "[aBéÉ.ß-]{0,8}") {
        let c: Vec<char> = w.chars().collect();
        let want = c
            .windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase());
        proptest::prop_assert_eq!(is_camel(&w), want);
    }
}

proptest::proptest! {
    /// `lower_words` keeps only the lower-case words whose signature some
    /// capitalized word's lower-case form has: that form must always pass.
    #[test]
    fn lower_sigs_pass_the_lower_case_of_every_recorded_word(
        ws in proptest::collection::vec("[A-ZÀ-ÞΣİ][A-Za-zà-ÿΣσİ.'’-]{0,10}", 1..20)
    ) {
        let mut sigs = LowerSigs::default();
        for w in &ws {
            sigs.add_lower_of(w);
        }
        for w in &ws {
            proptest::prop_assert!(with_lower(w, |l| sigs.may_hold(l)), "{w:?}");
        }
    }
}

/// `cap_words` as it was built before it kept only the words capitalized
/// at a sentence start (and words sharing their signature): every
/// capitalized word.
fn all_cap_words<'a>(toks: &[Tok<'a>]) -> crate::fasthash::Map<&'a str, Caps> {
    let mut m: crate::fasthash::Map<&str, Caps> = Default::default();
    for t in toks.iter().filter(|t| t.word() && t.cap()) {
        let c = m.entry(t.text).or_default();
        if t.initial() {
            c.initial += 1;
        } else {
            c.mid = true;
        }
    }
    m
}

/// The tokens and word statistics of `text` cut in two segments, as an
/// article has: a headline (the first half) and a paragraph.
fn headline_and_paragraph(text: &str, all_initial: bool) -> (Vec<Tok<'_>>, WordStats) {
    let mut toks = Vec::new();
    let mut stats = WordStats::default();
    let half = (0..=text.len() / 2)
        .rev()
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(0);
    tokens::tokenize_into(text, Span::new(0, half), all_initial, &mut toks, &mut stats);
    tokens::tokenize_into(
        text,
        Span::new(half, text.len()),
        false,
        &mut toks,
        &mut stats,
    );
    (toks, stats)
}

proptest::proptest! {
    /// What `has_evidence` learns of any token's word from the smaller
    /// `cap_words` is what the map of all capitalized words told.
    #[test]
    fn caps_of_a_token_are_those_of_all_capitalized_words(
        text in "([A-Z][a-z]{0,3}|[A-Zé]{1,4}|[a-zÉ]{1,4}|Ab|ab|[.!?:,\"“]|[ \n])*",
        all_initial: bool,
    ) {
        let (toks, mut stats) = headline_and_paragraph(&text, all_initial);
        let sets = word_sets(&toks, &mut stats);
        let cap_toks: Vec<u32> = (0..toks.len())
            .filter(|&k| toks[k].word() && toks[k].cap())
            .map(|k| k as u32)
            .collect();
        proptest::prop_assert_eq!(&sets.cap_toks, &cap_toks);
        let all = all_cap_words(&toks);
        // (Stop words are left out: `has_evidence`, the one reader, turns
        // them away before it asks.)
        for t in toks.iter().filter(|t| !STOPWORDS.contains_tok(t)) {
            let want = all.get(t.text).copied().unwrap_or_default();
            proptest::prop_assert_eq!(caps_of(&sets.cap_words, t), want, "{:?}", t.text);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
    /// The word sets built from the tokenizer's list of capitalized words
    /// are those of the one loop over all tokens that listed them itself
    /// (`word_sets_filtered`) and of the loop that passed over the
    /// punctuation first (`word_sets_oracle`), with words whose lower-case
    /// forms share their signatures with punctuation ("Bgl" and `,`, "Dgn"
    /// and `.`, "Ake" and `"`), stop words at sentence starts and
    /// elsewhere, and lower-case forms of capitalized words.
    #[test]
    fn word_sets_are_those_of_the_filtering_loop(
        text in "((The|the|But|but|He|he|Bgl|bgl|Dgn|Ake|Tha|tha|Éa|éa|eBay|\
                  [A-Z][a-z]{0,3}|[a-z]{1,4}|[A-Z]{1,4})[.!?:,\"“]{0,2}[ \n])*",
        all_initial: bool,
    ) {
        let (toks, stats) = headline_and_paragraph(&text, all_initial);
        let got = word_sets(&toks, &mut stats.clone());
        let filtered = oracle::word_sets_oracle(&toks, stats.clone());
        let one_loop = oracle::word_sets_filtered::<false>(&toks, stats);
        for want in [filtered, one_loop] {
            proptest::prop_assert_eq!(&got.cap_toks, &want.cap_toks);
            proptest::prop_assert_eq!(&got.cap_words, &want.cap_words);
            proptest::prop_assert_eq!(&got.lower_words, &want.lower_words);
            proptest::prop_assert_eq!(got.lower_present.0, want.lower_present.0);
        }
    }
}

/// A punctuation token whose signature is that of a capitalized word's
/// lower-case form ("bgl" and `,`) is no lower-case word.
#[test]
fn punctuation_sharing_a_signature_is_no_lower_case_word() {
    let bits = LOWER_SIG_BITS;
    assert_eq!(
        gazetteer::signature(b"bgl", bits),
        gazetteer::signature(b",", bits)
    );
    let text = "Bgl, they said.";
    let (mut toks, mut stats) = (Vec::new(), WordStats::default());
    tokens::tokenize_into(text, Span::new(0, text.len()), false, &mut toks, &mut stats);
    let sets = word_sets(&toks, &mut stats);
    assert!(sets.lower_words.is_empty(), "{:?}", sets.lower_words);
}

/// The gazetteer of the tests that build a `Ctx`, loaded once.
static GAZ: std::sync::LazyLock<gazetteer::Gazetteer> =
    std::sync::LazyLock::new(gazetteer::Gazetteer::load);

/// A context over `toks` and their word sets, with the tests' gazetteer.
fn test_ctx<'a>(text: &'a str, sets: &'a WordSets<'a>, toks: &'a [Tok<'a>]) -> Ctx<'a> {
    Ctx::new(
        text,
        &GAZ,
        &sets.cap_words,
        &sets.lower_words,
        &sets.lower_present,
        toks,
        String::new(),
    )
}

/// `Ctx::written_lower` by a scan of the tokens: whether a word token not
/// capitalized is the lower-case form of `t`'s word.
fn written_lower_scan(toks: &[Tok], t: &Tok) -> bool {
    with_lower(t.text, |l| {
        toks.iter().any(|u| u.word() && !u.cap() && u.text == l)
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
    /// `written_lower` of every token answers as a scan of the tokens,
    /// with stop words capitalized at sentence starts (which the tokenizer
    /// leaves out of the word sets) and elsewhere, and their lower-case
    /// forms, among other words and words sharing their signatures.
    #[test]
    fn written_lower_answers_as_a_scan_of_the_tokens(
        text in "((The|the|THE|But|but|He|he|It|it|It's|New|new|Mr|mr|Tha|tha|\
                  [A-Z][a-z]{0,3}|[a-z]{1,4}|Éa|éa|eBay)[.!?:,\"“]?[ \n])*",
        all_initial: bool,
    ) {
        let (toks, mut stats) = headline_and_paragraph(&text, all_initial);
        let sets = word_sets(&toks, &mut stats);
        let ctx = test_ctx(&text, &sets, &toks);
        for t in toks.iter().filter(|t| t.word()) {
            proptest::prop_assert_eq!(
                ctx.written_lower(t),
                written_lower_scan(&toks, t),
                "{:?}",
                t.text
            );
        }
    }
}

proptest::proptest! {
    /// `Ctx::written_lower` answers a token starting with an ASCII letter or
    /// digit and holding no upper-case letter by itself: such a token is a
    /// lower-case word.
    #[test]
    fn lower_ascii_tokens_are_lower_case_words(
        text in "([A-Za-z0-9]{1,6}|[-‐'’.&]|[ \n]|[,;:()“”—!?é])*"
    ) {
        for t in tokenize(&text, Span::new(0, text.len()), false) {
            let w = t.text;
            if w.starts_with(|c: char| c.is_ascii_alphanumeric())
                && w.is_ascii()
                && !w.bytes().any(|b| b.is_ascii_uppercase())
            {
                proptest::prop_assert!(t.word() && !t.cap(), "{w:?}");
            }
        }
    }
}

proptest::proptest! {
    /// `Tok::cap`, which `Ctx::written_lower` reads instead of decoding
    /// the word's first char, is whether the token starts with an
    /// upper-case letter, for words and punctuation, ASCII or not.
    #[test]
    fn cap_is_an_upper_case_first_char(
        text in "([A-Za-zÀ-ÿЖжßΣσǅ0-9]{1,6}|[-‐'’.&$]|[ \n]|[,;:()“”—!?\"])*",
        all_initial: bool,
    ) {
        for t in tokenize(&text, Span::new(0, text.len()), all_initial) {
            proptest::prop_assert_eq!(
                t.cap(),
                t.text.starts_with(char::is_uppercase),
                "{:?}",
                t.text
            );
        }
    }
}

/// The word tests before their byte scans: the oracles.
fn is_acronym_chars(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n)
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && !w.ends_with('&')
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && !is_model_number_chars(w)
}

fn is_model_number_chars(w: &str) -> bool {
    let letters = w.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = w.len() - letters;
    (1..=2).contains(&letters) && digits >= 3 && w[letters..].chars().all(|c| c.is_ascii_digit())
}

fn is_upper_chars(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

#[test]
fn word_shape_tests() {
    for w in ["NATO", "G7", "AT&T", "S&P", "EU", "U2"] {
        assert!(is_acronym(w), "{w}");
    }
    for w in ["A", "Nato", "A380", "NATO&", "ABCDEFG", "ÉU", "g7", ""] {
        assert!(!is_acronym(w), "{w}");
    }
    assert!(is_model_number("A380") && is_model_number("MD8000"));
    // A model number ends in a digit (the test made first).
    assert!(is_model_number("Q1234") && !is_model_number("Q1234X"));
    assert!(!is_model_number("G20") && !is_model_number("ABC123") && !is_model_number("A38x"));
    assert!(is_upper("NATO") && is_upper("U.S.") && is_upper("ÉTÉ"));
    assert!(!is_upper("Nato") && !is_upper("123") && !is_upper("NATÖo"));
}

/// `company_before` as first written: the pair of words tested for shares,
/// then the word before looked up among the descriptors.
fn company_before_oracle(ts: &[Tok], i: usize) -> bool {
    let shares_of = i >= 2
        && matches!(ts[i - 1].text, "of" | "in")
        && with_lower(ts[i - 2].text, |w| {
            matches!(w, "shares" | "stock" | "stake" | "stakes")
        });
    shares_of || with_lower(ts[i - 1].text, |l| ORG_DESCRIPTORS.contains(l))
}

#[test]
fn a_company_is_told_by_its_descriptor_or_its_shares() {
    let text = "a stake in Vorlin, stock of Quell, rival Tamsk and its STAKES IN Brevo";
    let ts = tokenize(text, Span::new(0, text.len()), false);
    let at = |w: &str| ts.iter().position(|t| t.text == w).unwrap();
    assert!(company_before(&ts, at("Vorlin")));
    assert!(company_before(&ts, at("Quell")));
    assert!(company_before(&ts, at("Tamsk")));
    // (Matched in case only for the word before the name.)
    assert!(!company_before(&ts, at("Brevo")));
    assert!(!company_before(&ts, at("stock")) && !company_before(&ts, at("in")));
}

proptest::proptest! {
    /// `company_before` answers as the two tests it replaced, on the shares
    /// words in any case, near them, and on a word whose lower-case form is
    /// one of them at another length (a Kelvin sign for its "k").
    #[test]
    fn company_before_is_its_two_tests(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "of", "in", "Of", "IN", "on", "if", "o", "shares", "Stock", "STAKE", "stakes",
            "stak", "stocks", "sharesx", "STA\u{212A}E", "rival", "Retailer", "firms", "Norvak",
            ",", "a",
        ]), 1..8),
    ) {
        let text = words.join(" ");
        let ts = tokenize(&text, Span::new(0, text.len()), false);
        for i in 1..ts.len() {
            proptest::prop_assert_eq!(
                company_before(&ts, i),
                company_before_oracle(&ts, i),
                "{:?} at {}", text, i
            );
        }
    }
}

#[test]
fn lower_case_list_lookups() {
    assert!(ORG_DESCRIPTORS.contains_lower("Retailer", true));
    assert!(ORG_DESCRIPTORS.contains_lower("RIVAL", true));
    assert!(ROLE_NOUNS.contains_lower("Co-Founder", true));
    assert!(!ORG_DESCRIPTORS.contains_lower("Retailers", true));
    assert!(!ORG_DESCRIPTORS.contains_lower("", true));
}

proptest::proptest! {
    #[test]
    fn word_shape_tests_match_the_char_tests(w in "[A-Za-z0-9&.ÉéΣσ]{0,8}") {
        proptest::prop_assert_eq!(is_acronym(&w), is_acronym_chars(&w));
        proptest::prop_assert_eq!(is_model_number(&w), is_model_number_chars(&w));
        proptest::prop_assert_eq!(is_upper(&w), is_upper_chars(&w));
    }

    /// `WordList::contains_lower` answers as the lower-case form looked up,
    /// on list words in any case and on words near them.
    #[test]
    fn contains_lower_is_the_lower_case_lookup(
        k in 0usize..64,
        case in proptest::collection::vec(proptest::bool::ANY, 16),
        tail in "[a-zé]{0,2}",
        other in "[A-Za-zÉé-]{0,12}",
    ) {
        let lists = [&ORG_DESCRIPTORS, &ROLE_NOUNS, &PARTICLES, &SPEECH, &STOPWORDS];
        for list in lists {
            let word = list.words[k % list.words.len()];
            let cased: String = word
                .chars()
                .zip(case.iter().cycle())
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            for w in [cased.clone(), format!("{cased}{tail}"), other.clone()] {
                proptest::prop_assert_eq!(
                    list.contains_lower(&w, w.is_ascii()),
                    with_lower(&w, |l| list.contains(l)),
                    "{:?}",
                    w
                );
            }
        }
    }
}

/// Words for the chunking oracle: every constant list, the gazetteer's word
/// sets, countries, a sample of the gazetteer's rows, the connectors the
/// rules look at, invented names, and lower-case forms of some of them.
static CHUNK_VOCAB: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let gaz = gazetteer::Gazetteer::load();
    let mut v: Vec<String> = Vec::new();
    for l in word_lists() {
        v.extend(l.words.iter().map(|w| w.to_string()));
    }
    let sets = [
        &gaz.titles,
        &gaz.honorifics,
        &gaz.org_suffixes,
        &gaz.org_heads,
        &gaz.demonyms,
        &gaz.title_of_heads,
    ];
    for set in sets {
        let mut ws: Vec<String> = set.iter().map(str::to_string).collect();
        ws.sort();
        v.extend(ws);
    }
    let files = [
        include_str!("../../../data/gazetteer/places.tsv"),
        include_str!("../../../data/gazetteer/organizations.tsv"),
        include_str!("../../../data/gazetteer/given_names.tsv"),
    ];
    for text in files {
        for (k, line) in text.lines().filter(|l| !l.starts_with('#')).enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            let country = cols.get(2) == Some(&"country");
            let frequent = cols.get(2).and_then(|f| f.parse::<u8>().ok()) >= Some(5);
            if k % 97 == 0 || country || frequent && k % 7 == 0 {
                v.push(cols[0].to_string());
            }
        }
    }
    let lower: Vec<String> = v.iter().step_by(5).map(|w| w.to_lowercase()).collect();
    v.extend(lower);
    v.extend(
        [
            "of",
            "for",
            "the",
            "The",
            "a",
            "-",
            "–",
            "(",
            ")",
            ",",
            "'s",
            "’s",
            "\"",
            "“",
            "”",
            "'",
            "$",
            "said",
            "at",
            "by",
            "in",
            "shares",
            "stake",
            "dollars",
            "index",
            "fell",
            "was",
            "be",
            "can",
            "introduced",
            "new",
            "New",
            "rival",
            "chief",
            "analysts",
            "von",
            "der",
            "bin",
            "-based",
            "100",
            "2008",
            "5",
            "A380",
            "G7",
            "J.",
            "W.",
            "Varnholt",
            "Kesmira",
            "Druvelle",
            "varnholt",
            "ZORVATH",
            "Ærvik",
            "İlmar",
            "Łoźny",
            "Telvane",
            "Brannock",
            "Quellin",
        ]
        .map(String::from),
    );
    v
});

/// A text of [`CHUNK_VOCAB`] words (any index, wrapped) each followed by
/// one of twelve separators, most of them a space.
fn chunk_text(words: &[(usize, usize)]) -> String {
    let vocab = &*CHUNK_VOCAB;
    let seps = [
        " ", " ", " ", " ", " ", ". ", ", ", "\n", "-", " - ", "'s ", "",
    ];
    let mut text = String::new();
    for &(w, s) in words {
        text.push_str(&vocab[w % vocab.len()]);
        text.push_str(seps[s % seps.len()]);
    }
    text
}

/// The name chunks of `text` (one segment) by `prose` or by the oracle:
/// the mentions, the pending role and the skipped acronyms.
fn chunked(text: &str, title_case: bool, oracle: bool) -> String {
    chunked_segments(text, &[(Span::new(0, text.len()), title_case)], oracle, 0)
}

/// The name chunks of `text` cut into two segments at `cut` (moved back
/// to a char boundary), tokenized into one vector as `extract` does: by
/// `prose`, which visits only the capitalized words of each segment, or by
/// the oracle, which walks every token.
fn chunked_in_segments(text: &str, cut: usize, oracle: bool) -> String {
    chunked_in_segments_with(text, cut, oracle, 0)
}

/// `chunked_in_segments`, with the first `drop` capitalized words of each
/// segment hidden from `prose` (a broken list, to see the test fail).
fn chunked_in_segments_with(text: &str, cut: usize, oracle: bool, drop: usize) -> String {
    let cut = (0..=cut.min(text.len()))
        .rev()
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(0);
    let segments = [
        (Span::new(0, cut), true),
        (Span::new(cut, text.len()), false),
    ];
    chunked_segments(text, &segments, oracle, drop)
}

/// The name chunks of the `(span, title case)` segments of `text`,
/// tokenized into one vector, with the first `drop` capitalized words of
/// each segment hidden from `prose`.
fn chunked_segments(text: &str, segments: &[(Span, bool)], oracle: bool, drop: usize) -> String {
    let mut toks = Vec::new();
    let mut stats = WordStats::default();
    let mut ranges = Vec::new();
    for &(span, title_case) in segments {
        let first = toks.len();
        tokens::tokenize_into(text, span, title_case, &mut toks, &mut stats);
        ranges.push(first..toks.len());
    }
    let sets = word_sets(&toks, &mut stats);
    let ctx = test_ctx(text, &sets, &toks);
    let mut out = Vec::new();
    for range in ranges {
        let ts = &toks[range.clone()];
        if oracle {
            ctx.prose_oracle(ts, &mut out);
        } else {
            let caps = caps_in(&sets.cap_toks, range.clone());
            let caps = &caps[drop.min(caps.len())..];
            ctx.prose(ts, caps, range.start, &mut out);
        }
    }
    format!(
        "{out:#?}\n{:?}\n{:?}",
        ctx.pending_role.borrow(),
        ctx.skip_acronym.borrow()
    )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// `prose` visiting only the capitalized words of each segment (the
    /// second one starting past token zero) chunks as the oracle walking
    /// every token.
    #[test]
    fn chunking_by_capitalized_words_agrees_across_segments(
        words in proptest::collection::vec((0usize..100_000, 0usize..12), 0..40),
        cut in 0usize..400,
    ) {
        let text = chunk_text(&words);
        proptest::prop_assert_eq!(
            chunked_in_segments(&text, cut, false),
            chunked_in_segments(&text, cut, true)
        );
    }
}

#[test]
fn chunking_by_capitalized_words_agrees_on_fixed_cases() {
    for (text, cut) in [
        ("", 0),
        ("Varnholt", 0),
        ("Varnholt", 8),
        ("Kesmira Varnholt said", 8),
        ("said Kesmira. Varnholt Druvelle met Łoźny Ærvik", 14),
        ("the NORTA Council - Ostravia and J. Doe", 4),
        ("a b c d e f Telvane Brannock", 11),
    ] {
        assert_eq!(
            chunked_in_segments(text, cut, false),
            chunked_in_segments(text, cut, true),
            "{text:?} {cut}"
        );
    }
    // The comparison sees a capitalized word missing from the list.
    let text = "said Kesmira met Łoźny Ærvik";
    assert_ne!(
        chunked_in_segments_with(text, 13, false, 1),
        chunked_in_segments(text, 13, true)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The name chunking with its lookups reordered and gated finds what
    /// the chunking of 42db218 found, on runs of list words, titles,
    /// gazetteer names, connectors and invented names.
    #[test]
    fn chunking_agrees_with_the_oracle(
        words in proptest::collection::vec((0usize..100_000, 0usize..12), 0..40),
        title_case: bool,
    ) {
        let text = chunk_text(&words);
        proptest::prop_assert_eq!(chunked(&text, title_case, false), chunked(&text, title_case, true));
    }
}

#[test]
fn chunking_agrees_with_the_oracle_on_fixed_cases() {
    for text in [
        "",
        "The",
        "New",
        "The Varnholt said. New Varnholt said. In Kesmira",
        "But. He said. New. I think Mr Varnholt",
        "Prime Minister Varnholt met President Kesmira of the Quellin Council.",
        "Foreign Minister of Ærvik Łoźny Telvane said",
        "THE VARNHOLT ZORVATH",
        "Varnholt Minister of Kesmira said. Minister for Telvane Affairs",
        "Varnholt Secretary of State Kesmira met the Druvelle Council of the Quellin",
    ] {
        for tc in [false, true] {
            assert_eq!(
                chunked(text, tc, false),
                chunked(text, tc, true),
                "{text:?}"
            );
        }
    }
}

/// Runs of one word, which `chunk` passes straight to its role and type
/// rules unless the word starts a title, chunk as the oracle does: a lone
/// name still takes the role before it; and the runs of two words beside
/// them still meet the title and company rules ("Quellin President" is a
/// body before a title, not one name).
#[test]
fn one_word_runs_chunk_as_the_oracle_does() {
    for text in [
        "They met the President. Varnholt said.",
        "the President, Kesmira said",
        "Minister for Telvane Affairs, Varnholt said",
        "the Quellin chief Varnholt said",
        "shares of Varnholt rose. analysts at Kesmira said",
        "said Varnholt. Kesmira Telvane met Druvelle of Quellin",
        "the Quellin President said",
        "the Telvane Inc. Varnholt said",
    ] {
        for tc in [false, true] {
            assert_eq!(
                chunked(text, tc, false),
                chunked(text, tc, true),
                "{text:?}"
            );
        }
    }
    // A title alone names nobody: no mention.
    for text in [
        "they met the President today",
        "said the President, and left",
    ] {
        assert!(chunked(text, false, false).starts_with("[]"), "{text:?}");
    }
}

/// A lone title between a role phrase and the name after it is no name
/// and takes no role: the role phrase still reaches the name ("Minister
/// for X, Governor, Jane Doe"). A run of one word that starts a title is
/// the only one `chunk` does not pass straight to its role rules.
#[test]
fn a_lone_title_leaves_the_role_for_the_name_after_it() {
    let out = chunked(
        "the Minister for Telvane Affairs, Governor, Varnholt said",
        false,
        false,
    );
    assert_eq!(out.matches("Mention {").count(), 1, "{out}");
    assert!(out.contains("surface: \"Varnholt\""), "{out}");
    assert!(
        out.contains("note: \"Minister for Telvane Affairs\""),
        "{out}"
    );
    assert!(out.contains("note_kind: Role"), "{out}");
}

proptest::proptest! {
    /// The byte-gated suffix test answers as the three `starts_with` of
    /// 42db218, and the in-place locative test as the lower-case copy.
    #[test]
    fn suffix_and_locative_tests_match_their_oracles(
        rest in "('s|’s|-based|’|'|-|s|b|a|é|İ|[A-Za-z ]){0,4}",
        prev in "(in|IN|At|to|TOWARD|towards|near|Outside|İn|ın|iN|toward|[a-zA-Zİé]{0,3})",
    ) {
        let want = rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("-based");
        proptest::prop_assert_eq!(agent_suffix(rest.as_bytes()), want);
        let low = prev.to_ascii_lowercase();
        let want = matches!(
            low.as_str(),
            "in" | "at" | "from" | "to" | "near" | "outside" | "into" | "toward" | "towards"
        );
        proptest::prop_assert_eq!(is_locative(&prev), want);
    }
}

#[test]
fn suffix_and_locative_fixed_cases() {
    for (rest, want) in [
        ("'s", true),
        ("’s view", true),
        ("-based", true),
        ("-base", false),
        ("’", false),
        ("", false),
        (" 's", false),
    ] {
        assert_eq!(agent_suffix(rest.as_bytes()), want, "{rest:?}");
    }
    for (prev, want) in [("IN", true), ("Towards", true), ("", false), ("İn", false)] {
        assert_eq!(is_locative(prev), want, "{prev:?}");
    }
}

/// The first-letter gate of `compass_short` lets the four compass
/// adjectives through, capitalized, and no other prefix.
#[test]
fn compass_adjectives_become_compass_points() {
    for (surface, want) in [
        ("Northern Zentria", Some("North Zentria")),
        ("Southern Zentria", Some("South Zentria")),
        ("Eastern Zentria", Some("East Zentria")),
        ("Western Zentria", Some("West Zentria")),
        ("Western Upper Zentria", Some("West Upper Zentria")),
        ("northern Zentria", None),
        ("southern Zentria", None),
        ("eastern Zentria", None),
        ("western Zentria", None),
        ("NORTHERN Zentria", None),
        ("Nord Zentria", None),
        ("North Zentria", None),
        ("Northerly Zentria", None),
        ("Northern", None),
        // One token (no space): `plain_n` does not ask about one-word runs.
        ("Northern-Zentria", None),
        ("Northern\u{a0}Zentria", None),
        ("Zentria", None),
        ("Éastern Zentria", None),
        ("", None),
    ] {
        assert_eq!(compass_short(surface).as_deref(), want, "{surface:?}");
    }
    // And through the gazetteer, to its countries (and not to a region
    // that is no country).
    let canonical =
        |text: &str, name: &str| chunked(text, false, false).contains(&format!("{name:?}"));
    for (text, name) in [
        ("Troops left Northern Macedonia today.", "North Macedonia"),
        ("Troops left Southern Sudan today.", "South Sudan"),
        ("Troops left Eastern Timor today.", "Timor Leste"),
    ] {
        assert!(canonical(text, name), "{text}");
    }
    assert!(!canonical(
        "Troops left Nordern Macedonia today.",
        "North Macedonia"
    ));
}

#[test]
fn an_article_extracts_the_same_after_others_on_its_thread() {
    let first = "Maren Quist met Tomas Hedvik in Zentria.\n\nQuist said Veltor Corp would stay.";
    let other =
        "IVORAN COAST, Zentria: The Nordic Council of Arvel Moss met.\n\n\"No,\" Moss said.";
    let before = names(&run(first, true));
    for text in [other, "", "a", other] {
        run(text, false);
    }
    assert_eq!(names(&run(first, true)), before);
}

/// The first column of every row of the three indexed gazetteers, by
/// table (organizations, places, given names).
fn gazetteer_surfaces() -> [Vec<&'static str>; 3] {
    [
        include_str!("../../../data/gazetteer/organizations.tsv"),
        include_str!("../../../data/gazetteer/places.tsv"),
        include_str!("../../../data/gazetteer/given_names.tsv"),
    ]
    .map(|text| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| l.split('\t').next())
            .collect()
    })
}

/// `get_key` (through the thread's hits) and `lookup` (the table alone) of
/// `w` in table `table`, as comparable text.
fn both_lookups(g: &gazetteer::Gazetteer, table: usize, w: &str) -> (String, String) {
    let k = gazetteer::Key::new(w);
    match table {
        0 => (
            format!("{:?}", g.orgs.get_key(k)),
            format!("{:?}", g.orgs.lookup(k)),
        ),
        1 => (
            format!("{:?}", g.places.get_key(k)),
            format!("{:?}", g.places.lookup(k)),
        ),
        _ => (
            format!("{:?}", g.given.get_key(k)),
            format!("{:?}", g.given.lookup(k)),
        ),
    }
}

#[test]
fn remembered_hits_answer_as_the_tables() {
    let g = gazetteer::Gazetteer::load();
    let surfaces = gazetteer_surfaces();
    // Thousands of surfaces, twice over: the hit slots are overwritten many
    // times and shared by keys of the same slot; each answer must still be
    // the table's. A key that is a hit's surface with a byte more or less,
    // or in other case, must not take its answer.
    for round in 0..2 {
        for (table, all) in surfaces.iter().enumerate() {
            for &s in all.iter().step_by(all.len() / 3000 + 1) {
                let cut = s.char_indices().last().map_or(0, |(k, _)| k);
                for w in [
                    s.to_string(),
                    s.to_uppercase(),
                    format!("{s}s"),
                    s[..cut].to_string(),
                    s.to_string(),
                ] {
                    let (got, want) = both_lookups(&g, table, &w);
                    assert_eq!(got, want, "round {round}, table {table}, {w:?}");
                }
            }
        }
    }
    // Empty and non-ASCII keys.
    for w in ["", "É", "Ésk", "\u{2003}", "Zentria\n"] {
        for table in 0..3 {
            let (got, want) = both_lookups(&g, table, w);
            assert_eq!(got, want, "{w:?}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Few names, often repeated (as in news), mixed with their variants:
    /// through the thread's hits each lookup answers as the table does.
    #[test]
    fn repeated_lookups_answer_as_the_tables(
        pool in proptest::collection::vec((0usize..3, proptest::prelude::any::<proptest::sample::Index>()), 1..40),
        picks in proptest::collection::vec((proptest::prelude::any::<proptest::sample::Index>(), 0u8..4), 1..300),
    ) {
        let g = gazetteer::Gazetteer::load();
        let surfaces = gazetteer_surfaces();
        let pool: Vec<(usize, &str)> =
            pool.iter().map(|(t, i)| (*t, *i.get(&surfaces[*t]))).collect();
        for (p, variant) in picks {
            let (table, s) = *p.get(&pool);
            let w = match variant {
                0 | 1 => s.to_string(),
                2 => s.to_lowercase(),
                _ => format!("{s} Vel"),
            };
            let (got, want) = both_lookups(&g, table, &w);
            proptest::prop_assert_eq!(got, want, "{:?}", w);
        }
    }
}

/// `lines` of the text before it: the lines of `split_inclusive` with
/// their offsets.
fn lines_oracle(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let start = offset;
            offset += line.len();
            (start, line)
        })
        .collect()
}

#[test]
fn lines_are_those_of_split_inclusive_on_fixed_cases() {
    for text in [
        "",
        "\n",
        "\n\n",
        "a",
        "a\n",
        "a\nb",
        "\nÉ\r\n\u{2028}x\n\n",
        "é\n\n\n",
    ] {
        assert_eq!(
            lines(text).collect::<Vec<_>>(),
            lines_oracle(text),
            "{text:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn lines_are_those_of_split_inclusive(text in "([a-zÉ ]{0,5}[\n\r]?){0,12}") {
        proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), lines_oracle(&text));
    }
}

/// `not_just_seen` over `toks`, by its rule: the token's word differs from
/// the word of the last token asked about with its signature.
fn not_just_seen_oracle(toks: &[Tok]) -> Vec<bool> {
    let mut last: crate::fasthash::Map<usize, &str> = Default::default();
    toks.iter()
        .map(|t| last.insert(gazetteer::signature_from16(t.sig(), 8), t.text) != Some(t.text))
        .collect()
}

fn not_just_seen_all(toks: &[Tok]) -> Vec<bool> {
    let mut recent = [0u32; 256];
    (0..toks.len())
        .map(|k| not_just_seen(&mut recent, toks, k))
        .collect()
}

#[test]
fn not_just_seen_tells_words_of_one_signature_apart() {
    // Two words of one signature, found among short invented words.
    let words: Vec<String> = (0..2000).map(|k| format!("v{k}")).collect();
    let slot = |w: &str| gazetteer::signature(w.as_bytes(), 8);
    let (a, b) = words
        .iter()
        .enumerate()
        .find_map(|(k, a)| {
            let b = words[k + 1..]
                .iter()
                .find(|b| slot(b) == slot(a) && b.len() == a.len())?;
            Some((a, b))
        })
        .expect("two words of one signature");
    let text = format!("{a} {b} {b} {a} {a} {b}");
    let toks = tokenize(&text, Span::new(0, text.len()), false);
    assert_eq!(
        not_just_seen_all(&toks),
        [true, true, false, true, false, true]
    );
    assert_eq!(not_just_seen_all(&toks), not_just_seen_oracle(&toks));
}

proptest::proptest! {
    /// Words from a small alphabet share signatures often.
    #[test]
    fn not_just_seen_follows_its_rule(text in "([a-e]{1,3}[ ,]){0,300}") {
        let toks = tokenize(&text, Span::new(0, text.len()), false);
        proptest::prop_assert_eq!(not_just_seen_all(&toks), not_just_seen_oracle(&toks));
    }
}

/// `Hint`'s comparison by `Hint::code` is the derived one: the same variant
/// with the same type.
#[test]
fn hint_eq_is_by_variant_and_type() {
    let all = [
        Hint::Unknown,
        Hint::Known(EntityType::Person),
        Hint::Known(EntityType::Place),
        Hint::Known(EntityType::Organization),
    ];
    for a in all {
        for b in all {
            let want = match (a, b) {
                (Hint::Known(x), Hint::Known(y)) => x == y,
                (Hint::Unknown, Hint::Unknown) => true,
                _ => false,
            };
            assert_eq!(a == b, want, "{a:?} {b:?}");
        }
    }
}

/// `surnames_over_towns` as it was, with the surnames collected up front:
/// the oracle of the one that collects them at the first one-word town.
fn surnames_over_towns_oracle<'a>(
    ms: &mut [Mention<'a>],
    text: &str,
    place: impl Fn(&'a str) -> Option<gazetteer::Place>,
) {
    let surnames: HashSet<&str> = ms
        .iter()
        .filter(|m| m.hint == Hint::Known(EntityType::Person) && m.surface.contains(' '))
        .filter_map(|m| m.surface.rsplit(' ').next())
        .collect();
    for m in ms.iter_mut() {
        if m.hint != Hint::Known(EntityType::Place) || m.surface.contains(' ') {
            continue;
        }
        if !place(m.surface).is_some_and(|p| p.kind == gazetteer::PlaceKind::City) {
            continue;
        }
        let prev = text[..m.span.start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        if surnames.contains(&m.surface) || !is_locative(prev) && m.speaks {
            m.hint = Hint::Known(EntityType::Person);
            m.set_canonical(None);
        }
    }
}

/// The mentions of `text` (invented words, one or two a mention), each
/// typed by `kinds` in turn and speaking by `speaks`; `Vell` and `Orra`
/// are towns, `Tamsk` a country.
fn town_mentions<'a>(text: &'a str, kinds: &[u8], speaks: &[bool]) -> Vec<Mention<'a>> {
    let mut ms = Vec::new();
    let mut pos = 0;
    for (k, part) in text.split(", ").enumerate() {
        let hint = match kinds.get(k).copied().unwrap_or(0) % 4 {
            0 => Hint::Known(EntityType::Place),
            1 => Hint::Known(EntityType::Person),
            2 => Hint::Known(EntityType::Organization),
            _ => Hint::Unknown,
        };
        let mut m = Mention::new(Span::new(pos, pos + part.len()), part, hint);
        m.speaks = speaks.get(k).copied().unwrap_or(false);
        m.set_canonical(Some(part));
        ms.push(m);
        pos += part.len() + 2;
    }
    ms
}

fn invented_place(w: &str) -> Option<gazetteer::Place> {
    let kind = match w {
        "Vell" | "Orra" => gazetteer::PlaceKind::City,
        "Tamsk" => gazetteer::PlaceKind::Country,
        _ => return None,
    };
    Some(gazetteer::Place {
        canonical: "",
        kind,
        word: false,
    })
}

proptest::proptest! {
    /// Collecting the surnames at the first one-word town changes no
    /// mention: the ones it retypes are one word, never a surname source.
    #[test]
    fn surnames_over_towns_agrees_with_collecting_first(
        words in proptest::collection::vec(
            "(Vell|Orra|Tamsk|Ada Vell|Ada Orra|Bo Tamsk|Ada Orra Vell|Vell Bo Orra|in|at|Kirr|said)",
            1..12),
        kinds in proptest::collection::vec(0u8..4, 12),
        speaks in proptest::collection::vec(proptest::bool::ANY, 12),
    ) {
        let text = words.join(", ");
        let mut fast = town_mentions(&text, &kinds, &speaks);
        let mut slow = town_mentions(&text, &kinds, &speaks);
        surnames_over_towns(&mut fast, &text, invented_place);
        surnames_over_towns_oracle(&mut slow, &text, invented_place);
        let key = |ms: &[Mention]| -> Vec<(Hint, Option<String>)> {
            ms.iter().map(|m| (m.hint, m.canonical().map(str::to_string))).collect()
        };
        proptest::prop_assert_eq!(key(&fast), key(&slow));
    }
}

/// A town named as the surname of a person named in full becomes a person,
/// also when the full name comes after it; a town after "in" stays one.
#[test]
fn a_town_that_is_a_surname_is_a_person_wherever_the_full_name_is() {
    let text = "Vell, Orra, Ada Vell";
    let mut ms = town_mentions(text, &[0, 0, 1], &[false, true, false]);
    surnames_over_towns(&mut ms, text, invented_place);
    assert_eq!(ms[0].hint, Hint::Known(EntityType::Person));
    assert_eq!(ms[1].hint, Hint::Known(EntityType::Person), "speaks");
    // Only the last of three words is a surname.
    let text = "Orra, Vell, Ada Vell Orra";
    let mut ms = town_mentions(text, &[0, 0, 1], &[false, false, false]);
    surnames_over_towns(&mut ms, text, invented_place);
    assert_eq!(ms[0].hint, Hint::Known(EntityType::Person), "last word");
    assert_eq!(ms[1].hint, Hint::Known(EntityType::Place), "middle word");
    let text = "in Orra";
    let mut ms = town_mentions(text, &[0], &[true]);
    ms[0].span = Span::new(3, 7);
    ms[0].surface = &text[3..];
    surnames_over_towns(&mut ms, text, invented_place);
    assert_eq!(ms[0].hint, Hint::Known(EntityType::Place), "locative");
    let mut none: Vec<Mention> = Vec::new();
    surnames_over_towns(&mut none, "", invented_place);
}

/// `is_title_case` as it was, collecting the words: its oracle.
fn is_title_case_oracle(h: &str) -> bool {
    let words: Vec<&str> = h
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 10 >= words.len() * 7
}

proptest::proptest! {
    #[test]
    fn is_title_case_agrees_with_collecting_words(
        h in "((Ábcd|ábcd|Abcd|abcd|ab|Ab|É) ){0,12}",
    ) {
        proptest::prop_assert_eq!(is_title_case(&h), is_title_case_oracle(&h));
    }

    /// A span index refilled in the same buffers answers as a new one.
    #[test]
    fn a_refilled_span_index_answers_as_a_new_one(
        first in proptest::collection::vec((0usize..60, 0usize..20), 0..12),
        second in proptest::collection::vec((0usize..60, 0usize..20), 0..12),
        queries in proptest::collection::vec((0usize..80, 0usize..20), 1..20),
    ) {
        let spans = |v: &[(usize, usize)]| -> Vec<Span> {
            v.iter().map(|&(s, n)| Span::new(s, s + n)).collect()
        };
        // Refilled as `segments` does, and again after being kept.
        let mut reused = SpanIndex::default();
        reused.fill(spans(&first).into_iter());
        reused.fill(spans(&second).into_iter());
        let mut kept = SpanIndex::default();
        kept.fill(spans(&first).into_iter());
        kept = kept.kept();
        kept.fill(spans(&second).into_iter());
        let second = spans(&second);
        for &(s, n) in &queries {
            let e = s + n;
            let overlaps = second.iter().any(|sp| sp.start < e && sp.end > s);
            let contains = second.iter().any(|sp| sp.start <= s && sp.end >= e);
            proptest::prop_assert_eq!(reused.overlaps(s, e), overlaps, "{} {}", s, e);
            proptest::prop_assert_eq!(reused.contains(s, e), contains, "{} {}", s, e);
            proptest::prop_assert_eq!(kept.overlaps(s, e), overlaps, "{} {}", s, e);
            proptest::prop_assert_eq!(kept.contains(s, e), contains, "{} {}", s, e);
        }
    }
}

proptest::proptest! {
    /// `find_early` finds what `str::find` finds: texts of a few letters
    /// (one of them non-ASCII) repeat the needle's first byte often, so
    /// that both the candidate loop and the search after it are reached.
    #[test]
    fn find_early_is_str_find(
        text in "[abé ]{0,60}",
        needle in "[abé]{0,5}",
        lead in "[ab]{0,12}",
    ) {
        let text = format!("{lead}{text}");
        proptest::prop_assert_eq!(find_early(&text, &needle), text.find(needle.as_str()));
        // The needle itself, placed past many candidates.
        let late = format!("{}{text}{needle}", "a".repeat(20));
        proptest::prop_assert_eq!(find_early(&late, &needle), late.find(needle.as_str()));
    }
}

proptest::proptest! {
    /// `NextMatch::within` answers as a search of each segment would, for
    /// segments asked about in any order (overlapping too), with the
    /// searches of `prose`: "lliance" and `(`.
    #[test]
    fn next_match_is_a_search_of_the_segment(
        text in "(lliance|llianc|l|\\(|a| )*",
        segs in proptest::collection::vec((0usize..80, 0usize..30), 0..12),
    ) {
        let t = text.as_bytes();
        let alliance = memchr::memmem::Finder::new("lliance");
        let (words, parens) = (NextMatch::default(), NextMatch::default());
        for (a, len) in segs {
            let a = a.min(t.len());
            let b = (a + len).min(t.len());
            proptest::prop_assert_eq!(
                words.within(t, a, b, 7, |s| alliance.find(s)),
                alliance.find(&t[a..b]).is_some(),
                "{:?} in {}..{}", text, a, b
            );
            proptest::prop_assert_eq!(
                parens.within(t, a, b, 1, |s| memchr::memchr(b'(', s)),
                memchr::memchr(b'(', &t[a..b]).is_some(),
                "{:?} in {}..{}", text, a, b
            );
        }
    }
}

proptest::proptest! {
    /// `initials` and `push_initials`, a byte scan, against the split on
    /// the two separators that they replaced.
    #[test]
    fn initials_are_those_of_the_split(
        name in "(?:[A-Za-z]{1,4}|of|the|&|Seven|Two|seven|éa|Ésa|ß| |-){0,7}"
    ) {
        let words = || name.split([' ', '-']).filter(|w| !w.is_empty());
        let want = words().nth(1).map(|_| {
            words()
                .filter_map(initial_of)
                .map(|i| match i {
                    Initial::Digits(d) => d.to_string(),
                    Initial::Word(w) => w.chars().take(1).map(|c| c.to_ascii_uppercase()).collect(),
                })
                .collect::<String>()
        });
        proptest::prop_assert_eq!(initials(&name), want.clone());
        let mut buf = "x".to_string();
        proptest::prop_assert_eq!(push_initials(&mut buf, &name), want.is_some());
        proptest::prop_assert_eq!(buf, format!("x{}", want.unwrap_or_default()));
    }
}

/// The thread keeps the mention vector (and the tokens, segments and
/// clustering scratch) from one article for the next: an article's
/// entities must not depend on what the thread read before it.
#[test]
fn an_article_after_a_longer_one_has_the_entities_of_a_fresh_thread() {
    let long = "Finance Minister Marek Kowalczyk met Anna Berg of Norland Bank in Warsaw. \
                Kowalczyk said Berg and the Federal Reserve agreed with Paul Dent in Lisbon.\n\n\
                Dent flew to Porto, where Acme Holdings Ltd and the United Nations met."
        .repeat(8);
    let short = "Maria Lopez arrived in Berlin. Lopez said the talks went well.";
    let fresh = std::thread::spawn(move || run(short, false))
        .join()
        .expect("no panic");
    run(&long, false);
    assert_eq!(run(short, false), fresh);
    assert!(!fresh.is_empty());
}

proptest::proptest! {
    /// `sort_mentions` skips the sort of mentions already in order: the
    /// same order as the stable sort, ties between equal keys included.
    #[test]
    fn sorted_mentions_are_those_of_the_stable_sort(
        raw in proptest::collection::vec((0usize..6, 0usize..3, proptest::bool::ANY), 0..12),
        presort in proptest::bool::ANY,
    ) {
        let text = "abcdefghijklmnop";
        let mut ms: Vec<Mention> = raw
            .iter()
            .enumerate()
            .map(|(k, &(start, len, unknown))| {
                let hint = if unknown { Hint::Unknown } else { Hint::Known(EntityType::Place) };
                // The surface tells the mentions apart, to see the ties' order.
                Mention::new(Span::new(start, start + len), &text[k..=k], hint)
            })
            .collect();
        if presort {
            ms.sort_by_key(|m| m.span.start);
        }
        let mut want = ms.clone();
        want.sort_by_key(mention_order);
        sort_mentions(&mut ms);
        let key = |ms: &[Mention]| -> Vec<(Span, bool, String)> {
            ms.iter().map(|m| (m.span, m.hint == Hint::Unknown, m.surface.to_string())).collect()
        };
        proptest::prop_assert_eq!(key(&ms), key(&want));
    }
}

/// A mention's canonical name, role and definition share one field: each
/// reads back as set, and clearing one kind leaves a note of another.
#[test]
fn a_mention_keeps_its_one_note() {
    let new = || Mention::new(Span::new(0, 5), "Vellm", Hint::Unknown);
    let notes = |m: &Mention<'static>| (m.canonical(), m.role(), m.defines());
    let mut m = new();
    assert_eq!(notes(&m), (None, None, None));
    m.set_canonical(Some("Vell"));
    assert_eq!(notes(&m), (Some("Vell"), None, None));
    m.set_role(None);
    m.set_defines(None);
    assert_eq!(notes(&m), (Some("Vell"), None, None));
    m.set_canonical(None);
    assert_eq!(notes(&m), (None, None, None));
    let mut m = new();
    m.set_role(Some("envoy"));
    assert_eq!(notes(&m), (None, Some("envoy"), None));
    m.set_canonical(None);
    assert_eq!(notes(&m), (None, Some("envoy"), None));
    m.set_role(None);
    assert_eq!(notes(&m), (None, None, None));
    let mut m = new();
    m.set_defines(Some("VLM"));
    assert_eq!(notes(&m), (None, None, Some("VLM")));
    m.set_role(None);
    assert_eq!(notes(&m), (None, None, Some("VLM")));
    // The point of sharing the field: a mention fits in 56 bytes.
    assert!(size_of::<Mention>() <= 56);
}

/// Lines for the credit-line test: paragraphs, credits of each kind,
/// blank and space-padded lines.
const CREDIT_LINES: [&str; 12] = [
    "Kesmira Varnholt met the council on Tuesday.",
    "Photo: Jane Doe/Agency",
    "By Telvane Brannock",
    "A crowd gathers (Jane Doe, Quellin Press)",
    "",
    "   ",
    "  By Jane Doe  ",
    "Image credit: Druvelle Ærvik\r",
    "He said (Varnholt, Kesmira) it was late.",
    "\t",
    "Reporting by Łoźny Telvane; Editing by Jane Doe",
    "ZORVATH (Agency) - The talks",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// The segments of a text whose lines held by one paragraph span are
    /// passed over untrimmed are those of the code that trimmed and
    /// searched every line, whatever spans (whole lines, parts of lines,
    /// several lines, overlapping) the paragraphs have.
    #[test]
    fn credit_lines_agree_with_the_oracle(
        lines in proptest::collection::vec(0usize..CREDIT_LINES.len(), 0..12),
        spans in proptest::collection::vec((0usize..400, 0usize..120), 0..6),
        headline: bool,
    ) {
        let text: String = lines.iter().map(|&k| format!("{}\n", CREDIT_LINES[k])).collect();
        let boundary = |p: usize| (0..=p.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
        let paragraphs = spans
            .iter()
            .map(|&(s, n)| {
                let (s, e) = (boundary(s), boundary(s + n));
                Paragraph { text: text[s..e].to_string(), span: Span::new(s, e) }
            })
            .collect();
        let article = Article {
            headline: headline.then(|| "By Telvane Brannock".to_string()),
            paragraphs,
            ..Article::default()
        };
        let new = segments(&text, &article, Vec::new(), &mut SpanIndex::default());
        let old = oracle::segments_oracle(&text, &article, Vec::new(), &mut SpanIndex::default());
        proptest::prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
    }
}

/// Lines that the parser gives other roles than the credits of
/// `CREDIT_LINES`: headline-shaped, date, chrome, end-marker, sign-off and
/// short heading lines.
const HEADER_LINES: [&str; 8] = [
    "Council Meets Varnholt In Tallinn",
    "March 06, 2008",
    "Share this article",
    "Related Articles",
    "kv/tb (AFP, dpa)",
    "Talks resume",
    "The council met again on Friday, and the talks went on late.",
    "World",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// An article made by the parser hands over its lines outside the body
    /// (`Article::other_lines`), and the segments found in those alone are
    /// those of the code that trimmed and searched every line of the text.
    #[test]
    fn the_parsers_other_lines_hold_every_credit(
        lines in proptest::collection::vec(
            (0usize..CREDIT_LINES.len() + HEADER_LINES.len(), proptest::bool::ANY),
            0..16,
        ),
    ) {
        let text: String = lines
            .iter()
            .map(|&(k, crlf)| {
                let line = CREDIT_LINES.get(k).copied()
                    .unwrap_or_else(|| HEADER_LINES[k - CREDIT_LINES.len()]);
                format!("{line}{}", if crlf { "\r\n" } else { "\n" })
            })
            .collect();
        let (source, opts) = crate::parse::source_and_opts("a", text, false);
        let article = crate::parse::parse(&source, &opts);
        proptest::prop_assert!(article.other_lines.is_some());
        let text = &source.text;
        let new = segments(text, &article, Vec::new(), &mut SpanIndex::default());
        let old = oracle::segments_oracle(text, &article, Vec::new(), &mut SpanIndex::default());
        proptest::prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// `Tok::stopword` (the tokenizer's `STOPWORD` bit) answers as a lookup of
    /// the token's text in `STOPWORDS` for every token, at a sentence start
    /// or away from one ("Council In Tallinn"), cut by the loop of
    /// `tokenize_into` or by `Cut::general` (before a char that is not
    /// ASCII, a joiner or a possessive: "In—", "It's", "The’s").
    #[test]
    fn stopword_answers_as_the_list(
        text in "((The|the|But|In|in|He|It|It's|The’s|New|An|THE|Of|[A-Z][a-z]{0,3}|[a-z]{1,4}|Éa)\
                  [.!?:,\"“—’]?[ \n])*",
        all_initial: bool,
    ) {
        let toks = tokenize(&text, Span::new(0, text.len()), all_initial);
        for t in &toks {
            proptest::prop_assert_eq!(t.stopword(), STOPWORDS.contains(t.text), "{:?}", t.text);
        }
    }
}

/// The chunker looks a particle up without asking whether the token is a
/// word: every particle must be cut as one word token.
#[test]
fn every_particle_is_one_word_token() {
    for &w in PARTICLES.words {
        let text = format!("Ana {w} Lima");
        let (mut toks, mut stats) = (Vec::new(), WordStats::default());
        tokens::tokenize_into(
            &text,
            Span::new(0, text.len()),
            false,
            &mut toks,
            &mut stats,
        );
        assert_eq!(toks.len(), 3, "{w:?}");
        assert!(toks[1].word() && toks[1].text == w, "{w:?}");
    }
}

proptest::proptest! {
    /// `Tok::is` with the rules' words (`Spelled`, each with its signature)
    /// answers as a comparison of the texts, for tokens of every kind (words, marks, the
    /// words themselves inside others and joined to them).
    #[test]
    fn tok_is_compares_texts(words in proptest::collection::vec(
        "of|for|-|–|\\(|\\)|off|fo|or|o|f|\\)\\)|--|of-for|é|[a-z]{1,3}|[,.;]",
        0..24,
    ), seps in proptest::collection::vec("[ ]{0,2}", 24)) {
        let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
        let words = [HYPHEN_MARK, EN_DASH, OF, FOR, CLOSE_PAREN];
        for t in tokenize(&text, Span::new(0, text.len()), false) {
            for w in words {
                proptest::prop_assert_eq!(t.is(w), t.text == w.text, "{:?} {:?}", t.text, w);
            }
        }
    }

    /// `open_parens` finds the tokens `(` of a segment, which may start
    /// anywhere in the text, as a scan of its tokens does.
    #[test]
    fn open_parens_finds_the_paren_tokens(
        parts in proptest::collection::vec("\\(|\\)|\\(\\(|[A-Za-z]{1,4}|é|[ ,.]|'s|-", 0..30),
        lead in "[a (]{0,4}",
        tail in "[a (]{0,4}",
    ) {
        let seg: String = parts.concat();
        let text = format!("{lead}{seg}{tail}");
        let span = Span::new(lead.len(), lead.len() + seg.len());
        let ts = tokenize(&text, span, false);
        let want: Vec<usize> = (0..ts.len()).filter(|&k| ts[k].text == "(").collect();
        let got: Vec<usize> = open_parens(&text, &ts).collect();
        proptest::prop_assert_eq!(got, want, "{:?}", seg);
    }
}
