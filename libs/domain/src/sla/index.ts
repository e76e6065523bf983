export * from './policy';
export * from './rules';
export { findRuleOverlaps, type RuleOverlap } from './overlap';
export * from './validate';
export * from './presets';
