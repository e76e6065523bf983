import { loadDataFile, parseData } from './load-data';
import { lexiconSchema } from './lexicon.schema';
import { severityRulesSchema } from './severity-rules.schema';

const rule = (over: Record<string, unknown> = {}) => ({ reason: '火情', re: '着火|起火', mode: 'now', urgency: 'emergency', handOff: '119', ...over });

describe("triage's data files", () => {
  it('loads the shipped rules and lexicon, patterns compiled', () => {
    const { rules } = loadDataFile('severity-rules.json', severityRulesSchema);
    expect(rules.length).toBeGreaterThan(40);
    expect(rules[0].re).toBeInstanceOf(RegExp);
    expect(rules[0].re.test('楼下着火了')).toBe(true);
    expect(rules.some((r) => r.re.flags === 'i')).toBe(true);
    expect(Object.keys(loadDataFile('lexicon.json', lexiconSchema))).toContain('C02-01');
  });

  it('refuses a bad rule with the file, the place and what is wrong', () => {
    const bad = { rules: [rule(), rule({ reason: '整栋楼', re: '(整栋', mode: 'soon', needs: '不存在' }), rule()] };
    const error = (() => {
      try {
        parseData('severity-rules.json', bad, severityRulesSchema);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    })();
    expect(error).toContain('Triage data file severity-rules.json is not valid');
    expect(error).toMatch(/rules\.1\.re: is not a regular expression/);
    expect(error).toMatch(/rules\.1\.mode: /);
    expect(error).not.toContain('rules.0');
  });

  it('refuses duplicate reasons and a "needs" that names no rule', () => {
    const run = (rules: unknown[]) => () => parseData('severity-rules.json', { rules }, severityRulesSchema);
    expect(run([rule(), rule()])).toThrow(/rules\.1\.reason: "火情" is the reason of an earlier rule too/);
    expect(run([rule(), rule({ reason: '火势较大', needs: '爆炸' })])).toThrow(/rules\.1\.needs: names "爆炸", which is no rule's reason/);
    expect(run([])).toThrow(/rules: /);
    expect(run([rule({ handOff: '911' })])).toThrow(/rules\.0\.handOff/);
  });

  it('refuses a lexicon entry with a bad code or no words', () => {
    expect(() => parseData('lexicon.json', { 'C1-1': { 3: '路灯' } }, lexiconSchema)).toThrow(/C1-1: must be a sub-item code/);
    expect(() => parseData('lexicon.json', { 'C02-01': {} }, lexiconSchema)).toThrow(/C02-01: must have words of at least one weight/);
    expect(() => parseData('lexicon.json', { 'C02-01': { 3: ' ' } }, lexiconSchema)).toThrow(/C02-01\.3: must list at least one word/);
  });

  it('says so when a file is missing', () => {
    expect(() => loadDataFile('no-such-file.json', lexiconSchema)).toThrow(/Triage data file .*no-such-file\.json cannot be read as JSON/);
  });
});
