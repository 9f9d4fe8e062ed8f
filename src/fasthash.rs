//! Hash maps and sets for internal indexes, with foldhash instead of the
//! standard SipHash: keys here are short strings from the text or the
//! gazetteers, and SipHash cost several per cent of a run. The seed is
//! fixed, so behaviour does not vary between runs; output never depends on
//! iteration order (anything printed is sorted first).

pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type Set<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
