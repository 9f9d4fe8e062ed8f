//! Aggregation: folds article records into corpus-level reports. Pure data
//! in, plain data out; every map is ordered and every list has an explicit
//! tie-break so that reports are byte-for-byte reproducible.

pub mod diff;
pub mod entities;
pub mod summary;
pub mod table;
pub mod timeline;
