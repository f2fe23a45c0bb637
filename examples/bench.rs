//! End-to-end throughput of the whole pipeline (extract, link, check, JSONL printing into
//! a sink) over a corpus file, single-threaded and with `--jobs N`, and the peak RSS.
//!
//! ```sh
//! cargo run --release --example bench -- [CORPUS] [--jobs N] [--runs K] [--format F]
//! ```
//!
//! CORPUS defaults to `../shared/bench/corpus/news.txt` next to the repository (never copy
//! it into the repository). It is split into documents at blank lines (one article per
//! paragraph block) and the documents go through the same batch runner as `numcheck
//! check --jobs N` (`numcheck::input::batch::ordered_parallel`: checking on a rayon pool,
//! printing in input order on the calling thread). Each figure is the best of K runs
//! (default 3) in MB/s of input text. Stage figures (extract only; extract + link +
//! check) show where the time goes. `--once` runs the pipeline once on one thread (or
//! with the first `--jobs N`) and nothing else, for a profiler (`valgrind --tool=callgrind`).

// Results are built on a worker thread and dropped on the calling thread after printing;
// with glibc's allocator those cross-thread frees contend with the worker's allocations
// and made the `--jobs 2` figures erratic (1.6-1.9x); mimalloc keeps it at ~1.85x (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io;
use std::path::PathBuf;
use std::time::Instant;

use numcheck::Checker;
use numcheck::extract::Extractor;
use numcheck::input::batch::{WINDOW_PER_JOB, ordered_parallel};
use numcheck::reference::{TableSource, embedded_sources, load_tables};
use numcheck::report::{Document, Format, Summary, make_printer};
use numcheck::units::UnitTable;

struct Args {
    corpus: PathBuf,
    jobs: Vec<usize>,
    runs: usize,
    format: Format,
    /// Run the pipeline once, single-threaded, and nothing else (for profilers).
    once: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench [CORPUS] [--jobs N]... [--runs K] [--once] [--format jsonl|json|csv|text|html|markdown|sarif|rdjsonl|w3c]"
    );
    std::process::exit(2)
}

fn args() -> Args {
    let mut a = Args {
        corpus: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/corpus/news.txt"),
        jobs: Vec::new(),
        runs: 3,
        format: Format::Jsonl,
        once: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--jobs" | "-j" => a.jobs.push(
                it.next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage()),
            ),
            "--runs" => {
                a.runs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--format" => {
                let f = it.next().unwrap_or_else(|| usage());
                a.format = clap::ValueEnum::from_str(&f, true).unwrap_or_else(|_| usage());
            }
            "--once" => a.once = true,
            "-h" | "--help" => usage(),
            s if s.starts_with('-') => usage(),
            s => a.corpus = PathBuf::from(s),
        }
    }
    if a.jobs.is_empty() && !a.once {
        let n = std::thread::available_parallelism().map_or(2, |n| n.get());
        a.jobs.push(n.max(2));
    }
    a.runs = a.runs.max(1);
    a
}

/// Peak resident set size of this process in kB (`VmHWM`), if the kernel reports it.
fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Documents of the corpus: blocks separated by blank lines.
fn documents(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect()
}

/// CPU time used by the whole process so far (all threads, also finished ones), in s.
fn process_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the pointer we pass.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return f64::NAN;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Timings of `runs` runs of `f`: the best wall time and the best CPU time (whole
/// process), and the median wall time, in s. On a busy machine the wall time includes
/// waiting for a core; the CPU time does not.
struct Timing {
    wall: f64,
    cpu: f64,
    median_wall: f64,
}

fn best(runs: usize, mut f: impl FnMut()) -> Timing {
    let mut walls = Vec::with_capacity(runs);
    let mut cpu = f64::INFINITY;
    for _ in 0..runs {
        let (t, c) = (Instant::now(), process_cpu());
        f();
        walls.push(t.elapsed().as_secs_f64());
        cpu = cpu.min(process_cpu() - c);
    }
    walls.sort_by(f64::total_cmp);
    Timing {
        wall: walls[0],
        cpu,
        median_wall: walls[walls.len() / 2],
    }
}

fn line(label: &str, mb: f64, t: &Timing) {
    println!(
        "{label:<42} {:8.2} MB/s wall ({:.3} s), {:8.2} MB/s of CPU time ({:.3} s); median run {:.2} MB/s",
        mb / t.wall,
        t.wall,
        mb / t.cpu,
        t.cpu,
        mb / t.median_wall
    );
}

/// The whole pipeline as `numcheck check --jobs N` runs it: check on the pool, print in
/// input order on this thread, into a sink.
fn pipeline(checker: &Checker, docs: &[&str], jobs: usize, format: Format) -> Summary {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("rayon pool");
    let mut printer = make_printer(format, Box::new(io::sink()), false);
    let mut summary = Summary::default();
    let items = docs.iter().enumerate().map(|(i, d)| (i, *d));
    ordered_parallel(
        &pool,
        items,
        jobs * WINDOW_PER_JOB,
        |text: &str| (text, checker.check_str(text)),
        |i, result| {
            let (text, anns) = result.expect("no panic");
            summary.add(&anns);
            let path = format!("news#{}", i + 1);
            printer
                .document(&Document {
                    path: &path,
                    text,
                    annotations: &anns,
                })
                .expect("sink");
        },
    );
    printer.finish(&summary).expect("sink");
    summary
}

fn main() {
    let a = args();
    let text = match std::fs::read_to_string(&a.corpus) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "{}: cannot read the corpus: {e} (pass a path; see docs/performance.md)",
                a.corpus.display()
            );
            std::process::exit(2);
        }
    };
    let sources: Vec<TableSource> = embedded_sources();
    let (refs, diags) = load_tables(&sources, UnitTable::default_table());
    assert!(diags.is_empty(), "embedded tables: {diags:?}");
    let checker = Checker::new(refs);
    let extractor = Extractor::default_ref();
    let docs = documents(&text);
    let mb = text.len() as f64 / 1e6;
    if a.once {
        let t = Instant::now();
        let summary = pipeline(
            &checker,
            &docs,
            a.jobs.first().copied().unwrap_or(1),
            a.format,
        );
        let t = t.elapsed().as_secs_f64();
        println!("{}; {:.2} MB/s", summary.line(), mb / t);
        return;
    }
    println!(
        "corpus: {} ({:.2} MB, {} documents); best of {} runs; output {:?} into a sink",
        a.corpus.display(),
        mb,
        docs.len(),
        a.runs,
        a.format
    );

    // Warm up (lazy tables, page cache) and count what the corpus holds.
    let summary = pipeline(&checker, &docs, 1, a.format);
    let quantities: usize = docs.iter().map(|d| extractor.extract(d).len()).sum();
    println!("found: {quantities} quantities; {}", summary.line());

    let t = best(a.runs, || {
        for d in &docs {
            std::hint::black_box(extractor.extract(d));
        }
    });
    line("extract only, 1 thread:", mb, &t);
    let t = best(a.runs, || {
        for d in &docs {
            std::hint::black_box(checker.check_str(d));
        }
    });
    line("extract+link+check, 1 thread:", mb, &t);
    let t = best(a.runs, || {
        std::hint::black_box(checker.check_str(&text));
    });
    line("extract+link+check, whole file as 1 doc:", mb, &t);
    let single = best(a.runs, || {
        pipeline(&checker, &docs, 1, a.format);
    });
    line("pipeline, --jobs 1:", mb, &single);
    for &j in &a.jobs {
        let t = best(a.runs, || {
            pipeline(&checker, &docs, j, a.format);
        });
        line(&format!("pipeline, --jobs {j}:"), mb, &t);
        println!(
            "{:<42} {:.2}x the wall-clock throughput of --jobs 1 (median runs: {:.2}x)",
            "",
            single.wall / t.wall,
            single.median_wall / t.median_wall
        );
    }
    if let Ok(l) = std::fs::read_to_string("/proc/loadavg") {
        println!(
            "load average at the end: {} (other processes compete for the cores when above 0)",
            l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
        );
    }
    match peak_rss_kb() {
        Some(kb) => println!("peak RSS (VmHWM): {:.1} MB", kb as f64 / 1024.0),
        None => println!("peak RSS: not available (no /proc/self/status)"),
    }
}
