//! Where output goes: standard output, or a file written atomically (a
//! temporary file in the same directory, renamed over the target only when
//! everything was written).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// An open output destination.
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        tmp: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
}

impl Output {
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(target) => {
                let dir = match target.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let mut builder = tempfile::Builder::new();
                builder.prefix(".corpus-cli-");
                // A temporary file is private (0600); the report is an
                // ordinary file, so ask for 0666 and let the umask apply.
                #[cfg(unix)]
                builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
                let tmp = builder
                    .tempfile_in(dir)
                    .with_context(|| format!("cannot write in {}", dir.display()))?;
                Ok(Output::File {
                    tmp: BufWriter::new(tmp),
                    target: target.to_path_buf(),
                })
            }
        }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { tmp, .. } => tmp,
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut w) => Ok(w.flush()?),
            Output::File { tmp, target } => {
                let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all()?;
                tmp.persist(&target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                Ok(())
            }
        }
    }
}
