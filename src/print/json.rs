//! JSON and JSON Lines writers. Key order is the field order of the
//! serialized types; documents carry `"version"`.

use std::io::Write;

use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::model::Article;

/// Writes one value as pretty JSON followed by a newline.
pub fn document<T: Serialize>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes one value as a single JSON line.
pub fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Streams `{"version": 1, "articles": [ … ]}` one article at a time.
pub struct ArticleArray {
    first: bool,
}

impl ArticleArray {
    pub fn start(out: &mut dyn Write) -> anyhow::Result<ArticleArray> {
        write!(
            out,
            "{{\n  \"version\": {SCHEMA_VERSION},\n  \"articles\": ["
        )?;
        Ok(ArticleArray { first: true })
    }

    pub fn push(&mut self, out: &mut dyn Write, article: &Article) -> anyhow::Result<()> {
        out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        let text = serde_json::to_string_pretty(article)?;
        for (i, l) in text.lines().enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"    ")?;
            out.write_all(l.as_bytes())?;
        }
        Ok(())
    }

    pub fn finish(self, out: &mut dyn Write) -> anyhow::Result<()> {
        out.write_all(if self.first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        Ok(())
    }
}
