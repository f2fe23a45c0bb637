//! Criterion benchmarks of the core over the 1 MB news corpus next to the repository
//! (`../shared/bench/corpus/news-1mb.txt`, or the file named by `NUMCHECK_BENCH_CORPUS`):
//! extraction alone, and `Checker::check_str` (extract + link + check), per document and
//! on the whole file as one document. Throughput is reported in bytes of text.
//!
//! `cargo bench --bench pipeline`. Without the corpus the benchmarks are skipped with a
//! message (the corpus is never copied into the repository). The end-to-end figures
//! (printing, `--jobs`, peak RSS) come from `cargo run --release --example bench`; see
//! docs/performance.md.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use numcheck::Checker;
use numcheck::extract::Extractor;
use numcheck::reference::{EMBEDDED_TABLES, TableSource, load_tables};
use numcheck::units::UnitTable;

fn corpus() -> Option<(PathBuf, String)> {
    let path = std::env::var_os("NUMCHECK_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/corpus/news-1mb.txt")
        });
    match std::fs::read_to_string(&path) {
        Ok(t) => Some((path, t)),
        Err(e) => {
            eprintln!(
                "pipeline benchmarks skipped: {}: {e} (set NUMCHECK_BENCH_CORPUS to a text file)",
                path.display()
            );
            None
        }
    }
}

fn checker() -> Checker {
    let sources: Vec<TableSource> = EMBEDDED_TABLES
        .iter()
        .map(|(p, t)| TableSource {
            path: p.to_string(),
            text: t.to_string(),
        })
        .collect();
    let (refs, diags) = load_tables(&sources, UnitTable::default_table());
    assert!(diags.is_empty(), "{diags:?}");
    Checker::new(refs)
}

fn pipeline(c: &mut Criterion) {
    let Some((_, text)) = corpus() else {
        return;
    };
    let docs: Vec<&str> = text
        .split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect();
    let extractor = Extractor::default_ref();
    let checker = checker();
    let mut g = c.benchmark_group("news-1mb");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(extractor.extract(d));
            }
        })
    });
    g.bench_function("check_str", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(checker.check_str(d));
            }
        })
    });
    g.bench_function("check_str_whole_file", |b| {
        b.iter(|| std::hint::black_box(checker.check_str(&text)))
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
