//! The `numcheck` command line: a thin layer over the library.

// Results are built on a worker thread and dropped on the calling thread after printing;
// with glibc's allocator those cross-thread frees contend with the worker's allocations
// and made `--jobs 2` erratic (1.6-1.9x); mimalloc keeps it at ~1.85x (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use numcheck::Checker;
use numcheck::input::batch::ordered_parallel_until;
use numcheck::input::jsonl::{Job, Records, result_line};
use numcheck::input::walk::{Expanded, Target, expand};
use numcheck::input::{FetchOptions, InputFormat, Loaded, Loader, Source};
use numcheck::model::Annotation;
use numcheck::reference::{Diagnostic, ReferenceSet, TableSource, embedded_sources, load_tables};
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

/// Where documents come from and how they are read (shared by `check` and `extract`).
#[derive(clap::Args)]
struct InputArgs {
    /// Files, directories (recursive, honouring .gitignore), http(s) URLs, or `-` for
    /// standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// How to read documents: by extension / Content-Type (auto), or force one.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Only files matching this glob under directories (gitignore syntax; `!` excludes;
    /// repeatable).
    #[arg(long)]
    glob: Vec<String>,
    /// Fetch timeout for URLs, in seconds (connection to last byte).
    #[arg(long, default_value_t = 30.0, value_name = "SECS")]
    timeout: f64,
    /// Largest response accepted from a URL (e.g. 500KB, 20MB, 1GiB).
    #[arg(long, default_value = "20MB", value_parser = parse_size, value_name = "SIZE")]
    max_size: u64,
    /// Most redirects followed for one URL.
    #[arg(long, default_value_t = 10, value_name = "N")]
    max_redirects: usize,
}

impl InputArgs {
    fn fetch_options(&self) -> Result<FetchOptions> {
        if !(self.timeout.is_finite() && self.timeout > 0.0) {
            anyhow::bail!("--timeout must be a positive number of seconds");
        }
        Ok(FetchOptions {
            timeout: Duration::from_secs_f64(self.timeout),
            max_bytes: self.max_size,
            max_redirects: self.max_redirects,
        })
    }
}

/// `20MB`, `500KB`, `1GiB`, `4096`: bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 500KB, 20MB)"))?;
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "kib" => 1024.0,
        "m" | "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "g" | "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        u => {
            return Err(format!(
                "unknown size unit `{u}` (B, KB, MB, GB, KiB, MiB, GiB)"
            ));
        }
    };
    Ok((n * factor) as u64)
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Read `-` and the files named here as JSONL records `{"id": ..., "text" | "url": ...}`
    /// (files ending in .jsonl or .ndjson are read so anyway, also under directories). With
    /// `--format jsonl`, one result line per record, in input order.
    #[arg(long)]
    jsonl_input: bool,
    /// Documents checked in parallel (default: the number of cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar, notes or closing summary on stderr (errors and warnings still).
    #[arg(short, long)]
    quiet: bool,
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
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
}

/// Output formats of `extract` (one record per quantity).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Json,
    Csv,
    Text,
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
        embedded_sources()
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

/// What a worker hands back for one job.
type Checked = Result<(Loaded, Vec<Annotation>), String>;

/// What the sink needs to know about a job besides its result.
struct JobMeta {
    name: String,
    id: Option<serde_json::Value>,
    line: Option<usize>,
    /// A file or standard input (warn when empty).
    warn_empty: bool,
}

fn job_meta(job: &Job) -> JobMeta {
    match job {
        Job::Doc(i) => JobMeta {
            name: i.name.clone(),
            id: None,
            line: None,
            warn_empty: true,
        },
        Job::Record { id, line, input } => JobMeta {
            name: input.name.clone(),
            id: Some(id.clone()),
            line: Some(*line),
            warn_empty: false,
        },
        Job::Failed { name, id, line, .. } => JobMeta {
            name: name.clone(),
            id: id.clone(),
            line: *line,
            warn_empty: false,
        },
    }
}

/// Every job of the batch, lazily: documents as they are, JSONL streams line by line.
fn jobs(targets: Vec<Target>, format: InputFormat) -> impl Iterator<Item = Job> + Send {
    targets
        .into_iter()
        .flat_map(move |t| -> Box<dyn Iterator<Item = Job> + Send> {
            match t {
                Target::Doc(input) => Box::new(std::iter::once(Job::Doc(input))),
                Target::Failed { name, message } => Box::new(std::iter::once(Job::Failed {
                    name,
                    id: None,
                    line: None,
                    message,
                })),
                Target::Jsonl { name, source } => {
                    let reader: Result<Box<dyn BufRead + Send>, String> = match &source {
                        Source::File(p) => std::fs::File::open(p)
                            .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn BufRead + Send>)
                            .map_err(|e| {
                                format!("{name}: cannot read: {}", numcheck::input::io_reason(&e))
                            }),
                        _ => Ok(Box::new(io::BufReader::new(io::stdin()))),
                    };
                    match reader {
                        Ok(r) => Box::new(Records::new(&name, r, format)),
                        Err(message) => Box::new(std::iter::once(Job::Failed {
                            name,
                            id: None,
                            line: None,
                            message,
                        })),
                    }
                }
            }
        })
}

/// Bytes per second, in kB/s below 1 MB/s (a single article reads "0.0 MB/s" otherwise).
fn throughput(bytes: u64, secs: f64) -> String {
    let per_second = bytes as f64 / secs.max(1e-6);
    if per_second < 1e6 {
        format!("{:.1} kB/s", per_second / 1e3)
    } else {
        format!("{:.1} MB/s", per_second / 1e6)
    }
}

/// The progress bar: documents done, MB/s, ETA; hidden unless stderr is a terminal.
fn progress_bar(total: Option<usize>, show: bool, bytes: Arc<AtomicU64>) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let start = Instant::now();
    let pb = ProgressBar::with_draw_target(total.map(|n| n as u64), ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{spinner} {pos}/{len} documents [{bar:30}] {mbps} · {elapsed} elapsed, ETA {eta}"
    } else {
        "{spinner} {pos} documents · {mbps} · {elapsed} elapsed"
    };
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
        .with_key(
            "mbps",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let secs = start.elapsed().as_secs_f64().max(1e-3);
                let mb = bytes.load(Ordering::Relaxed) as f64 / 1e6;
                let _ = write!(w, "{:.1} MB/s", mb / secs);
            },
        );
    pb.set_style(style);
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let started = Instant::now();
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
    let input = &args.input;
    let fetch = input.fetch_options()?;
    let expanded: Expanded = expand(
        &input.files,
        &input.glob,
        args.jsonl_input,
        input.input_format,
    )
    .map_err(|e| anyhow::anyhow!(e))?;
    for note in &expanded.notes {
        // --quiet silences notes, not warnings.
        if !args.quiet || note.starts_with("warning") {
            eprintln!("{note}");
        }
    }
    // JSONL in, JSONL out: one result line per record.
    let record_mode = args.format == Format::Jsonl
        && !expanded.targets.is_empty()
        && expanded
            .targets
            .iter()
            .all(|t| matches!(t, Target::Jsonl { .. }));
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let jobs_n = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs_n)
        .thread_name(|i| format!("numcheck-{i}"))
        .build()
        .context("cannot start worker threads")?;
    let bytes = Arc::new(AtomicU64::new(0));
    let pb = progress_bar(
        expanded.document_count(),
        // On a terminal, unless the report itself is scrolling by on the same screen.
        !args.quiet
            && io::stderr().is_terminal()
            && (args.output.is_some() || !io::stdout().is_terminal()),
        bytes.clone(),
    );

    let out = output(args.output.as_deref())?;
    let (mut printer, raw) = if record_mode {
        (None, Some(out))
    } else {
        (Some(make_printer(args.format, out, color)), None)
    };
    // Shared by the sink (writes) and the idle hook (flushes), never at the same time.
    let raw = std::cell::RefCell::new(raw);
    let mut summary = Summary::default();
    let mut write_error: Option<io::Error> = None;
    {
        let loader = Loader::new(fetch);
        let work = |job: Job| -> Checked {
            match job {
                Job::Doc(input) | Job::Record { input, .. } => {
                    let doc = loader.load(input)?;
                    let annotations = doc.check(&checker);
                    Ok((doc, annotations))
                }
                Job::Failed { message, .. } => Err(message),
            }
        };
        let items = jobs(expanded.targets, input.input_format).map(|j| (job_meta(&j), j));
        let mut sink = |meta: JobMeta, result: Checked| -> io::Result<()> {
            pb.inc(1);
            match result {
                Ok((doc, annotations)) => {
                    bytes.fetch_add(doc.original.len() as u64, Ordering::Relaxed);
                    if meta.warn_empty && doc.original.trim().is_empty() {
                        pb.suspend(|| {
                            eprintln!("warning: {}: file is empty; nothing to check", meta.name)
                        });
                    }
                    summary.add(&annotations);
                    if let Some(p) = printer.as_mut() {
                        p.document(&Document {
                            path: &doc.name,
                            text: &doc.original,
                            annotations: &annotations,
                        })?;
                    }
                    if let Some(out) = raw.borrow_mut().as_mut() {
                        let line = result_line(
                            meta.id.as_ref(),
                            meta.line,
                            Ok((&doc.name, &doc.original, doc.format, &annotations)),
                        )?;
                        out.write_all(line.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                }
                Err(message) => {
                    let message = if message.starts_with("internal error") {
                        format!("{}: {message}", meta.name)
                    } else {
                        message
                    };
                    pb.suspend(|| eprintln!("error: {message}"));
                    summary.errors += 1;
                    if let Some(p) = printer.as_mut() {
                        p.error(&meta.name, &message)?;
                    }
                    if let Some(out) = raw.borrow_mut().as_mut() {
                        let line = result_line(meta.id.as_ref(), meta.line, Err(&message))?;
                        out.write_all(line.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                }
            }
            Ok(())
        };
        ordered_parallel_until(
            &pool,
            items,
            jobs_n * numcheck::input::batch::WINDOW_PER_JOB,
            work,
            |meta, result| match sink(meta, result.and_then(|r| r)) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    write_error = Some(e);
                    ControlFlow::Break(())
                }
            },
            // Nothing ready: a pipeline gets every result line written so far. (A failed
            // flush shows up at the next write.)
            || {
                if let Some(out) = raw.borrow_mut().as_mut() {
                    let _ = out.flush();
                }
            },
        );
        pb.finish_and_clear();
        match write_error {
            // The reader went away (`numcheck check corpus/ | head`): stop quietly.
            Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
            Some(e) => return Err(anyhow::Error::new(e).context("cannot write the report")),
            None => {}
        }
    }
    if let Some(mut p) = printer {
        p.finish(&summary)?;
    }
    if let Some(mut out) = raw.into_inner() {
        out.flush().context("cannot write the report")?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let shown_on_stdout =
        args.format == Format::Text && args.output.is_none() && io::stdout().is_terminal();
    if !args.quiet && !shown_on_stdout {
        eprintln!(
            "{}; {:.2} s ({}, {} job{})",
            summary.line(),
            elapsed,
            throughput(bytes.load(Ordering::Relaxed), elapsed),
            jobs_n,
            if jobs_n == 1 { "" } else { "s" }
        );
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
    let mut csv_out =
        (args.format == ExtractFormat::Csv).then(|| csv::Writer::from_writer(Vec::new()));
    let mut all = Vec::new();
    let expanded = expand(
        &args.input.files,
        &args.input.glob,
        false,
        args.input.input_format,
    )
    .map_err(|e| anyhow::anyhow!(e))?;
    for note in &expanded.notes {
        eprintln!("{note}");
    }
    let loader = Loader::new(args.input.fetch_options()?);
    for target in expanded.targets {
        let loaded = match target {
            Target::Doc(input) => loader.load(input),
            Target::Jsonl { name, .. } => Err(format!(
                "{name}: JSONL record streams are read by `numcheck check`"
            )),
            Target::Failed { message, .. } => Err(message),
        };
        let doc = match loaded {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                errors += 1;
                continue;
            }
        };
        let qs = doc.extract();
        for r in extract_records(&doc.name, &doc.original, &qs) {
            match args.format {
                ExtractFormat::Jsonl => {
                    serde_json::to_writer(&mut out, &r)?;
                    out.write_all(b"\n")?;
                }
                ExtractFormat::Json => all.push(r),
                ExtractFormat::Csv => {
                    if let Some(w) = csv_out.as_mut() {
                        w.serialize(&r)?;
                    }
                }
                ExtractFormat::Text => {
                    let unit = match (r.unit.as_deref(), r.per_unit.as_deref()) {
                        (Some(u), Some(per)) => format!(" [{u}/{per}]"),
                        (Some(u), None) => format!(" [{u}]"),
                        _ => String::new(),
                    };
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
    if args.format == ExtractFormat::Json {
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
