//! The per-article table of `summarize`, kept in bounded memory.
//!
//! The table is the one part of the summary that grows with the corpus (a
//! row per article). The first rows are kept in memory; past
//! [`IN_MEMORY_ROWS`] rows are appended to an anonymous temporary file in a
//! compact binary form and read back, in order, when the table is printed.
//! Peak memory therefore stays flat however many articles a run has. If no
//! temporary file can be created the rows simply stay in memory.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

use schemars::JsonSchema;
use serde::Serialize;
use serde::ser::SerializeSeq;

use super::summary::ArticleRow;

/// Rows kept in memory before the table spills to disk (a few MB).
const IN_MEMORY_ROWS: usize = 16_384;

/// One row per article, in input order.
#[derive(Default)]
pub struct ArticleTable {
    rows: Vec<ArticleRow>,
    /// Rows past `rows`, encoded, while the table grows.
    writer: Option<BufWriter<File>>,
    /// The same file once [`ArticleTable::seal`] has flushed it.
    sealed: Option<File>,
    spilled: usize,
    /// No temporary file could be used: the rows stay in memory.
    no_spill: bool,
}

impl ArticleTable {
    pub fn len(&self) -> usize {
        self.rows.len() + self.spilled
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, row: ArticleRow) {
        if self.rows.len() < IN_MEMORY_ROWS || self.no_spill {
            let len = self.rows.len();
            // Grown fourfold up to the cap, not doubled: each growth moves
            // every row.
            if len == self.rows.capacity() && len < IN_MEMORY_ROWS {
                self.rows
                    .reserve_exact((len * 3).max(64).min(IN_MEMORY_ROWS - len));
            }
            self.rows.push(row);
            return;
        }
        if self.writer.is_none() {
            match tempfile::tempfile() {
                Ok(f) => self.writer = Some(BufWriter::with_capacity(1 << 16, f)),
                Err(_) => {
                    self.no_spill = true;
                    self.rows.push(row);
                    return;
                }
            }
        }
        let w = self.writer.as_mut().expect("spill file");
        encode(w, &row)
            .unwrap_or_else(|e| panic!("cannot write the article table to a temporary file: {e}"));
        self.spilled += 1;
    }

    /// Ends the table: flushes the spilled rows so that they can be read.
    pub fn seal(&mut self) {
        if let Some(w) = self.writer.take() {
            let f = w
                .into_inner()
                .unwrap_or_else(|e| panic!("cannot write the article table: {}", e.error()));
            self.sealed = Some(f);
        }
    }

    /// The rows in input order: those in memory borrowed (printing walks
    /// the table three times, and copies of each row's strings showed in
    /// profiles), the spilled ones read back from the temporary file; an I/O
    /// error on our own temporary file means a broken machine and panics.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, ArticleRow>> + '_ {
        assert!(
            self.writer.is_none(),
            "article table read before it was sealed"
        );
        let spill = SpillIter {
            file: self.sealed.as_ref(),
            pos: 0,
            buf: Vec::new(),
            at: 0,
            left: self.spilled,
        };
        self.rows
            .iter()
            .map(Cow::Borrowed)
            .chain(spill.map(Cow::Owned))
    }
}

/// Reads spilled rows with its own file position, so that two iterations
/// of one table may interleave.
struct SpillIter<'a> {
    file: Option<&'a File>,
    /// File offset of the end of `buf`.
    pos: u64,
    buf: Vec<u8>,
    at: usize,
    left: usize,
}

impl Read for SpillIter<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buf.len() {
            let mut f = self.file.ok_or(std::io::ErrorKind::UnexpectedEof)?;
            f.seek(SeekFrom::Start(self.pos))?;
            self.buf.resize(1 << 16, 0);
            let n = f.read(&mut self.buf)?;
            self.buf.truncate(n);
            self.pos += n as u64;
            self.at = 0;
        }
        let n = out.len().min(self.buf.len() - self.at);
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

impl Iterator for SpillIter<'_> {
    type Item = ArticleRow;

    fn next(&mut self) -> Option<ArticleRow> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(decode(self).unwrap_or_else(|e| panic!("cannot read back the article table: {e}")))
    }
}

fn put_str(w: &mut impl Write, s: &str) -> std::io::Result<()> {
    w.write_all(&(s.len() as u64).to_le_bytes())?;
    w.write_all(s.as_bytes())
}

fn put_opt(w: &mut impl Write, s: Option<&str>) -> std::io::Result<()> {
    match s {
        None => w.write_all(&[0]),
        Some(s) => {
            w.write_all(&[1])?;
            put_str(w, s)
        }
    }
}

fn encode(w: &mut impl Write, r: &ArticleRow) -> std::io::Result<()> {
    put_str(w, &r.id)?;
    put_str(w, &r.path)?;
    put_opt(w, r.date.as_deref())?;
    put_opt(w, r.source.as_deref())?;
    put_opt(w, r.headline.as_deref())?;
    w.write_all(&(r.words as u64).to_le_bytes())?;
    w.write_all(&(r.quotes as u64).to_le_bytes())
}

fn get_u64(r: &mut impl Read) -> std::io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn get_str(r: &mut impl Read) -> std::io::Result<String> {
    let n = get_u64(r)? as usize;
    let mut b = vec![0; n];
    r.read_exact(&mut b)?;
    String::from_utf8(b).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

fn get_opt(r: &mut impl Read) -> std::io::Result<Option<String>> {
    let mut tag = [0];
    r.read_exact(&mut tag)?;
    if tag[0] == 0 {
        Ok(None)
    } else {
        get_str(r).map(Some)
    }
}

fn decode(r: &mut impl Read) -> std::io::Result<ArticleRow> {
    Ok(ArticleRow {
        id: get_str(r)?,
        path: get_str(r)?,
        date: get_opt(r)?,
        source: get_opt(r)?,
        headline: get_opt(r)?,
        words: get_u64(r)? as usize,
        quotes: get_u64(r)? as usize,
    })
}

impl<'a> IntoIterator for &'a ArticleTable {
    type Item = Cow<'a, ArticleRow>;
    type IntoIter = Box<dyn Iterator<Item = Cow<'a, ArticleRow>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl From<Vec<ArticleRow>> for ArticleTable {
    fn from(rows: Vec<ArticleRow>) -> ArticleTable {
        ArticleTable {
            rows,
            ..ArticleTable::default()
        }
    }
}

impl Clone for ArticleTable {
    fn clone(&self) -> ArticleTable {
        ArticleTable::from(self.iter().map(Cow::into_owned).collect::<Vec<_>>())
    }
}

impl PartialEq for ArticleTable {
    fn eq(&self, other: &ArticleTable) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for ArticleTable {}

impl std::fmt::Debug for ArticleTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Serialized as the plain array of rows it stands for.
impl Serialize for ArticleTable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for row in self.iter() {
            seq.serialize_element(&*row)?;
        }
        seq.end()
    }
}

/// The schema of the plain array of rows it serializes as.
impl JsonSchema for ArticleTable {
    fn inline_schema() -> bool {
        <Vec<ArticleRow>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<ArticleRow>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<ArticleRow>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<ArticleRow>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: usize) -> ArticleRow {
        ArticleRow {
            id: format!("a{i}"),
            path: format!("dir/a{i}.txt"),
            date: i.is_multiple_of(3).then(|| "2024-01-02".to_string()),
            source: (!i.is_multiple_of(5)).then(|| format!("S{}", i % 7)),
            headline: i
                .is_multiple_of(2)
                .then(|| format!("Headline {i} – ünïcode")),
            words: i * 3,
            quotes: i % 4,
        }
    }

    #[test]
    fn spilled_rows_read_back_in_order() {
        let n = IN_MEMORY_ROWS + 2_500;
        let mut t = ArticleTable::default();
        for i in 0..n {
            t.push(row(i));
        }
        t.seal();
        assert_eq!(t.len(), n);
        assert!(t.spilled > 0);
        let want: Vec<ArticleRow> = (0..n).map(row).collect();
        assert_eq!(t.iter().map(Cow::into_owned).collect::<Vec<_>>(), want);
        // The first rows are borrowed, the spilled ones read back.
        assert!(matches!(t.iter().next(), Some(Cow::Borrowed(_))));
        assert!(matches!(t.iter().last(), Some(Cow::Owned(_))));
        // Interleaved iterations of one table each keep their place.
        #[allow(clippy::eq_op)]
        let same = t == t;
        assert!(same);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&want).unwrap()
        );
        assert_eq!(t.clone(), ArticleTable::from(want));
        // The in-memory rows never hold room past the cap.
        assert!(t.rows.capacity() <= IN_MEMORY_ROWS);
    }

    #[test]
    fn a_table_full_near_the_cap_grows_to_the_cap() {
        // A table whose vector is full a few rows short of the cap (one
        // made `From` a vector) grows by those rows only, then spills.
        let n = IN_MEMORY_ROWS - 3;
        let mut rows = Vec::with_capacity(n);
        rows.extend((0..n).map(row));
        let mut t = ArticleTable::from(rows);
        for i in n..n + 10 {
            t.push(row(i));
        }
        t.seal();
        assert_eq!(t.len(), n + 10);
        assert!(t.rows.capacity() <= IN_MEMORY_ROWS);
        let want: Vec<ArticleRow> = (0..n + 10).map(row).collect();
        assert_eq!(t.iter().map(Cow::into_owned).collect::<Vec<_>>(), want);
    }
}
