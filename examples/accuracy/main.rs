//! Accuracy harness: scores `numcheck::extract::extract` on other extractors'
//! published test suites, each with that suite's own rules, and writes
//! docs/accuracy.md.
//!
//! ```text
//! cargo run --release --example accuracy -- [--suites PATH] [--out docs/accuracy.md]
//!     [--check-floors docs/accuracy-floors.json] [--write-floors docs/accuracy-floors.json]
//! ```

mod common;
mod duckling;
mod measeval;
mod newsquant;
mod quantulum;
mod recognizers;
mod report;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Result, bail};
use clap::Parser;

use common::{Ctx, SuiteResult, UnitMap, UnitTable};

#[derive(Parser, Debug)]
#[command(about = "Score the extractor on peer extractors' test suites")]
struct Args {
    /// Folder with the peer suites (INDEX.md, cqe-newsquant/, recognizers-text/, ...).
    /// Default: ../shared/peer-suites relative to the repository root.
    #[arg(long)]
    suites: Option<PathBuf>,
    /// Markdown report to write (relative to the current directory).
    #[arg(long, default_value = "docs/accuracy.md")]
    out: PathBuf,
    /// Fail (exit 1) when any score is below its floor in this JSON file.
    #[arg(long)]
    check_floors: Option<PathBuf>,
    /// Write the current scores, rounded down to 0.1, as the new floors.
    #[arg(long)]
    write_floors: Option<PathBuf>,
    /// Unit mapping table (suite unit names -> our unit ids).
    #[arg(long)]
    unit_map: Option<PathBuf>,
    /// Our unit table (default: data/units.csv of the repository).
    #[arg(long)]
    units: Option<PathBuf>,
    /// Only run suites whose id contains this text (e.g. "newsquant").
    #[arg(long)]
    only: Option<String>,
    /// Do not write the report.
    #[arg(long)]
    no_report: bool,
    /// Print the extractor's output for this text as JSON lines and exit (debugging aid).
    #[arg(long)]
    dump: Option<String>,
    /// Time extraction alone on this file (best of 5 runs, single thread) and exit.
    #[arg(long)]
    bench: Option<PathBuf>,
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extract(text: &str) -> Vec<numcheck::model::Quantity> {
    numcheck::extract::extract(text)
}

fn main() -> Result<()> {
    let args = Args::parse();
    if let Some(path) = &args.bench {
        let text = std::fs::read_to_string(path)?;
        let mut best = f64::INFINITY;
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            n = extract(&text).len();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{}: {} bytes, {n} quantities, extraction {:.1} ms = {:.0} MB/s",
            path.display(),
            text.len(),
            best * 1e3,
            text.len() as f64 / best / 1e6
        );
        return Ok(());
    }
    if let Some(text) = &args.dump {
        for q in extract(text) {
            println!(
                "{}  {}",
                serde_json::to_string(&q)?,
                common::slice(text, q.span)
            );
        }
        return Ok(());
    }
    let root = repo_root();
    let suites = args
        .suites
        .clone()
        .unwrap_or_else(|| root.join("../shared/peer-suites"));
    if !suites.join("INDEX.md").exists() {
        bail!(
            "{} does not look like the peer-suites folder (no INDEX.md)",
            suites.display()
        );
    }
    let units_path = args
        .units
        .clone()
        .unwrap_or_else(|| root.join("data/units.csv"));
    let map_path = args
        .unit_map
        .clone()
        .unwrap_or_else(|| root.join("examples/accuracy/unit_map.csv"));
    let units = UnitTable::load(&units_path)?;
    let map = UnitMap::load(&map_path)?;
    let stale = map.unknown_ids(&units);
    if !stale.is_empty() {
        eprintln!(
            "warning: unit_map.csv names ids missing from units.csv: {}",
            stale.join(", ")
        );
    }
    let ctx = Ctx {
        units,
        map,
        extract,
        panics: std::cell::Cell::new(0),
        unmapped: Default::default(),
    };
    // A panicking extractor is counted, not fatal; keep its messages short.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::env::var_os("ACCURACY_PANIC_TRACE").is_some() {
            default_hook(info);
        }
    }));

    let started = Instant::now();
    let mut results: Vec<SuiteResult> = Vec::new();
    let want = |id: &str| args.only.as_deref().is_none_or(|o| id.contains(o));
    type Runner = fn(&Ctx, &Path) -> Result<Vec<SuiteResult>>;
    let runners: [(&str, Runner); 5] = [
        ("cqe-newsquant", newsquant::run),
        ("recognizers-text", recognizers::run),
        ("quantulum3", quantulum::run),
        ("duckling", duckling::run),
        ("measeval", measeval::run),
    ];
    for (id, run) in runners {
        if !want(id) {
            continue;
        }
        let t = Instant::now();
        let mut r = run(&ctx, &suites.join(id))?;
        eprintln!("{id}: {:.2}s", t.elapsed().as_secs_f64());
        results.append(&mut r);
    }
    let elapsed = started.elapsed().as_secs_f64();

    report::print_summary(&results);
    eprintln!("scored in {elapsed:.2}s");
    if ctx.panics.get() > 0 {
        eprintln!(
            "warning: the extractor panicked on {} inputs (counted as empty output; set ACCURACY_PANIC_TRACE=1 to see them)",
            ctx.panics.get()
        );
    }
    if !args.no_report {
        let md = report::markdown(&results, &ctx);
        if let Some(dir) = args.out.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&args.out, md)?;
        eprintln!("wrote {}", args.out.display());
    }
    if let Some(p) = &args.write_floors {
        report::write_floors(&results, p)?;
        eprintln!("wrote floors {}", p.display());
    }
    if let Some(p) = &args.check_floors {
        let below = report::check_floors(&results, p, args.only.is_none())?;
        if !below.is_empty() {
            for b in &below {
                eprintln!("BELOW FLOOR: {b}");
            }
            std::process::exit(1);
        }
        eprintln!("all scores at or above the floors in {}", p.display());
    }
    Ok(())
}
