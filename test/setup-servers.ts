// Suites against real servers wait on real things (Kafka rebalances, workflow bundling).
jest.setTimeout(120_000);
