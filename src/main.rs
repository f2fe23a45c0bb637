//! The `numcheck` command line: a thin layer over the library.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use numcheck::Checker;
use numcheck::reference::{Diagnostic, EMBEDDED_TABLES, ReferenceSet, TableSource, load_tables};
use numcheck::report::{Document, Format, Summary, extract_records, make_printer};
use numcheck::units::UnitTable;

#[derive(Parser)]
#[command(
    name = "numcheck",
    version,
    about = "Fact-check the numbers in prose against sourced reference tables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find, link and check every quantitative claim in the given files.
    Check(CheckArgs),
    /// Print every quantity found, linked or not.
    Extract(ExtractArgs),
    /// Work with reference tables.
    Claims {
        #[command(subcommand)]
        command: ClaimsCommand,
    },
}

#[derive(Subcommand)]
enum ClaimsCommand {
    /// Validate reference tables; prints `file:line:column: message` per problem, exit 2 on any.
    Lint {
        /// Directory of CSV tables (default: the embedded tables).
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Contradicted,
    Inconsistent,
    Unverifiable,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files to check (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// A directory of CSV tables that add to, or replace by file name, the embedded tables.
    #[arg(long)]
    claims: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Which findings make the exit code 1 (repeat or comma-separate).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [FailOn::Contradicted, FailOn::Inconsistent])]
    fail_on: Vec<FailOn>,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Write the report here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files to read (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Extract(args) => run_extract(args),
        Command::Claims {
            command: ClaimsCommand::Lint { dir },
        } => run_lint(dir),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Reads one input. Errors name the file; invalid UTF-8 names the line of the first bad byte.
fn read_input(path: &str) -> Result<String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .context("<stdin>: cannot read standard input")?;
        buf
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            anyhow::bail!("{path}: is a directory, not a file");
        }
        std::fs::read(p).map_err(|e| anyhow::anyhow!("{path}: cannot read: {}", io_reason(&e)))?
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            anyhow::bail!("{path}:{line}: not valid UTF-8 (first bad byte at offset {at})")
        }
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn table_sources(dir: Option<&Path>, with_embedded: bool) -> Result<Vec<TableSource>> {
    let mut sources: Vec<TableSource> = if with_embedded {
        EMBEDDED_TABLES
            .iter()
            .map(|(p, t)| TableSource {
                path: p.to_string(),
                text: t.to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    if let Some(dir) = dir {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot read directory: {}",
                dir.display(),
                io_reason(&e)
            )
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect();
        files.sort();
        if files.is_empty() {
            anyhow::bail!("{}: no .csv tables in this directory", dir.display());
        }
        for f in files {
            let text = read_input(&f.to_string_lossy())?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            // A file with the same name as an embedded table replaces it.
            sources.retain(|s| !s.path.ends_with(&format!("/{name}")));
            sources.push(TableSource {
                path: f.display().to_string(),
                text,
            });
        }
    }
    Ok(sources)
}

fn load(dir: Option<&Path>, with_embedded: bool) -> Result<(ReferenceSet, Vec<Diagnostic>)> {
    let sources = table_sources(dir, with_embedded)?;
    Ok(load_tables(&sources, UnitTable::default_table()))
}

fn run_lint(dir: Option<PathBuf>) -> Result<ExitCode> {
    let (set, diags) = load(dir.as_deref(), dir.is_none())?;
    for d in &diags {
        println!("{d}");
    }
    if diags.is_empty() {
        eprintln!(
            "ok: {} rows, {} entities, {} properties",
            set.rows.len(),
            set.entities.len(),
            set.properties.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} problem{} in the reference tables",
            diags.len(),
            if diags.len() == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(2))
    }
}

fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p)
                .with_context(|| format!("{}: cannot create output file", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    })
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let (refs, diags) = load(args.claims.as_deref(), true)?;
    if !diags.is_empty() {
        for d in &diags {
            eprintln!("{d}");
        }
        anyhow::bail!(
            "the reference tables have {} problem(s); fix them (see `numcheck claims lint`) and run again",
            diags.len()
        );
    }
    let checker = Checker::new(refs);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let out = output(args.output.as_deref())?;
    let mut printer = make_printer(args.format, out, color);
    let mut summary = Summary::default();
    for path in &args.files {
        let text = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e:#}");
                printer.error(path, &format!("{e:#}"))?;
                summary.errors += 1;
                continue;
            }
        };
        if text.trim().is_empty() {
            eprintln!("warning: {path}: file is empty; nothing to check");
        }
        let annotations = checker.check_str(&text);
        summary.add(&annotations);
        let shown = if path == "-" {
            "<stdin>"
        } else {
            path.as_str()
        };
        printer.document(&Document {
            path: shown,
            text: &text,
            annotations: &annotations,
        })?;
    }
    printer.finish(&summary)?;
    drop(printer);
    if args.format != Format::Text {
        eprintln!("{}", summary.line());
    }
    if summary.errors > 0 {
        return Ok(ExitCode::from(2));
    }
    let fail = args.fail_on.iter().any(|f| match f {
        FailOn::Contradicted => summary.contradicted > 0,
        FailOn::Inconsistent => summary.inconsistent > 0,
        FailOn::Unverifiable => summary.unverifiable > 0,
        FailOn::Never => false,
    });
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode> {
    let mut out = output(None)?;
    let mut errors = 0;
    let mut csv_out = (args.format == Format::Csv).then(|| csv::Writer::from_writer(Vec::new()));
    let mut all = Vec::new();
    for path in &args.files {
        let text = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e:#}");
                errors += 1;
                continue;
            }
        };
        let shown = if path == "-" {
            "<stdin>"
        } else {
            path.as_str()
        };
        let qs = numcheck::extract::extract(&text);
        for r in extract_records(shown, &text, &qs) {
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &r)?;
                    out.write_all(b"\n")?;
                }
                Format::Json => all.push(r),
                Format::Csv => {
                    if let Some(w) = csv_out.as_mut() {
                        w.serialize(&r)?;
                    }
                }
                Format::Text => {
                    let unit = r
                        .unit
                        .as_deref()
                        .map(|u| format!(" [{u}]"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "{}:{}:{}: \"{}\" = {} ({}{}){}",
                        r.path,
                        r.line,
                        r.column,
                        r.text,
                        numcheck::format::short(r.value),
                        r.qualifier,
                        r.not_a_claim.map(|_| ", not a claim").unwrap_or(""),
                        unit
                    )?;
                }
            }
        }
    }
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &all)?;
        out.write_all(b"\n")?;
    }
    if let Some(w) = csv_out {
        out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
