import type { EmergencyService, SizeClass, UrgencyClass } from '@fq/domain';

/**
 * How a match is read:
 * - `now`: an event in progress. It does not count when negated (不是着火), hypothetical (万一着火),
 *   planned or threatened (扬言要拿刀), in the past (上个月被偷), or resolved later in the text
 *   (已经修好了, 后来发现是烧纸).
 * - `fact`: something that happened or is the case, whenever. Negated or hypothetical does not count.
 * - `threat`: what someone says they will do (再不给钱就跳楼, 要去北京上访). Only a negation cancels it.
 */
export type Mode = 'now' | 'fact' | 'threat';

export interface Rule {
  /** Shown to the dispatcher as what was matched. */
  reason: string;
  re: RegExp;
  mode: Mode;
  urgency?: UrgencyClass;
  /** At least this size. */
  size?: SizeClass;
  reportUpward?: true;
  handOff?: EmergencyService;
  /** Counts only when another rule (named by its reason) counts too. */
  needs?: string;
  /** Counts only when the text or the hints name at least this many people. */
  minPeople?: number;
  /** Does not count when the few characters before the match have this: 要出人命 is a warning. */
  notAfter?: RegExp;
  /** Does not count when the clause has this: 狗被撞死 is not a death in the sense that matters. */
  notWith?: RegExp;
  /** Counts only when the text also has this somewhere (寒潮 for a person out in the cold). */
  alsoIn?: RegExp;
  /** Does not count when the text has this anywhere (敲门没人应 beside a fire means nobody is home). */
  notIn?: RegExp;
}

/** 吵死人了, 热死了 are complaints, 迟早要出人命 a warning: neither is a death. */
const HYPERBOLE_OR_WARNING = /要|会|迟早|早晚|可能|[吵烦气热冷冻吓累急臭饿困笑忙疼痛闷愁]$/;
/** Any character but a clause boundary: keeps a plan word and its target in one clause. */
const SAME_CLAUSE = String.raw`[^，。；！？,;!?]`;
/** Where a group goes to press a demand. */
const GROUP_TARGET = String.raw`(?:上访|去.{0,4}(?:政府|县委|市委|区委|省委|信访局|门口|办|局|找领导)|去[市省县区镇]里|讨说法|讨要|讨薪|去${SAME_CLAUSE}{0,6}[堵围闹]|[堵围](?:门|路|大门|住)|静坐|拉横幅)`;
/** Water, power, gas or heating not supplied. */
const SUPPLY_CUT = String.raw`停水|断水|没水(?:用|喝)|自来水停|停电|断电|没电了|(?:都|还|一直|全)没(?:电|水)|停气|燃气停|停暖|(?:电|水)${SAME_CLAUSE}{0,10}没了|(?:燃气|天然气|煤气|水|电)${SAME_CLAUSE}{0,8}给?停了|水压(?:低|小|不足)|上不去水|不出水|(?:做饭|洗澡)都不行|做不了饭|(?:点|打)不着火?|不给(?:供暖|供水|供电|通气)|停供|水里有.{0,2}(?:虫|异物)|水(?:发黄|发臭|浑浊)|没法喝|不能喝|喝不了|暖气.{0,6}(?:不热|凉|冰|不达标)`;
/** Utilities and daily-life outages. */
const OUTAGE = String.raw`${SUPPLY_CUT}|暖气(?:片|管道?)?.{0,3}(?:漏|爆)|温度.{0,4}不达标|屋里(?:才|只有)?[\d一二三四五六七八九十几]+度|电梯.{0,6}(?:坏|停|故障)|下水道.{0,4}(?:堵|反水|冒)|(?:污|粪)水.{0,6}(?:冒|漫|倒灌|流到|溢)|化粪池.{0,6}[满冒]|(?:水管|管道).{0,3}[爆裂]|(?:地板|屋里|家里|电器|家具)[全都]?被?(?:泡|淹)了|天花板.{0,4}漏|积水.{0,6}(?:深|过不去|蹚水)|(?:红绿灯|信号灯).{0,4}坏`;
const ANIMALS_AND_CROPS = /狗|猫|鸡|鸭|鹅|鱼|羊|猪|牛|兔|鸟|麦|苗|树|庄稼|菜|花|草/;

export const RULES: readonly Rule[] = [
  // 119: fire, explosion, gas or chemical leak, people trapped.
  {
    reason: '火情',
    re: /(?<![点打]不)着火|起火|失火|火灾|烧起来|烧着了|自燃|火势|火苗|火光|冒火(?![星花])|大火|浓烟|冒(?:黑|白|浓)?烟|黑烟|烧焦|焦糊|糊味|烧塑料的?味|烟雾报警/,
    mode: 'now', urgency: 'emergency', handOff: '119',
    // A chimney or exhaust that smokes every day is pollution to report, not a fire.
    notWith: /烟囱|排气管|尾气|天天|每天|经常|烧秸秆|焚烧|烧垃圾|烧烤/,
  },
  { reason: '火势较大', re: /火势.{0,4}(?:大|猛|蔓延)|大火|火越来越大|浓烟滚滚|烧得很旺|一人多高|窜得?(?:老|很)?高|好几[个家间].{0,6}(?:烧起来|着了|着火)/, mode: 'now', urgency: 'emergency', handOff: '119', size: 'medium', reportUpward: true },
  {
    reason: '人员密集场所火情',
    re: /幼儿园|学校|[中小]学|食堂|医院|养老院|敬老院|商场|市场|集市|赶集|宾馆|酒店|ktv|网吧|车站|公交|地铁|影院|厂房|车间/i,
    mode: 'fact', needs: '火情', size: 'medium', reportUpward: true,
  },
  { reason: '火场有人未撤出', re: /没(?:跑)?出来|被困|困在|(?:里面|屋里)还?有人|人还在里面|瘫痪|卧床/, mode: 'now', needs: '火情', reportUpward: true },
  { reason: '爆炸', re: /爆炸|炸开了|(?<![气])炸了(?![他她你])|[锅炉罐瓶].{0,3}爆了|一声巨响|(?:屋顶|房顶)都?被?掀了/, mode: 'now', urgency: 'emergency', handOff: '119', size: 'large', reportUpward: true },
  {
    reason: '燃气/危化品泄漏',
    re: /(?:煤气|燃气|天然气|液化气)(?:罐|管道?|瓶|灶|表)?.{0,3}(?:泄露|漏气|漏了|(?<![点打]不)着火|起火|爆)|漏气|(?:煤气|燃气|天然气|液化气)的?味|(?<!信息|隐私|数据)泄漏|(?:氨气|氯气|硫化氢|毒气|化学品|危化品).{0,3}泄露|(?:煤气|燃气|天然气|液化气)[^，。；]{0,10}(?:嘶嘶|一直响)|不敢(?:开灯|打火|点火|开开关)|(?:化工|农药|化学|不明)[^。]{0,16}(?:渗|漏|往外冒|流出)|桶[^，。]{0,10}(?:渗|漏|往外冒)|罐[^，。]{0,8}(?:嗤嗤|冒白气|往外冒)|不明液体/,
    mode: 'now', urgency: 'emergency', handOff: '119', size: 'large', reportUpward: true,
  },
  {
    reason: '人员被困',
    re: /困在.{0,10}[里中内]|困人|被困住|卡在.{0,16}出不来|卡住了|卡着.{0,3}人|被卡|车门.{0,6}打不开|掉进.{0,4}(?:井|河|水|坑|沟|池)|掉(?:到|在)?(?:水|河|井|塘|池|沟)里|落水|溺水|(?:人|老人|孩子)出不来|压着.{0,6}人|压在.{0,8}(?:下面|底下)|被埋|埋在|电梯[^。]{0,16}(?:关着|困着|卡住)[^。]{0,10}(?:人|孕妇|老人|孩子)/, mode: 'now', urgency: 'emergency', handOff: '119' },
  { reason: '洪水或积水危及人员', re: /漫上来|没过(?:膝盖|腰|胸)|被水围|洪水|山洪|涨水|水库.{0,4}放水/, mode: 'now', urgency: 'emergency' },
  { reason: '多人处于危险中', re: /漫上来|没过(?:膝盖|腰|胸)|被水围|洪水|山洪|涨水|没撤/, mode: 'now', minPeople: 10, size: 'medium', reportUpward: true },

  // 110: crime in progress, violence, missing people, a fraud under way, someone about to jump.
  {
    reason: '暴力或治安警情',
    re: /打架|斗殴|打人|打我|砸人|行凶|伤人|动刀|[在又]打(?:我|人|她|他|孩子)|殴打|打起来|砍人|砍伤|捅伤|捅人|刺伤|持刀|拿刀|拿[着了]?把?.{0,3}(?:刀|镰刀|斧头|棍|砖头|铁锹|锄头)|抢劫|抢了|抢包|抢走|小偷|偷东西|正在偷|在偷|偷(?:我|了我)|扒窃|扒手|被打了|推搡|扭打|厮打|撕扯|动手了|打成一团|尾随|跟着(?:我|她|一个)|露阴|耍流氓|偷拍|撬.{0,6}门|撬锁|入室|砸车|[砸摔]东西|打砸|绑架|拐卖|拐走|猥亵|跟着我|跟踪|不给就打|关在.{0,8}不让|不让[她他我]?出来|电鱼|捅了|被捅|挨了一刀|砍了.{0,2}刀|撬[^，。]{0,8}锁|偷(?:车|电动车|电瓶|摩托)|鬼鬼祟祟|打得.{0,4}(?:流血|出血)|(?:被|让)人.{0,4}打了/,
    mode: 'now', urgency: 'emergency', handOff: '110',
  },
  { reason: '聚众斗殴', re: new RegExp(`两伙|几伙|两拨人|两帮人|群殴|聚众|械斗|一群人.{0,30}被打|双方${SAME_CLAUSE}{0,8}(?:推搡|打起来|扭打|动手|对峙)`), mode: 'now', urgency: 'emergency', handOff: '110', size: 'medium', reportUpward: true },
  { reason: '村与村冲突', re: /打了|打起来|动手了|打伤|械斗/, alsoIn: /两个?村|邻村|两村/, mode: 'now', urgency: 'emergency', handOff: '110', size: 'medium', reportUpward: true },
  { reason: '持械危害公共安全', re: /[刀棍斧].{0,6}(?:乱挥|乱砍|见人就)|乱砍/, mode: 'now', urgency: 'emergency', handOff: '110', reportUpward: true },
  { reason: '独居或闭门不应，疑似出事', re: /敲门(?:也)?(?:不开|不应|没人应|没反应)|门缝里?有.{0,3}(?:怪味|臭味)|几天没(?:见|看到|看见)?[她他人]?出门|(?:独居|一个人(?:在|住))[^。]{0,16}(?:都?没人接|联系不上|打不通)/,
    notIn: /着火|起火|火[苗光势]|冒.{0,2}烟|黑烟|烧起来|烧着/, mode: 'now', urgency: 'emergency', handOff: '110', reportUpward: true },
  { reason: '人员走失', re: /走丢|走失|(?:孩子|小孩|老人|我妈|我爸|儿子|女儿|老伴|孙子|孙女|外孙|娃|闺女|老爷子|老太太|奶奶|爷爷)[^。]{0,30}(?:没回来|找不到|不见了|没找到|找不着)|人就不见了/, mode: 'now', urgency: 'emergency', handOff: '110' },
  { reason: '正在被诈骗', re: /安全账户|涉嫌洗钱|冒充公检法|冒充.{0,10}(?:收|骗|上门|敲门)|挨家.{0,3}(?:敲门|收钱)/, mode: 'now', urgency: 'emergency', handOff: '110' },
  {
    reason: '现场轻生或自伤',
    re: /(?:站在|爬上|坐在).{0,12}(?:楼顶|天台|桥上|桥栏|护栏|栏杆|窗台|塔吊|河边|江边)|(?:楼顶|天台|桥栏|栏杆|窗台|塔吊|房顶)[上边]?(?:站|坐|蹲|趴)着|腿.{0,3}伸到外面|(?:拿着|提着|拎着|带着|浇了|身上).{0,4}汽油/,
    mode: 'now', urgency: 'emergency', handOff: '110', reportUpward: true,
  },

  // 120: medical emergencies.
  {
    reason: '急症或受伤',
    re: /晕倒|昏倒|晕过去|昏迷|不省人事|叫不醒|没有?反应|休克|心脏病(?:犯|发作)|胸口疼|胸痛|心梗|脑梗|中风|抽搐|呼吸困难|喘不上气|没有?呼吸|没气了|大出血|血止不住|血流了一地|流了很多血|都是血|口吐白沫|起不来|上吐下泻|中毒|噎住|羊水破|难产|不清醒|躺在地上不动|躺在?地上|高烧|被.{0,2}咬了|受伤|骨折|头破血流|摔破|说不出话|动不了|冒冷汗|迷迷糊糊|意识不清|神志不清|喘不过气|胸闷|疼得(?:打滚|受不了)|站不住|站不稳|(?:一直|好几次)吐|吐了好几次|吐血|被.{0,6}撞了|撞伤|误吞|误食|(?:都|满脸|满身|浑身|全)是血|见红|(?:怀孕|孕妇)[^。]{0,12}(?:疼|血|破水)|好多血|很多血|一滩血|血流不止|流血不止|(?:嘴唇|脸色?)发紫|(?:人|他|她|老人|大爷|大妈|大哥|大姐|师傅|孩子|小孩|工人)[^，。]{0,6}(?:倒地|倒在地上|栽倒)|反应都没有|(?:叫|喊)[^，。]{0,4}(?:不醒|不应)|身上冰凉|(?:喝|吃|吞)了[^，。]{0,4}(?:农药|安眠药|老鼠药|百草枯|敌敌畏)|打滚|中暑|热晕|快不行了|人不行了/,
    mode: 'now', urgency: 'emergency', handOff: '120',
  },
  {
    reason: '儿童受伤',
    re: /(?:孩子|小孩|孙子|孙女|学生|儿童|娃|小朋友)[^。]{0,24}(?:砸|撞|摔|咬|烫|烧)[^。]{0,10}(?:头|好多血|很多血|昏|不醒|骨折)/,
    mode: 'now', urgency: 'emergency', handOff: '120', reportUpward: true,
  },
  { reason: '有毒气体致人不适', re: /刺鼻|毒气|有毒气体|熏得/, mode: 'now', needs: '急症或受伤', urgency: 'emergency', handOff: '119', size: 'medium', reportUpward: true },
  { reason: '多人同时发病或中毒', re: /上吐下泻|中毒|晕倒|发烧|不舒服|肚子疼|在吐|呕吐|拉肚子/, mode: 'now', minPeople: 5, reportUpward: true },

  // Casualties, whenever they happened.
  {
    reason: '死亡',
    re: /死亡|身亡|遇难|丧生|丧命|出了?人命|死人了|(?:当场|人)就?没了|[砸撞压摔淹烧电打捅砍治毒]死/,
    mode: 'fact', urgency: 'complex', size: 'large', reportUpward: true, notAfter: HYPERBOLE_OR_WARNING, notWith: ANIMALS_AND_CROPS,
  },
  {
    reason: '重伤',
    re: /重伤|伤势.{0,2}(?:严重|较重|很重)|伤得(?:很|特别)?重|生命危险|昏迷|不清醒|躺在地上不动|没有?呼吸|没气了|血流了一地|流了很多血|(?:都|满脸|满身|浑身|全)是血|头破血流|流血|躺在?地上(?:不动|了)|砍伤|捅伤|刺伤|(?:[几多两三四五六七八九十]|好几)+个?人.{0,6}(?:受伤|打伤|砍伤)|多人受伤|捅了|被捅|挨了一刀|砍了.{0,2}刀/,
    mode: 'fact', reportUpward: true,
  },

  // Life or property at risk now, nobody to hand off to.
  { reason: '重大安全隐患（倒塌、塌陷、管涌）', re: /倒塌|坍塌|塌陷|塌了|垮塌|倾斜|管涌|决堤|溃坝|滑坡|泥石流|随时(?:要|会|可能)?[倒塌]|(?:桥|桥墩|桥面|堤|坝)[^，。；！？,;!?]{0,8}(?:裂缝|大洞|冲垮|冲坏|掏空)|(?:塔吊|楼|房子?|墙|脚手架|广告牌)[^，。]{0,2}歪了|地基.{0,4}沉|往下沉|采空区|陷下去|往下陷|下陷|承重墙|(?:外墙|墙体|楼体|房梁|楼板|天花板|柱子)[^，。]{0,4}(?:裂|塌)|掉砖/,
    mode: 'now', urgency: 'emergency', size: 'large', reportUpward: true,
    // A hole in the road surface is a hazard to mend within the day (below), not a collapse.
    notWith: /(?:路面|路上|马路|路中间)[^，。]{0,3}(?:塌|陷)[^，。]{0,4}(?:坑|洞)/,
  },
  { reason: '道路坑洞危及通行', re: /(?:路面|路上|马路|路中间|路口|道路)[^，。]{0,6}(?:塌|陷|大坑|大洞)|已经有.{0,6}(?:爆胎|摔倒|摔伤|翻)/, mode: 'now', urgency: 'urgent' },
  {
    reason: '树木或杆线将倒',
    re: /(?:树|电线杆|杆子|广告牌|招牌)[^，。]{0,8}(?:刮歪|歪了|要倒|快倒|翘起来)|随时(?:会|要|可能)?(?:砸|倒)/,
    mode: 'now', urgency: 'urgent',
  },
  {
    reason: '寒冷或高温危及人员',
    re: /(?:老人|流浪汉|五保户|独居|奶奶|爷爷|环卫工|工人|孩子|小孩)[^。]{0,30}(?:冻坏|冻伤|冻僵|快冻|冷|单衣|穿得(?:很|太)?少|中暑|晕|漏)/,
    alsoIn: /寒潮|降温|零下|大冷天|下雪|高温|三十[七八九]度|四十度|[34]\d度/,
    mode: 'now', urgency: 'urgent',
  },
  {
    reason: '井盖缺失、电线落地或树木断裂',
    re: /井盖.{0,4}(?:没了|丢|缺失|偷|翻)|(?:电线|高压线|电缆).{0,8}(?:地上|落地|掉|断)|电线杆.{0,4}[倒断]|树.{0,10}[断倒].{0,10}(?:悬|压|砸|挡)|悬在半空|随时(?:会|要|可能)?掉|摇摇欲坠|砸到人/,
    mode: 'now', urgency: 'emergency',
  },

  // Group incidents, extreme behaviour, petitions beyond the county, online opinion.
  { reason: '人员聚集或围堵', re: /聚集|围堵|堵门|堵路|堵在.{0,8}(?:门口|政府|大门|路上|路口|售楼处)|围在|拦在|拦住|围住|僵持|静坐|拉着?横幅|对峙|门口坐着|门口.{0,3}[坐堵围]着/, mode: 'now', urgency: 'emergency', size: 'large', reportUpward: true },
  { reason: '人多且情绪激动', re: /情绪.{0,3}激动|等说法/, mode: 'now', minPeople: 10, urgency: 'emergency', size: 'large', reportUpward: true },
  {
    reason: '群体性事件苗头',
    re: new RegExp(`(?:集体|一起|组织|约着|大家|大伙|联合起来|组团|商量|群里|村民们|业主们|工人们|家长们|职工们)${SAME_CLAUSE}{0,12}${GROUP_TARGET}|集体上访|集体讨薪|接龙报名|说要一起|要一起来|串联|煽动|鼓动大家`),
    mode: 'threat', urgency: 'complex', size: 'large', reportUpward: true,
  },
  {
    reason: '多人扬言聚集',
    re: new RegExp(`(?:说要|要去|准备|打算|计划|扬言)${SAME_CLAUSE}{0,10}${GROUP_TARGET}`),
    mode: 'threat', minPeople: 5, urgency: 'complex', size: 'large', reportUpward: true,
  },
  { reason: '扬言进京或赴省上访', re: /[去到进上跑](?:北京|京城|省里|省城|省委|省政府|中央)|进京|赴省|赴京|越级上访/, mode: 'threat', urgency: 'complex', reportUpward: true },
  { reason: '多人扬言进京或赴省', re: /[去到进上跑](?:北京|京城|省里|省城|省委|省政府|中央)|进京|赴省|赴京/, mode: 'threat', minPeople: 5, size: 'large' },
  {
    reason: '扬言极端行为',
    re: /跳楼|跳河|跳下去|自杀|轻生|(?:喝|吃|吞)了?.{0,4}(?:农药|安眠药|老鼠药|百草枯|敌敌畏)|喝药|自焚|寻死|不想活|活着也没意思|同归于尽|报复社会|陪葬|(?:要|想|就)杀了?|杀了[他她你]|弄死(?:他|她|你)|把.{0,8}砍了|炸了[他她你]|放火|纵火|把.{0,6}(?:点了|烧了)|[砍杀]谁|爬(?:到|上)[^，。；！？,;!?]{0,6}(?:塔吊|楼顶|天台|铁塔|桥)/,
    mode: 'threat', urgency: 'emergency', reportUpward: true, notWith: /上个?月|去年|上周|前几天|前两天|之前|以前/,
  },
  // Someone on the scene with what they threaten (not a poison already swallowed: that is 120's).
  {
    reason: '现场扬言极端行为', re: /人(?:现在)?还在|正在|这会儿|已经爬|爬到一半|站在|坐在|拎着|拿着/,
    mode: 'fact', needs: '扬言极端行为', handOff: '110', notWith: /(?:喝|吃|吞)了|医院/,
  },
  { reason: '发生过极端事件', re: /跳楼了|跳河了|自杀了|自焚了|喝农药了/, mode: 'fact', urgency: 'complex', reportUpward: true },
  {
    reason: '涉稳舆情',
    re: /热搜|刷屏|疯传|传疯|传遍|围观|拍视频|播放量|阅读量|浏览量|议论纷纷|网上传开|传得很(?:厉害|广|快)|转发了?.{0,3}(?:万|千|几百)|评论.{0,3}(?:好几千|上千|上万|几千)|(?:网上|抖音|快手|微博|头条).{0,12}(?:发酵|炒作|曝光了|都在传|传开)|转发量|转发.{0,3}(?:挺|很|特别|好)?(?:大|多|高)|很多人在?(?:骂|转)|造谣|谣言/,
    mode: 'fact', urgency: 'complex', reportUpward: true,
  },
  { reason: '矛盾激化', re: /(?:差点|险些|快要?|要)打起来/, mode: 'threat', reportUpward: true },

  // Utilities and daily life (Beijing's 24-hour class).
  {
    reason: '停水停电停气停暖等民生故障',
    re: new RegExp(OUTAGE),
    mode: 'now', urgency: 'urgent',
  },
  { reason: '小区、村或整栋楼停水停电', re: new RegExp(`(?:小区|村|\\d+号楼)里?${SAME_CLAUSE}{0,8}(?:${SUPPLY_CUT})`), mode: 'now', size: 'medium' },

  // Complex: several parties, history, policy.
  {
    reason: '征收拆迁、土地、产权或政策遗留',
    re: /拆迁|征收|征地|征用|棚改|补偿款|补偿标准|安置房|回迁|过渡费|历史遗留|经济适用房|不动产证|房产证|产权证|确权|承包地|承包的|土地.{0,6}(?:租金|使用权)|使用权|改制|买断工龄|工龄|民办教师|退伍|退役|安置政策|安置补助|兑现|危房|烂尾|开发商|理财|集资|跑路|身份置换|补缴|打官司|判决|强制执行|界线|地界|林权|(?:公司|老板|厂)[^，。]{0,6}(?:停业|倒闭|失联)|(?:偷排|排污|废水|污水).{0,12}(?:死|损失|赔)/,
    mode: 'fact', urgency: 'complex',
  },
  { reason: '群体诉求', re: /业主代表|村民代表|职工代表|集体反对|反对[^，。]{0,10}(?:建|修|设)/, mode: 'fact', urgency: 'complex' },
  { reason: '历时多年', re: /(?:[2-9两三四五六七八九十几]|\d{2,})多?年(?:了|多|来|间|都|还)|多年|好几年|十几年|二十多年/, mode: 'fact', urgency: 'complex' },
  { reason: '多年未解决', re: /(?:19|20)\d\d年.*(?:到现在|至今|一直|还没|都没|没给过|从未|始终)/, mode: 'fact', urgency: 'complex' },
  { reason: '多次信访', re: /第.次来访|多次(?:反映|来访|上访|信访)|反映(?:了)?(?:多少|好几|很多|十几|几)年|上访多年/, mode: 'fact', urgency: 'complex' },
  { reason: '多方推诿', re: /互相推|踢皮球|扯皮|推来推去|谁都不(?:愿|肯|管)|都说不归|不归(?:他们|我们)管|多个部门|几个部门/, mode: 'fact', urgency: 'complex', size: 'medium' },

  // Scope: a building, a whole community or village.
  {
    reason: '整栋楼、整个小区或全村',
    re: /整栋|整幢|整个楼|全楼|这栋楼|这个楼|我们楼(?![道下上顶里])|整个单元|全单元|整个小区|全小区|全村|整个村|全体业主|业主们|所有业主|所有住户|家家户户|一片都|(?:这|整)一?片(?!漆)|(?:[\d两三四五六七八九十几]|好几)+多?栋楼|(?:小区|地库|车库)[^，。；！？,;!?]{0,6}(?:积水|进水|被淹)|主水管|供水主管|主管网/,
    mode: 'fact', size: 'medium',
  },
];
