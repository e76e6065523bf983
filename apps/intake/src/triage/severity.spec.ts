import { EMERGENCY_SERVICES, SIZE_CLASSES, URGENCIES } from '@fq/domain';
import { assessSeverity } from './severity';
import { HELD_OUT, SEVERITY_FIXTURES, TRAINING } from './severity.labelled';
import { measureSeverity } from './severity.measure';
import { countsIn, parseNumber } from './severity.numbers';

const training = measureSeverity(TRAINING);
const heldOut = measureSeverity(HELD_OUT);

describe('severity fixtures', () => {
  it('are many and balanced enough: every class and every hand-off at least 8 times', () => {
    expect(SEVERITY_FIXTURES.length).toBeGreaterThanOrEqual(500);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(200);
    const times = (pred: (c: (typeof SEVERITY_FIXTURES)[number]) => boolean) => SEVERITY_FIXTURES.filter(pred).length;
    for (const u of URGENCIES) expect(times((c) => c.urgency === u)).toBeGreaterThanOrEqual(8);
    for (const s of SIZE_CLASSES) expect(times((c) => c.size === s)).toBeGreaterThanOrEqual(8);
    for (const h of EMERGENCY_SERVICES) expect(times((c) => c.handOff === h)).toBeGreaterThanOrEqual(8);
    expect(times((c) => c.reportUpward)).toBeGreaterThanOrEqual(8);
    expect(new Set(SEVERITY_FIXTURES.map((c) => c.text)).size).toBe(SEVERITY_FIXTURES.length);
  });
});

describe('assessSeverity accuracy', () => {
  // Floors at what the rules and model reach, so that a change that loses ground fails.
  it('on what the rules and the model learned from: never misses a report-upward', () => {
    expect(training.reportUpwardRecall).toBe(1);
    expect(training.reportUpwardPrecision).toBeGreaterThanOrEqual(0.97);
    expect(training.urgency).toBeGreaterThanOrEqual(0.95);
    expect(training.size).toBeGreaterThanOrEqual(0.93);
    expect(training.handOff).toBeGreaterThanOrEqual(0.95);
  });

  // The held-out batches were written by authors who never saw the rules and were used for nothing
  // else: the fair estimate on new wording (severity.labelled.ts). Regression floors, not a target.
  it('on the held-out batches: flags at least nine in ten report-upward requests, with at least the figures measured when it was written', () => {
    expect(heldOut.reportUpwardRecall).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.reportUpwardPrecision).toBeGreaterThanOrEqual(0.7);
    expect(heldOut.urgency).toBeGreaterThanOrEqual(0.75);
    expect(heldOut.size).toBeGreaterThanOrEqual(0.75);
    expect(heldOut.handOffRecall).toBeGreaterThanOrEqual(0.7);
  });
});

describe('assessSeverity', () => {
  it.each([
    ['两辆车在门口剐蹭了，没有人受伤，双方在吵谁的责任。', 'normal', null],
    ['刚才好像着火了，后来发现不是着火，是有人在烧纸。', 'normal', null],
    ['楼道里堆满了电动车，万一着火了跑都跑不出去。', 'normal', null],
    ['昨天下午小区停电了，晚上十点来电了，想问问为什么不提前通知。', 'normal', null],
    ['小区水管爆了，已经修好了，想问问谁来赔。', 'normal', null],
    ['我们小区门口天天晚上有人喝醉了打架，居民不敢出门。', 'normal', null],
    ['家里停水两天了，老人孩子没水用。', 'urgent', null],
    ['楼下饭店着火了，火苗往楼上窜。', 'emergency', '119'],
  ] as const)('reads negation, past, habit and hypothesis: %s', (text, urgency, handOff) => {
    expect(assessSeverity(text)).toMatchObject({ urgency, handOff });
  });

  it('does not take hyperbole or animals for a death', () => {
    for (const text of ['对面工地半夜打桩，吵死人了。', '广场舞太吵了，烦死了。', '我家狗被车撞死了，司机不赔。']) {
      expect(assessSeverity(text).reportUpward).toBe(false);
    }
    expect(assessSeverity('工人被砸死了，老板一直不赔。')).toMatchObject({ reportUpward: true, size: 'large' });
  });

  it('hands a scene to one service: fire before police before ambulance', () => {
    expect(assessSeverity('厨房着火了，有人受伤了。').handOff).toBe('119');
    expect(assessSeverity('两个人在打架，有人受伤了。').handOff).toBe('110');
    expect(assessSeverity('老人晕倒了，叫不醒。').handOff).toBe('120');
  });

  it('reads sizes from numbers written in Chinese or Arabic numerals', () => {
    expect(assessSeverity('村里三十多户的自来水管老化漏水。').size).toBe('medium');
    expect(assessSeverity('包工头拖欠工资20万元不给。').size).toBe('medium');
    expect(assessSeverity('欠了我们村一百二十万的土地租金。').size).toBe('large');
    expect(assessSeverity('三个村共用的水渠被人堵了。').size).toBe('large');
    expect(assessSeverity('上百人在村委会大院里等说法，情绪激动。')).toMatchObject({ size: 'large', reportUpward: true, urgency: 'emergency' });
    expect(assessSeverity('邻居家空调外机对着我家窗户。').size).toBe('small');
  });

  it('treats five visitors as a collective visit and fifty as one to report upward', () => {
    const text = '来访群众反映小区物业占用公共绿地建停车位。';
    expect(assessSeverity(text, { peopleCount: 4 })).toMatchObject({ size: 'small', reportUpward: false });
    expect(assessSeverity(text, { peopleCount: 5 })).toMatchObject({ size: 'medium', reportUpward: false });
    expect(assessSeverity(text, { peopleCount: 49 })).toMatchObject({ size: 'medium', reportUpward: false });
    const fifty = assessSeverity(text, { peopleCount: 50 });
    expect(fifty).toMatchObject({ size: 'large', reportUpward: true });
    expect(fifty.reasons.join()).toContain('集体访');
  });

  it('flags threats of extreme behaviour and of petitions beyond the county, and names why', () => {
    const jump = assessSeverity('再不给我工资我就从他公司楼上跳下去。');
    expect(jump).toMatchObject({ urgency: 'emergency', reportUpward: true, handOff: null });
    expect(jump.reasons).toContain('扬言极端行为');
    expect(assessSeverity('这次再不解决就去北京上访。')).toMatchObject({ urgency: 'complex', reportUpward: true });
    expect(assessSeverity('他说他不会跳楼的，就是想要个说法。').reportUpward).toBe(false);
  });

  it('gives the same answer twice and reads full-width text', () => {
    const text = '楼下ＫＴＶ门口有人打架。';
    expect(assessSeverity(text)).toEqual(assessSeverity(text));
    expect(assessSeverity(text).handOff).toBe('110');
  });
});

describe('parseNumber and countsIn', () => {
  it.each([
    ['三十', 30], ['十几', 13], ['几十', 30], ['好几', 3], ['上百', 100], ['近百', 90], ['七八', 7], ['二三十', 20],
    ['十五六', 15], ['一百二十万', 1_200_000], ['一万二', 12_000], ['一百零二', 102], ['两千', 2000], ['20万', 200_000], ['1.5万', 15_000],
  ] as const)('%s = %d', (raw, n) => {
    expect(parseNumber(raw)).toBe(n);
  });

  it('tells people, households, places and money apart', () => {
    expect(countsIn('三百多名职工的身份置换金')).toMatchObject({ people: 300 });
    expect(countsIn('涉及三十多户')).toMatchObject({ households: 30, people: 0 });
    expect(countsIn('3号楼二单元502家里着火了')).toMatchObject({ households: 0 });
    expect(countsIn('一家五口还住在里面')).toMatchObject({ households: 1 });
    expect(countsIn('周边七八个村的村民')).toMatchObject({ places: 7 });
    expect(countsIn('我们村和邻村')).toMatchObject({ places: 2 });
    expect(countsIn('拖欠工资20万元')).toMatchObject({ yuan: 200_000 });
    expect(countsIn('工人的工资，一共九十多万')).toMatchObject({ yuan: 900_000 });
    expect(countsIn('视频播放量几十万了')).toMatchObject({ yuan: 0 });
  });
});
