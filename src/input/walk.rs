//! Command-line arguments to a list of targets: files, `-`, URLs, JSONL streams, and the
//! files under directories (recursive, honouring `.gitignore`, `.ignore` and hidden
//! files as git does; `--glob` filters).

use std::path::Path;

use ignore::WalkBuilder;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::{Input, InputFormat, Source, is_url};

/// Extensions read when walking a directory (unless a `--glob` selects files).
const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdown", "mkd", "mkdn", "html", "htm", "xhtml",
];

/// Extensions of JSONL record streams.
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// What an argument turned into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One document.
    Doc(Input),
    /// A JSONL stream of `{"id", "text" | "url"}` records (a file, or `-` for stdin).
    Jsonl { name: String, source: Source },
    /// An argument that could not be expanded (an unreadable directory entry).
    Failed { name: String, message: String },
}

/// The expanded arguments, in order, with notes for the user (directories walked).
#[derive(Debug, Default)]
pub struct Expanded {
    pub targets: Vec<Target>,
    pub notes: Vec<String>,
}

impl Expanded {
    /// Number of documents known in advance (`None` when a JSONL stream is among them).
    pub fn document_count(&self) -> Option<usize> {
        let mut n = 0;
        for t in &self.targets {
            match t {
                Target::Jsonl { .. } => return None,
                _ => n += 1,
            }
        }
        Some(n)
    }
}

fn is_jsonl_path(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    JSONL_EXTENSIONS
        .iter()
        .any(|e| lower.ends_with(&format!(".{e}")))
}

/// Expands the arguments. `jsonl` reads every file and `-` as a JSONL stream; `globs`
/// filter the files found under directories (gitignore syntax, `!` excludes).
pub fn expand(
    args: &[String],
    globs: &[String],
    jsonl: bool,
    format: InputFormat,
) -> Result<Expanded, String> {
    let mut out = Expanded::default();
    for arg in args {
        if is_url(arg) {
            out.targets.push(Target::Doc(Input::from_arg(arg, format)));
            continue;
        }
        if arg == "-" {
            if jsonl {
                out.targets.push(Target::Jsonl {
                    name: "<stdin>".into(),
                    source: Source::Stdin,
                });
            } else {
                out.targets.push(Target::Doc(Input::from_arg(arg, format)));
            }
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let before = out.targets.len();
            walk(path, globs, jsonl, format, &mut out.targets)?;
            let n = out.targets.len() - before;
            out.notes.push(if n == 0 {
                format!("warning: {arg}: is a directory with no documents to check")
            } else {
                format!(
                    "note: {arg}: is a directory; checking the {n} document{} in it",
                    if n == 1 { "" } else { "s" }
                )
            });
            continue;
        }
        if jsonl || is_jsonl_path(arg) {
            out.targets.push(Target::Jsonl {
                name: arg.clone(),
                source: Source::File(path.to_path_buf()),
            });
        } else {
            out.targets.push(Target::Doc(Input::from_arg(arg, format)));
        }
    }
    Ok(out)
}

fn walk(
    root: &Path,
    globs: &[String],
    jsonl: bool,
    format: InputFormat,
    targets: &mut Vec<Target>,
) -> Result<(), String> {
    let mut builder = WalkBuilder::new(root);
    builder
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b));
    // Globs filter what the walk finds (so .gitignore still applies): gitignore syntax,
    // relative to the directory; `!glob` excludes.
    let matcher = |negated: bool| -> Result<Option<Gitignore>, String> {
        let mut gb = GitignoreBuilder::new(root);
        let mut any = false;
        for g in globs {
            let (neg, pat) = match g.strip_prefix('!') {
                Some(p) => (true, p),
                None => (false, g.as_str()),
            };
            if neg == negated {
                gb.add_line(None, pat)
                    .map_err(|e| format!("--glob {g}: {e}"))?;
                any = true;
            }
        }
        if !any {
            return Ok(None);
        }
        gb.build().map(Some).map_err(|e| format!("--glob: {e}"))
    };
    let select = matcher(false)?;
    let exclude = matcher(true)?;
    let selects = select.is_some();
    for entry in builder.build() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                targets.push(Target::Failed {
                    name: root.display().to_string(),
                    message: format!("{}: {e}", root.display()),
                });
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        if let Some(m) = &select
            && !m.matched_path_or_any_parents(path, false).is_ignore()
        {
            continue;
        }
        if let Some(m) = &exclude
            && m.matched_path_or_any_parents(path, false).is_ignore()
        {
            continue;
        }
        let name = entry.path().display().to_string();
        let ext = entry
            .path()
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        // Under a directory, `.jsonl`/`.ndjson` files are record streams; with
        // --jsonl-input, so is any other file a --glob selected.
        let is_stream = JSONL_EXTENSIONS.contains(&ext.as_str()) || (jsonl && selects);
        if !selects && !is_stream && !DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
            continue;
        }
        if is_stream {
            targets.push(Target::Jsonl {
                name,
                source: Source::File(entry.into_path()),
            });
        } else {
            targets.push(Target::Doc(Input {
                name,
                source: Source::File(entry.into_path()),
                format,
            }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(e: &Expanded) -> Vec<String> {
        e.targets
            .iter()
            .map(|t| match t {
                Target::Doc(i) => i.name.clone(),
                Target::Jsonl { name, .. } => format!("jsonl:{name}"),
                Target::Failed { name, .. } => format!("failed:{name}"),
            })
            .collect()
    }

    #[test]
    fn directories_honour_gitignore_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub/build")).unwrap();
        std::fs::write(d.join(".gitignore"), "build/\nsecret.md\n").unwrap();
        for f in [
            "a.txt",
            "b.md",
            "secret.md",
            "c.png",
            "sub/d.html",
            "sub/build/e.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let root = d.display().to_string();
        let e = expand(std::slice::from_ref(&root), &[], false, InputFormat::Auto).unwrap();
        let got = names(&e);
        let want: Vec<String> = ["a.txt", "b.md", "sub/d.html"]
            .iter()
            .map(|f| d.join(f).display().to_string())
            .collect();
        assert_eq!(got, want);
        assert!(
            e.notes[0].contains("checking the 3 documents"),
            "{:?}",
            e.notes
        );
        let e = expand(&[root], &["*.md".into()], false, InputFormat::Auto).unwrap();
        assert_eq!(names(&e), vec![d.join("b.md").display().to_string()]);
    }

    #[test]
    fn arguments_keep_their_order_and_kind() {
        let args: Vec<String> = ["-", "https://example.org/x", "missing.txt", "r.jsonl"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let e = expand(&args, &[], false, InputFormat::Auto).unwrap();
        assert_eq!(
            names(&e),
            vec![
                "<stdin>",
                "https://example.org/x",
                "missing.txt",
                "jsonl:r.jsonl"
            ]
        );
        assert_eq!(e.document_count(), None);
    }
}
