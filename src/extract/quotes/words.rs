//! Small word-level helpers for attribution: a tokenizer that keeps byte
//! offsets and the closed vocabularies (cue verbs, titles, pronouns).

/// A word or punctuation token with its byte range in the paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }

    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Splits `s[from..to]` into words (letters, digits and inner `'’.-`) and
/// single punctuation characters; whitespace is dropped.
pub fn tokens(s: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let sub = &s[from..to];
    let mut it = sub.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '’' | '.' | '-') {
                    // Inner punctuation only when a letter follows.
                    let after = sub[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(|a| a.is_alphanumeric()) {
                        end = j + d.len_utf8();
                        it.next();
                    } else if d == '.' && is_abbrev(&sub[i..j]) {
                        end = j + 1;
                        it.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                text: &sub[i..end],
                start: from + i,
                end: from + end,
            });
        } else {
            let end = i + c.len_utf8();
            out.push(Tok {
                text: &sub[i..end],
                start: from + i,
                end: from + end,
            });
        }
    }
    out
}

/// Abbreviations whose period does not end a sentence.
pub fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Adm"
            | "Prof"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Capt"
            | "Maj"
            | "Cmdr"
            | "Atty"
            | "Supt"
            | "Insp"
            | "No"
            | "U.S"
            | "U.K"
            | "U.N"
            | "D.C"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "vs"
            | "Pres"
            | "Amb"
            | "Mt"
            | "Ft"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
    ) || (w.len() <= 5 && w.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// Cue verbs that report speech or writing (lowercase, inflected forms).
pub fn is_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "tell"
            | "telling"
            | "added"
            | "adds"
            | "adding"
            | "stressed"
            | "stresses"
            | "stressing"
            | "emphasized"
            | "emphasised"
            | "emphasizes"
            | "emphasises"
            | "emphasizing"
            | "noted"
            | "notes"
            | "noting"
            | "warned"
            | "warns"
            | "warning"
            | "announced"
            | "announces"
            | "announcing"
            | "wrote"
            | "writes"
            | "writing"
            | "explained"
            | "explains"
            | "explaining"
            | "asked"
            | "asks"
            | "asking"
            | "replied"
            | "replies"
            | "replying"
            | "insisted"
            | "insists"
            | "insisting"
            | "argued"
            | "argues"
            | "arguing"
            | "claimed"
            | "claims"
            | "claiming"
            | "declared"
            | "declares"
            | "declaring"
            | "continued"
            | "continues"
            | "recalled"
            | "recalls"
            | "acknowledged"
            | "acknowledges"
            | "admitted"
            | "admits"
            | "stated"
            | "states"
            | "remarked"
            | "remarks"
            | "observed"
            | "observes"
            | "commented"
            | "comments"
            | "responded"
            | "responds"
            | "answered"
            | "answers"
            | "tweeted"
            | "tweets"
            | "posted"
            | "suggested"
            | "suggests"
            | "predicted"
            | "predicts"
            | "promised"
            | "promises"
            | "vowed"
            | "vows"
            | "pledged"
            | "pledges"
            | "urged"
            | "urges"
            | "urging"
            | "concluded"
            | "concludes"
            | "confirmed"
            | "confirms"
            | "complained"
            | "complains"
            | "joked"
            | "jokes"
            | "quipped"
            | "quips"
            | "shouted"
            | "yelled"
            | "conceded"
            | "concedes"
            | "countered"
            | "counters"
            | "mused"
            | "boasted"
            | "boasts"
            | "maintained"
            | "maintains"
            | "contended"
            | "contends"
            | "testified"
            | "assured"
            | "assures"
            | "underlined"
            | "underscored"
            | "highlighted"
            | "expressed"
            | "reiterated"
            | "reiterates"
            | "demanded"
            | "demands"
            | "charged"
            | "charges"
            | "alleged"
            | "alleges"
            | "lamented"
            | "laments"
            | "proclaimed"
            | "proclaims"
            | "exclaimed"
            | "whispered"
            | "chanted"
            | "cautioned"
            | "cautions"
            | "reported"
            | "reports"
            | "thundered"
            | "snapped"
            | "scoffed"
            | "interjected"
            | "retorted"
            | "declined"
            | "described"
            | "describes"
            | "called"
            | "calls"
            | "wondered"
            | "asserted"
            | "asserts"
            | "advised"
            | "acknowledging"
            | "tweeting"
            | "recounted"
            | "recounts"
            | "believes"
            | "believed"
            | "thinks"
            | "thought"
            | "insist"
            | "argue"
            | "claim"
            | "warn"
            | "write"
            | "agreed"
            | "agrees"
            | "pointed"
            | "went"
            | "consider"
            | "considers"
            | "read"
            | "reads"
            | "reacted"
    )
}

/// Verbs among the cues that only report speech in a fixed phrase or when
/// their object is a quote; they never take a subject after them.
pub fn is_weak_cue(w: &str) -> bool {
    matches!(
        w,
        "believes"
            | "believed"
            | "thinks"
            | "thought"
            | "described"
            | "describes"
            | "called"
            | "calls"
            | "pointed"
            | "went"
            | "consider"
            | "considers"
            | "expressed"
            | "reported"
            | "reports"
            | "agreed"
            | "agrees"
            | "declined"
    )
}

/// Words that may stand between a subject and its cue verb.
pub fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "again"
            | "further"
            | "previously"
            | "recently"
            | "once"
            | "has"
            | "had"
            | "have"
            | "was"
            | "is"
            | "were"
            | "would"
            | "will"
            | "reportedly"
            | "repeatedly"
            | "publicly"
            | "earlier"
            | "already"
            | "just"
            | "often"
            | "simply"
            | "flatly"
            | "bluntly"
            | "quickly"
            | "angrily"
            | "proudly"
            | "firmly"
            | "frankly"
            | "openly"
            | "privately"
            | "told"
            | "explicitly"
            | "clearly"
            | "tweeting"
            | "famously"
            | "went"
            | "even"
            | "still"
            | "did"
            | "does"
            | "not"
            | "never"
            | "personally"
            | "specifically"
            | "directly"
            | "subsequently"
            | "finally"
            | "now"
    )
}

/// Subject pronouns that can name a speaker.
pub fn pronoun(w: &str) -> Option<Pron> {
    match w {
        // `according to him`; `her` is left out, since it is also the
        // possessive that opens a description (`her lawyers said`).
        "he" | "He" | "him" => Some(Pron::He),
        "she" | "She" => Some(Pron::She),
        "they" | "They" | "we" | "We" | "I" | "you" | "You" | "it" | "It" => Some(Pron::Other),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pron {
    He,
    She,
    Other,
}

/// Determiners that open a descriptive noun phrase.
pub fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "its"
            | "Its"
            | "their"
            | "Their"
            | "one"
            | "One"
            | "another"
            | "Another"
            | "some"
            | "Some"
            | "many"
            | "Many"
            | "two"
            | "several"
            | "Several"
            | "my"
            | "My"
            | "our"
            | "Our"
            | "your"
            | "Your"
            | "this"
            | "This"
    )
}

/// Title words that precede a name (`Foreign Minister`, `Sen.`) or head a
/// description (`the minister`).
pub fn is_title(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    matches!(
        l.as_str(),
        "president"
            | "secretary"
            | "general"
            | "secretary-general"
            | "minister"
            | "prime"
            | "foreign"
            | "defense"
            | "defence"
            | "chancellor"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "mayor"
            | "ambassador"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chief"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "commissioner"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "judge"
            | "justice"
            | "attorney"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "adm"
            | "candidate"
            | "leader"
            | "speaker"
            | "congressman"
            | "congresswoman"
            | "deputy"
            | "vice"
            | "head"
            | "professor"
            | "prof"
            | "coach"
            | "ceo"
            | "executive"
            | "officer"
            | "founder"
            | "rev"
            | "reverend"
            | "sheriff"
            | "commander"
            | "colonel"
            | "captain"
            | "capt"
            | "lieutenant"
            | "premier"
            | "envoy"
            | "lawmaker"
            | "legislator"
            | "assemblyman"
            | "assemblywoman"
            | "councilman"
            | "councilwoman"
            | "host"
            | "anchor"
            | "analyst"
            | "adviser"
            | "advisor"
            | "strategist"
            | "pollster"
            | "manager"
            | "chairperson"
            | "majority"
            | "minority"
            | "whip"
            | "nominee"
            | "hopeful"
            | "billionaire"
            | "businessman"
            | "businesswoman"
            | "emir"
            | "sheikh"
            | "sultan"
            | "cardinal"
            | "bishop"
            | "archbishop"
            | "marshal"
            | "admiral"
            | "sergeant"
            | "major"
            | "surgeon"
            | "treasurer"
            | "auditor"
            | "lord"
            | "lady"
            | "sir"
            | "dame"
            | "mp"
            | "mep"
            | "state"
            | "interior"
            | "finance"
            | "economy"
            | "health"
            | "former"
            | "acting"
            | "presidential"
            | "gop"
            | "democratic"
            | "republican"
            | "u.s"
            | "u.s."
            | "us"
            | "first"
    )
}

/// Sentence-initial or function words that are capitalized without being
/// part of a name.
pub fn is_stop_cap(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "If"
            | "As"
            | "It"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "For"
            | "With"
            | "From"
            | "To"
            | "Of"
            | "By"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "According"
            | "Asked"
            | "Speaking"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Yet"
            | "Then"
            | "Now"
            | "There"
            | "Here"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Also"
            | "Not"
            | "No"
            | "Yes"
            | "Last"
            | "Next"
            | "Earlier"
            | "Later"
            | "Today"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Although"
            | "Though"
            | "Because"
            | "Even"
            | "Just"
            | "Only"
            | "Instead"
            | "Indeed"
            | "Despite"
            | "During"
            | "Under"
            | "Over"
            | "Among"
            | "Like"
            | "Unlike"
            | "Answering"
            | "Responding"
            | "Addressing"
            | "Told"
            | "Said"
            | "Each"
            | "Every"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Few"
            | "Several"
            | "Other"
            | "Others"
            | "Another"
            | "One"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// Lowercase words allowed inside a name (`Charles de Gaulle`).
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van" | "von" | "der" | "da" | "di" | "bin" | "al" | "la" | "le" | "del"
    )
}
