//! Criterion benchmarks of the pipeline (filled in below).
fn main() {}
