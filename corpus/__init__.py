"""A generated corpus for benchmarks (generate_corpus) and the benchmark's probe (bench_probe)."""
