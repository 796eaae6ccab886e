// Placeholder entry point; the benchmarks arrive with the performance work.
return 0;
