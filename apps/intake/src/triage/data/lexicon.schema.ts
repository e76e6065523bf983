import { z } from 'zod';

const words = z.string().trim().min(1, 'must list at least one word (space-separated)');
const entry = z.strictObject({ 3: words.optional(), 2: words.optional(), 1: words.optional() }).refine((e) => e[1] || e[2] || e[3], 'must have words of at least one weight');

/** `lexicon.json`: per sub-item code (C01-01), words by weight 3, 2, 1 (see lexicon.ts). */
export const lexiconSchema = z.record(z.string(), entry).superRefine((lexicon, ctx) => {
  for (const code of Object.keys(lexicon)) {
    if (!/^C\d{2}-\d{2}$/.test(code)) ctx.addIssue({ code: 'custom', path: [code], message: 'must be a sub-item code like C01-01' });
  }
});
