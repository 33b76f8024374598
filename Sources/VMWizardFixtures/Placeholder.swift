// Fixture builders shared by tests and benchmarks.
