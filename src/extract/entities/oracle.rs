//! The name chunking of 42db218 (`prose`, `chunk`, `plain` and the title
//! search), before its lookups were reordered and gated: the oracle of the
//! proptests in `tests.rs`. Only the recursion is renamed. With it, the
//! older forms of other parts of the stage that faster code replaced.

#![allow(clippy::needless_range_loop, clippy::collapsible_if)]

use super::*;

impl<'a> Ctx<'a> {
    pub(super) fn prose_oracle(&self, ts: &[Tok<'a>], out: &mut Vec<Mention<'a>>) {
        let mut i = 0;
        while i < ts.len() {
            if !self.nameish(&ts[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                // A possessive ends a name ("Zentria's Voltar").
                let possessive = {
                    let rest = &self.text[ts[j - 1].e()..];
                    rest.starts_with("'s") || rest.starts_with("’s")
                };
                if j < ts.len()
                    && (self.nameish(&ts[j]) || self.month_surname(ts, i, j))
                    && !possessive
                {
                    j += 1;
                    continue;
                }
                // Particles: "Marta von der Hallen", "Idris bin Tamar".
                let mut k = j;
                while k < ts.len() && ts[k].word() && PARTICLES.contains_tok(&ts[k]) {
                    k += 1;
                }
                if k > j && k < ts.len() && self.nameish(&ts[k]) {
                    j = k + 1;
                    continue;
                }
                // "NORTA Council - Ostravia": a body named with a dash.
                if j + 1 < ts.len()
                    && matches!(self.w(&ts[j]), "-" | "–")
                    && self.org_suffix(&ts[j - 1])
                    && self.nameish(&ts[j + 1])
                    && !ts[j + 1].initial()
                {
                    j += 2;
                    continue;
                }
                // "Kor - Vell": a name split by a detokenized dash (two
                // single unknown words, spaces on both sides).
                if j + 1 < ts.len()
                    && self.w(&ts[j]) == "-"
                    && self.text[ts[j - 1].e()..ts[j].s()].trim().is_empty()
                    && ts[j].s() > ts[j - 1].e()
                    && ts[j + 1].s() > ts[j].e()
                    && self.nameish(&ts[j + 1])
                    && !ts.get(j + 2).is_some_and(|t| self.nameish(t))
                    && !self.gaz.places.contains_key(self.span_text(&ts[i..j]))
                    && !self.gaz.orgs.contains_key(self.span_text(&ts[i..j]))
                    && [&ts[j - 1], &ts[j + 1]].iter().all(|t| {
                        let w = self.w(t);
                        !self.gaz.places.contains_key(w)
                            && !self.gaz.orgs.contains_key(w)
                            && !is_acronym(w)
                            && !self.written_lower(t)
                    })
                {
                    j += 2;
                    continue;
                }
                // "X of [the] Y" after an organization or title head.
                if j + 1 < ts.len() && ts[j].word() && matches!(self.w(&ts[j]), "of" | "for") {
                    let mut k = j + 1;
                    if k < ts.len() && self.w(&ts[k]) == "the" {
                        k += 1;
                    }
                    let last = self.w(&ts[j - 1]);
                    let left = self.span_text(&ts[i..j]);
                    let joins = self.org_suffix(&ts[j - 1])
                        || self.gaz.org_heads.contains(last)
                        || FACILITIES.contains_tok(&ts[j - 1])
                        || self.gaz.is_title(&format!("{left} {}", self.w(&ts[j])))
                        || self.gaz.is_title(&format!("{last} {}", self.w(&ts[j])))
                        || self.gaz.title_of_heads.contains(last);
                    if joins && k < ts.len() && self.nameish(&ts[k]) {
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            self.chunk_oracle(ts, i, j, out);
            i = j;
        }
        // Both rules look for a rare word or character: one search of the
        // segment's text is cheaper than comparing every token with it.
        let Some(last) = ts.last() else {
            return;
        };
        let seg = &self.text.as_bytes()[ts[0].s()..last.e()];
        static ALLIANCE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("lliance"));
        if ALLIANCE.find(seg).is_some() {
            self.descriptive(ts, out);
        }
        if memchr::memchr(b'(', seg).is_some() {
            self.acronym_definitions(ts, out);
        }
    }

    fn chunk_oracle(&self, ts: &[Tok<'a>], mut i: usize, j: usize, out: &mut Vec<Mention<'a>>) {
        // Sentence-initial and headline words need evidence, except in a
        // company name ("Zentrix Computer said").
        let company = j - i >= 2 && {
            let last = &ts[j - 1];
            COMPANY_HEADS.contains_tok(last) || COMPANY.contains_tok(last)
        };
        let descriptor =
            |w: &str| with_lower(w, |l| ORG_DESCRIPTORS.contains(l) || ROLE_NOUNS.contains(l));
        while i < j
            && (!company || descriptor(self.w(&ts[i])))
            && ts[i].initial()
            && !self.has_evidence(&ts[i])
            && !(i + 1 < j
                && self
                    .gaz
                    .given
                    .get(self.w(&ts[i]))
                    .is_some_and(|g| g.freq >= 5))
            // (`find_title` would also try every later position.)
            && self.title_end_oracle(ts, i, j).is_none()
        {
            i += 1;
        }
        while i < j && !ts[i].cap() {
            i += 1;
        }
        // Stop words anywhere at the front ("In Lisbon").
        // "New" before another capitalized word starts a name ("The New
        // York Times", "New Delhi").
        let stop =
            |k: usize| STOPWORDS.contains_tok(&ts[k]) && !(self.w(&ts[k]) == "New" && k + 1 < j);
        while i < j
            && (if ts[i].initial() {
                STOPWORDS.contains_tok(&ts[i])
                    && !(self.w(&ts[i]) == "New" && i + 1 < j && self.has_evidence(&ts[i + 1]))
            } else {
                stop(i)
            })
        {
            i += 1;
        }
        if i >= j {
            return;
        }
        // A capitalized function word inside the run splits it ("Council In
        // Tallinn").
        if let Some(k) = (i + 1..j).find(|&k| stop(k)) {
            self.chunk_oracle(ts, i, k, out);
            self.chunk_oracle(ts, k + 1, j, out);
            return;
        }
        // "Apple Inc. Steve Jobs": a company suffix ends the name.
        if let Some(k) = (i..j - 1).find(|&k| COMPANY.contains_tok(&ts[k])) {
            self.chunk_oracle(ts, i, k + 1, out);
            self.chunk_oracle(ts, k + 1, j, out);
            return;
        }
        // Event names: keep the known names inside.
        if j - i >= 2 && EVENTS.contains_tok(&ts[j - 1]) {
            let before = out.len();
            for k in i..j - 1 {
                self.plain_oracle(ts, k, k + 1, out);
            }
            let mut k = before;
            while k < out.len() {
                if out[k].hint == Hint::Unknown {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
            self.skip_acronym
                .borrow_mut()
                .push(initials(self.span_text(&ts[i..j])).unwrap_or_default());
            return;
        }
        // A trailing common noun written lower-case elsewhere ("NORTA Allies")
        // or a model number ("Airbus A380").
        let mut j = j;
        while j > i + 1 && is_model_number(self.w(&ts[j - 1])) {
            j -= 1;
        }
        while j > i + 1
            && !self.org_suffix(&ts[j - 1])
            && !COMPANY_HEADS.contains_tok(&ts[j - 1])
            && self.written_lower(&ts[j - 1])
        {
            j -= 1;
        }
        // Titles inside the run.
        if let Some((a, b)) = self.find_title_oracle(ts, i, j) {
            let name_part = &ts[b..j];
            // "Martin Luther King": a one-word title ending a personal name
            // is its surname.
            let title = self.span_text(&ts[a..b]);
            // "Mervyn King": also after a lone given name.
            if b == j
                && b == a + 1
                && a > i
                && !is_upper(title)
                && !title.ends_with('.')
                && (i..a).all(|k| {
                    let w = self.w(&ts[k]);
                    !self.gaz.is_demonym(w) && !ADJECTIVES.contains(w)
                })
                && (a >= i + 2 && self.person_like(ts, i, a)
                    || a == i + 1 && self.person_like(ts, i, j))
            {
                out.push(self.mention_oracle(ts, i, j, Hint::Known(EntityType::Person)));
                return;
            }
            let ends_org = self.org_suffix(&ts[j - 1]);
            let connected = name_part.iter().any(|t| matches!(self.w(t), "of" | "for"))
                || self.w(&ts[b - 1]) == "for"
                || self.w(&ts[b - 1]) == "of"
                || name_part.first().is_some_and(|t| !t.cap());
            if connected {
                // "Minister for Foreign Affairs of Ostravia": a role phrase;
                // the place or body after the last "of" is an entity.
                if let Some(k) = (b..j)
                    .rev()
                    .find(|&k| matches!(self.w(&ts[k]), "of" | "for"))
                {
                    let mut s0 = k + 1;
                    if s0 < j && self.w(&ts[s0]) == "the" {
                        s0 += 1;
                    }
                    // "Prime Minister of Ostravia Jan Doe": the holder's
                    // name follows the body without a comma.
                    if let Some(p) = self.holder_name(ts, s0, j, |_| true) {
                        self.plain_oracle(ts, s0, p, out);
                        let mut m = self.mention_oracle(ts, p, j, Hint::Known(EntityType::Person));
                        m.set_role(Some(self.span_text(&ts[i..p])));
                        out.push(m);
                        if a > i {
                            self.plain_oracle(ts, i, a, out);
                        }
                        return;
                    }
                    self.plain_oracle(ts, s0, j, out);
                }
                if a > i {
                    self.plain_oracle(ts, i, a, out);
                }
                *self.pending_role.borrow_mut() = Some((ts[j - 1].e(), self.span_text(&ts[i..j])));
                return;
            }
            // "Apple CEO": the pre-modifier of a company title is a company.
            let company_title = matches!(
                title,
                "CEO" | "CFO" | "COO" | "CTO" | "Chairman" | "Vice Chairman" | "Managing Director"
            ) || title.starts_with("Chief ");
            let premodifier = |out: &mut Vec<Mention<'a>>| {
                let before = out.len();
                self.plain_oracle(ts, i, a, out);
                if company_title {
                    for m in &mut out[before..] {
                        if m.hint == Hint::Unknown {
                            m.hint = Hint::Known(EntityType::Organization);
                        }
                    }
                }
            };
            if !name_part.is_empty() && !ends_org {
                let role_text = self.span_text(&ts[i..b]);
                let honorific_only = self.gaz.honorifics.contains(role_text);
                if a > i {
                    premodifier(out);
                }
                // Names after a title: the longest run of name tokens.
                let mut m = self.mention_oracle(ts, b, j, Hint::Known(EntityType::Person));
                if !honorific_only {
                    m.set_role(Some(role_text));
                }
                out.push(m);
                return;
            }
            if name_part.is_empty() {
                if a > i {
                    premodifier(out);
                }
                return;
            }
        }
        // A role noun right before ("alliance chief Halvorsen"), or a role
        // phrase in apposition ("Minister for X of Y, Jane Doe").
        let pending = self.pending_role.borrow_mut().take();
        let role = self.role_before(ts, i).or_else(|| {
            pending
                .filter(|(end, _)| {
                    i > 0
                        && self.w(&ts[i - 1]) == ","
                        && ts[i - 1].s() >= *end
                        && ts[i - 1].s() - *end < 40
                })
                .map(|p| p.1)
        });
        // "European Council Jane Doe": a known body run into the name of
        // the person who heads it (after "President of the").
        if let Some(p) = self
            .holder_name(ts, i, j, |p| {
                let head = self.span_text(&ts[i..p]);
                self.gaz.orgs.get(head).is_some()
                    || self.gaz.places.get(head).is_some()
                    || p - i >= 2 && self.org_suffix(&ts[p - 1])
            })
            .filter(|_| ts[i..j].iter().all(|t| t.cap()))
        {
            self.plain_oracle(ts, i, p, out);
            let mut m = self.mention_oracle(ts, p, j, Hint::Known(EntityType::Person));
            m.set_role(role);
            out.push(m);
            return;
        }
        let before = out.len();
        self.plain_oracle(ts, i, j, out);
        // "retailer Kabod Store", "rival Norvex": a company.
        // "shares of Brennet Calvar", "a stake in Zentrix".
        let shares_of = i >= 2
            && matches!(self.w(&ts[i - 1]), "of" | "in")
            && with_lower(self.w(&ts[i - 2]), |w| {
                matches!(w, "shares" | "stock" | "stake" | "stakes")
            });
        if role.is_none()
            && i > 0
            && ts[i - 1].word()
            && (shares_of || with_lower(self.w(&ts[i - 1]), |l| ORG_DESCRIPTORS.contains(l)))
        {
            if let Some(m) = out[before..]
                .first_mut()
                .filter(|m| m.hint == Hint::Unknown)
            {
                m.hint = Hint::Known(EntityType::Organization);
            }
        }
        // "analysts at Merrill Lynch": an employer, even when it looks like a
        // personal name.
        if i >= 2 && self.w(&ts[i - 1]) == "at" && ANALYSTS.contains_tok(&ts[i - 2]) {
            if let Some(m) = out[before..]
                .first_mut()
                .filter(|m| m.hint != Hint::Known(EntityType::Place))
            {
                m.hint = Hint::Known(EntityType::Organization);
                m.set_role(None);
            }
        }
        if let Some(r) = role {
            for m in &mut out[before..] {
                if m.hint != Hint::Known(EntityType::Place)
                    && m.hint != Hint::Known(EntityType::Organization)
                {
                    m.hint = Hint::Known(EntityType::Person);
                    m.set_role(Some(r));
                }
            }
        }
    }

    fn find_title_oracle(&self, ts: &[Tok<'a>], i: usize, j: usize) -> Option<(usize, usize)> {
        (i..j).find_map(|a| self.title_end_oracle(ts, a, j).map(|b| (a, b)))
    }

    /// The end of the longest title starting at `ts[a]` and ending by `j`.
    pub(super) fn title_end_oracle(&self, ts: &[Tok<'a>], a: usize, j: usize) -> Option<usize> {
        let mut best = None;
        for b in a + 1..=(a + self.gaz.max_title_words).min(j) {
            let phrase = self.span_text(&ts[a..b]);
            // Longer phrases extend this one: none can be a title. (Most
            // runs stop at their first word, whose signature is known.)
            let prefix = if b == a + 1 {
                self.gaz.title_prefixes.contains_sig(phrase, ts[a].sig())
            } else {
                self.gaz.title_prefixes.contains(phrase)
            };
            if !prefix {
                break;
            }
            if self.gaz.titles.contains(phrase) || self.gaz.honorifics.contains(phrase) {
                best = Some(b);
            }
        }
        best
    }

    /// `Ctx::known` and `Ctx::unknown` as one function, branching on the
    /// hint.
    fn mention_oracle(&self, ts: &[Tok<'a>], i: usize, j: usize, hint: Hint) -> Mention<'a> {
        let span = Span::new(ts[i].s(), ts[j - 1].e());
        let mut m = Mention::new(span, span.of(self.text), hint);
        // The context flags type the unknown mentions (`canon`, which also
        // reads those of the weak ones: `plain` makes them from unknown
        // mentions). Of a known mention only a place's `speaks` is read
        // (`surnames_over_towns`); the flags of the others, half the
        // mentions, were worked out for nothing.
        let known = match hint {
            Hint::Known(kind) => Some(kind),
            _ => None,
        };
        if known.is_none_or(|kind| kind == EntityType::Place) {
            m.speaks = ts.get(j).is_some_and(|t| SPEECH.contains_tok(t));
        }
        if known.is_some() {
            return m;
        }
        self.context_flags(&mut m, ts, i, j);
        m
    }

    fn plain_oracle(&self, ts: &[Tok<'a>], i: usize, j: usize, out: &mut Vec<Mention<'a>>) {
        if i >= j {
            return;
        }
        let ends_org = j - i >= 2 && self.org_suffix(&ts[j - 1]);
        if !ends_org {
            if let Some(d) = (i..j).find(|&k| self.gaz.is_demonym_sig(ts[k].text, ts[k].sig())) {
                self.plain_oracle(ts, i, d, out);
                self.plain_oracle(ts, d + 1, j, out);
                return;
            }
        }
        let surface = self.span_text(&ts[i..j]);
        let n = j - i;
        let initial = ts[i].initial();
        let all_caps_line = ts[i].shout();
        // The mention (and its tests of the context) is made only when one
        // is pushed: many runs are dropped by the rules below.
        let mention = |hint: EntityType| self.mention_oracle(ts, i, j, Hint::Known(hint));
        // Whether the single word is written in lower case elsewhere: up to
        // three rules ask, and the answer may take a hashing.
        let lower_seen = std::cell::OnceCell::new();
        let seen_lower = || n == 1 && *lower_seen.get_or_init(|| self.written_lower(&ts[i]));
        // Currencies ("US$299", "US dollars") and common-noun acronyms
        // ("TV", "LCD") are not entities.
        let money = ts.get(j).is_some_and(|t| {
            let w = self.w(t);
            (w == "$" && t.s() == ts[j - 1].e()) || matches!(w, "dollar" | "dollars" | "cents")
        });
        // A single word in quotation marks is a term or code name ("the
        // kernel, "Darwin", …").
        let quote = |t: Option<&Tok<'a>>| {
            t.is_some_and(|t| matches!(self.w(t), "\"" | "“" | "”" | "‘" | "’" | "'"))
        };
        let quoted = n == 1 && i > 0 && quote(ts.get(i - 1)) && quote(ts.get(j));
        // Market indices: "… Average", "Nasdaq Composite", "the S&P 500
        // index", "the FTSE 100 fell".
        let index = INDEX_HEADS.contains_tok(&ts[j - 1])
            || ts.get(j).is_some_and(|t| {
                t.word() && matches!(self.w(t), "index" | "composite" | "average")
            })
            || ts.get(j).is_some_and(|t| {
                let w = self.w(t);
                t.word() && (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
            }) && ts
                .get(j + 1)
                .is_some_and(|t| t.word() && MARKET_VERBS.contains_tok(t));
        if money
            || index
            || quoted
            || n == 1 && (COMMON_ACRONYMS.contains_tok(&ts[i]) || is_model_number(surface))
        {
            return;
        }
        // Gazetteer: countries and continents, organizations, then places.
        // (One lookup for both place rules: a hit parses the row.)
        let key = gazetteer::Key::new(surface);
        let gaz_place = self.place_of(key);
        if let Some(p) = gaz_place.filter(|p| {
            matches!(
                p.kind,
                gazetteer::PlaceKind::Country | gazetteer::PlaceKind::Continent
            ) && (!p.word
                // "Japan", "Turkey": countries that are English words too,
                // capitalized mid-sentence and never seen in lower case.
                || !initial && n == 1 && !seen_lower())
        }) {
            let mut m = mention(EntityType::Place);
            m.set_canonical(Some(p.canonical));
            out.push(m);
            return;
        }
        if let Some(o) = self
            .gaz
            .orgs
            .get_key(key)
            .filter(|o| !seen_lower() && (!o.word || n > 1 && !initial))
        {
            let mut m = mention(EntityType::Organization);
            m.set_canonical(Some(o.canonical));
            out.push(m);
            return;
        }
        let place = gaz_place
            .or_else(|| {
                if is_upper(surface) && surface.chars().count() > 3 {
                    self.gaz.places.get(gazetteer::title_case(surface).as_str())
                } else {
                    None
                }
            })
            .or_else(|| self.compass_variant(surface));
        if let Some(p) = place.filter(|p| !seen_lower() && (!p.word || (n > 1 && !initial))) {
            let mut m = mention(EntityType::Place);
            m.set_canonical(Some(p.canonical));
            out.push(m);
            return;
        }
        if all_caps_line && !is_acronym(surface) {
            return;
        }
        if n >= 2 && self.org_suffix(&ts[j - 1]) {
            if !COMPANY.contains_tok(&ts[j - 1])
                && (FACILITIES.contains_tok(&ts[i]) || FACILITIES.contains_tok(&ts[j - 1]))
            {
                out.push(mention(EntityType::Place));
            } else {
                out.push(mention(EntityType::Organization));
            }
            return;
        }
        // "Apple Computer", "Sun Microsystems".
        if n >= 2 && COMPANY_HEADS.contains_tok(&ts[j - 1]) {
            out.push(mention(EntityType::Organization));
            return;
        }
        let of_head = (i..j)
            .position(|k| matches!(self.w(&ts[k]), "of" | "for"))
            .filter(|&p| p > 0)
            .map(|p| self.w(&ts[i + p - 1]));
        if n >= 3
            && of_head.is_some_and(|h| {
                self.gaz.org_heads.contains(h) || self.gaz.org_suffixes.contains(h)
            })
            && !FACILITIES.contains_tok(&ts[i])
        {
            out.push(mention(EntityType::Organization));
            return;
        }
        if n >= 2 && (FACILITIES.contains_tok(&ts[i]) || FACILITIES.contains_tok(&ts[j - 1])) {
            out.push(mention(EntityType::Place));
            return;
        }
        if n == 1 && is_acronym(surface) {
            out.push(mention(EntityType::Organization));
            return;
        }
        let person_like = self.person_like(ts, i, j);
        let acronym_inside = (i + 1..j).any(|k| {
            let w = self.w(&ts[k]);
            is_acronym(w) || w.chars().count() == 1
        });
        if person_like && !acronym_inside {
            out.push(mention(EntityType::Person));
            return;
        }
        if n == 1 && surface.contains('-') && !self.gaz.is_given(surface) {
            // Hyphenated compounds of names: agencies and outlets
            // ("Agency-Country"), when some part is a known place.
            let parts: Vec<&str> = surface.split('-').collect();
            if parts
                .iter()
                .any(|p| self.gaz.places.contains_key(p) || is_acronym(p))
            {
                out.push(mention(EntityType::Organization));
                return;
            }
        }
        if n == 1
            && (self.gaz.titles.contains_sig(surface, ts[i].sig())
                || ADJECTIVES.contains_tok(&ts[i])
                || self.org_suffix(&ts[i])
                || seen_lower())
        {
            return;
        }
        let mut m = self.mention_oracle(ts, i, j, Hint::Unknown);
        if n >= 2 {
            // Unknown multi-word name: a company or body when any word is a
            // known place or organization, else a person.
            let known = (i..j).any(|k| {
                let w = self.w(&ts[k]);
                let key = gazetteer::Key::new(w);
                self.gaz.places.get_key(key).is_some_and(|p| !p.word)
                    || self.gaz.orgs.get_key(key).is_some()
            });
            // Otherwise it stays unknown: `canon` types it from the rest of
            // the article ("Apple Computer" after "Apple") or drops it.
            if (known || n > 3) && !m.product {
                m.hint = Hint::Known(EntityType::Organization);
                m.weak = true;
            }
        }
        out.push(m);
    }
}

/// The author and credit segments of b8942dd's `segments`, which trimmed
/// and searched every line of the text: the oracle of the test of the
/// lines held by one span passed over.
pub(super) fn segments_oracle(
    text: &str,
    article: &Article,
    out: Vec<Segment>,
    ix: &mut SpanIndex,
) -> Vec<Segment> {
    segments_by(text, article, out, ix, |text, _, covered, out| {
        for (start, line) in lines(text) {
            credit_line(start, line, covered, out);
        }
    })
}

/// `word_sets` of 20cabbe, which passed over the punctuation tokens before
/// it tested the words: the oracle of the test of the sets built without
/// that filter.
pub(super) fn word_sets_oracle<'a>(toks: &[Tok<'a>], stats: WordStats) -> WordSets<'a> {
    word_sets_filtered::<true>(toks, stats)
}

/// `word_sets` of a9d0c7c, one loop over all tokens that lists the
/// capitalized ones itself (the tokenizer's list in `stats` is left
/// unread); passing over the punctuation tokens first when `PUNCT_FIRST`
/// (the loop of 20cabbe). The oracle of the tests of `word_sets`.
pub(super) fn word_sets_filtered<'a, const PUNCT_FIRST: bool>(
    toks: &[Tok<'a>],
    stats: WordStats,
) -> WordSets<'a> {
    let WordStats {
        words,
        cap_toks: listed,
        sigs,
        initial_sigs,
    } = stats;
    let caps = listed.len();
    let mut sets = WordSets::empty(words, caps, Vec::with_capacity(caps));
    let (mut recent_mid, mut recent_lower) = ([0u32; 256], [0u32; 256]);
    // Punctuation is not filtered out first: the lower-case test below
    // turns it away with most words, and a branch on the word bit before
    // it was mispredicted at most punctuation tokens.
    for (k, t) in toks.iter().enumerate() {
        if PUNCT_FIRST && !t.word() {
            continue;
        }
        let w = t.text;
        if t.cap() {
            // (`tokenize_into` keeps token offsets in `u32`: an article
            // has fewer tokens than bytes.)
            sets.cap_toks.push(k as u32);
            if !t.initial() {
                if initial_sigs.may_hold_sig(t.sig()) && not_just_seen(&mut recent_mid, toks, k) {
                    sets.cap_words.entry(w).or_default().mid = true;
                }
            } else if !t.stop() {
                sets.cap_words.entry(w).or_default().initial += 1;
            }
        } else if sigs.may_hold_sig(t.sig())
            && t.word()
            && not_just_seen(&mut recent_lower, toks, k)
        {
            sets.add_lower(t);
        }
    }
    sets
}
