import { features, probability, train } from './severity.model';

describe('severity model', () => {
  it('reads character bigrams and trigrams, full-width folded and spaces dropped', () => {
    expect(features('着 火了')).toEqual(['着火', '火了', '着火了']);
    expect(features('ＫＴＶ')).toEqual(['kt', 'tv', 'ktv']);
    expect(features('火')).toEqual([]);
  });

  it('learns which wording marks a class and carries it to a text it has not seen', () => {
    const examples = [
      ...['屋里冒黑烟了', '厨房冒烟了快来', '仓库冒烟了', '楼道里冒浓烟'].map((text) => ({ text, positive: true })),
      ...['路灯不亮了', '垃圾没人清', '广场舞太吵', '小区停车难'].map((text) => ({ text, positive: false })),
    ];
    const model = train(examples);
    expect(probability(model, '车库里冒烟了')).toBeGreaterThan(0.5);
    expect(probability(model, '门口路灯坏了')).toBeLessThan(0.5);
  });

  it('gives the same weights for the same data', () => {
    const examples = [{ text: '着火了', positive: true }, { text: '路灯坏了', positive: false }];
    expect(probability(train(examples), '着火')).toBe(probability(train(examples), '着火'));
  });
});
