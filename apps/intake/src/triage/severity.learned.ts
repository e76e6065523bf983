import { probability, train, type Model } from './severity.model';
import { TRAINING } from './severity.labelled';

/** The learned opinion on a request: the probability it is an emergency and that it must go upward. */
export interface LearnedOpinion {
  emergency: number;
  reportUpward: number;
}

let models: { emergency: Model; reportUpward: Model } | undefined;

/** Trained once from the labelled requests that are not held out (about 0.2 s; intake does it at boot). */
export function trained() {
  models ??= {
    emergency: train(TRAINING.map((c) => ({ text: c.text, positive: c.urgency === 'emergency' }))),
    reportUpward: train(TRAINING.map((c) => ({ text: c.text, positive: c.reportUpward }))),
  };
  return models;
}

export function learnedOpinion(text: string): LearnedOpinion {
  const m = trained();
  return { emergency: probability(m.emergency, text), reportUpward: probability(m.reportUpward, text) };
}
