/**
 * A learned second opinion beside the severity rules: logistic regression over the character
 * bigrams and trigrams of a request, trained on the labelled requests (fixtures/severity.json)
 * that are not held out. Rules name what they matched but miss new wording (见红, 嘴唇发紫, 屋顶都掀了
 * were all misses); character n-grams carry over to wording the rules' author never saw. Pure and
 * deterministic: the same data gives the same weights.
 */

export interface Model {
  bias: number;
  weights: ReadonlyMap<string, number>;
}

export interface Example {
  text: string;
  positive: boolean;
}

export interface TrainingOptions {
  epochs: number;
  rate: number;
  /** L2 shrinkage per step: keeps a rare n-gram from deciding on its own. */
  l2: number;
}

const DEFAULTS: TrainingOptions = { epochs: 30, rate: 0.5, l2: 1e-3 };

/** The distinct character bigrams and trigrams of the text, full-width folded, spaces dropped. */
export function features(text: string): string[] {
  const t = [...text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
  const grams = new Set<string>();
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= t.length; i++) grams.add(t.slice(i, i + n).join(''));
  return [...grams];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

/** A seeded shuffle (LCG), so training is repeatable. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Stochastic gradient descent on the log loss; each step scaled by 1/sqrt(number of n-grams). */
export function train(examples: readonly Example[], options: Partial<TrainingOptions> = {}): Model {
  const { epochs, rate, l2 } = { ...DEFAULTS, ...options };
  const data = examples.map((e) => ({ f: features(e.text), y: e.positive ? 1 : 0 }));
  const weights = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { f, y } of shuffled(data, epoch + 1)) {
      const g = sigmoid(bias + f.reduce((z, k) => z + (weights.get(k) ?? 0), 0)) - y;
      bias -= rate * g;
      const step = g / Math.sqrt(f.length || 1);
      for (const k of f) {
        const w = weights.get(k) ?? 0;
        weights.set(k, w - rate * (step + l2 * w));
      }
    }
  }
  return { bias, weights };
}

/** The model's probability that the text is positive. */
export function probability(model: Model, text: string): number {
  return sigmoid(features(text).reduce((z, k) => z + (model.weights.get(k) ?? 0), model.bias));
}
