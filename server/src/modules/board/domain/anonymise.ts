/**
 * Anonymisation of free text for the public board (公示) and the monthly report: what a resident wrote may carry
 * their own and their neighbours' personal information (PIPL). Removed here, in this order:
 *
 * - e-mail addresses, WeChat ids and QQ numbers written after 微信/vx/wx/QQ (the keyword stays);
 * - ID-card numbers (18 and 15 digits) and any other run of 12+ digits (bank cards);
 * - mobile numbers, also with spaces or dashes, +86 / 0086 / (86) prefixes, and half-masked ones (138****1234);
 * - landlines with an area code (0471-6543210, (010) 8765 4321, ext.), and bare numbers after 电话/座机/手机/联系方式;
 * - licence plates (蒙A12345);
 * - room numbers: 3号楼2单元501(室) → 3号楼 (the building stays, unit and room go), 3-2-501 → 3号楼,
 *   2单元501 / 501室 → 某户, 楼上602 → 楼上;
 * - the names the system knows (the reporter's, their household's): 张芬 → 某某, and 张女士/张阿姨… → 某女士/某阿姨.
 *
 * - a neighbour's name the system cannot know, after where they live or how they are called (隔壁王建国家,
 *   楼上的李强总…, 叫陈小红的) → 某某, and any common surname with an honorific (王阿姨, 孙师傅) → 某阿姨/某师傅.
 *
 * Before any rule the text is normalised, so the rules cannot be dodged by the way it is written (issue 11):
 * NFKC (full-width and circled digits → ASCII; full-width Chinese punctuation ，：；（）！？ stays as written),
 * zero-width and soft-hyphen characters removed, and runs of Chinese numerals that are numbers rather than words
 * (一三八〇四七一…, 五〇一室, mixed 138一二三四5678) written as digits. Known names also match with spaces,
 * middle dots or zero-width characters between their characters (张 芬, 张·芬).
 *
 * Pure: no Nest, no database. The placeholders contain no digits, so no later rule can match inside them.
 */

export interface KnownPeople {
  /** real names and nicknames of the reporter and the members of their household */
  names?: readonly (string | null | undefined)[];
}

export const REDACTED = {
  email: '[邮箱已隐去]',
  account: '[已隐去]',
  idNumber: '[证件号已隐去]',
  longNumber: '[号码已隐去]',
  phone: '[电话已隐去]',
  plate: '[车牌已隐去]',
  room: '某户',
  name: '某某',
  surname: '某',
} as const;

const CN_DIGITS = '零〇一二三四五六七八九十百';
const BUILDING_NUMBER = `(?:[0-9]{1,3}|[A-Za-z][0-9]{0,2}|[${CN_DIGITS}]{1,4})`;
const BUILDING = `${BUILDING_NUMBER}\\s*(?:号楼|号院|栋|幢|座|#楼?)`;
const UNIT = `(?:[0-9]{1,2}|[${CN_DIGITS}]{1,3})\\s*单元`;
const FLOOR = `(?:[0-9]{1,2}|[${CN_DIGITS}]{1,3})\\s*(?:层|楼(?![上下]))`;
const ROOM_NUMBER = `[0-9]{3,4}`;
const ROOM_SUFFIX = '(?:室|号|房间?|户)';
/** a number followed by these is a quantity or a year (3号楼200多户, 2023年), not a room */
const NOT_QUANTITY = '(?![0-9年元米块平个次天人名位辆多余%])';

const MOBILE_BODY = '1[3-9][0-9](?:[\\s.-]?[0-9]){8}(?![0-9])';

const RULES: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  // e-mail first: its local part may look like a phone number or an id
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, REDACTED.email],
  // WeChat ids (6–20 characters, a letter first) and QQ numbers after their keyword; the keyword stays
  [
    /((?<![A-Za-z])(?:微信号?|威信|薇信|[Vv]信|vx|VX|Vx|vX|wx|WX|Wx|weixin|WeChat|wechat)\s*(?:号码?|id|ID)?\s*(?:是|为)?\s*[:：]?\s*)[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])/g,
    (_m, keyword) => `${keyword}${REDACTED.account}`,
  ],
  [/((?<![A-Za-z])(?:QQ|qq|Qq)\s*(?:号码?)?\s*(?:是|为)?\s*[:：]?\s*)[1-9][0-9]{4,11}(?![0-9])/g, (_m, keyword) => `${keyword}${REDACTED.account}`],
  // 居民身份证: 18 digits (last may be X) with a plausible birth date, optionally grouped 6-8-4; 15-digit old cards
  [
    /(?<![0-9A-Za-z])[1-9][0-9]{5}[\s-]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[\s-]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g,
    REDACTED.idNumber,
  ],
  [/(?<![0-9A-Za-z])[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9A-Za-z])/g, REDACTED.idNumber],
  // mobiles with a country prefix: +86 138…, 0086-138…, (86)138…, 86 138…
  [new RegExp(`(?:(?:\\+|00)\\s?86[\\s-]?|[(（]\\s?\\+?86\\s?[)）]\\s?|(?<![0-9])86[\\s-]?)${MOBILE_BODY}`, 'g'), REDACTED.phone],
  // any other long number: 12+ digits in a row, or groups of four (bank cards)
  [/(?<![0-9])(?:[0-9]{12,}|[0-9]{4,6}(?:[\s-][0-9]{4}){2,}(?:[\s-][0-9]{1,4})?)(?![0-9])/g, REDACTED.longNumber],
  // mobiles: half-masked, then full ones with spaces or dashes anywhere
  [/(?<![0-9])1[3-9][0-9][*＊xX]{4}[0-9]{4}(?![0-9])/g, REDACTED.phone],
  [new RegExp(`(?<![0-9])${MOBILE_BODY}`, 'g'), REDACTED.phone],
  // landlines with an area code, optionally with an extension
  [
    /(?:[(（]0[1-9][0-9]{1,2}[)）]|(?<![0-9])0[1-9][0-9]{1,2})[\s.-]?[0-9]{3,4}[\s.-]?[0-9]{4}(?:\s?(?:转|ext\.?|-)\s?[0-9]{1,5})?(?![0-9])/g,
    REDACTED.phone,
  ],
  // a bare number after a phone keyword (a local number without area code)
  [
    /((?:电话|座机|手机|联系方式|号码|[Tt]el|TEL)\s*(?:号码?)?\s*(?:是|为)?\s*[:：]?\s*)[0-9](?:[\s-]?[0-9]){4,10}(?![0-9])/g,
    (_m, keyword) => `${keyword}${REDACTED.phone}`,
  ],
  // licence plates (province + letter + 5 or 6 characters)
  [
    /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][·•・\s]?[A-HJ-NP-Za-hj-np-z0-9]{4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警]?(?![A-Za-z0-9])/g,
    REDACTED.plate,
  ],
  // rooms: building (kept) + optional unit / floor + room number (dropped)
  [
    new RegExp(`(${BUILDING})\\s*(?:${UNIT})?\\s*(?:${FLOOR})?\\s*${ROOM_NUMBER}\\s*${ROOM_SUFFIX}?${NOT_QUANTITY}`, 'g'),
    (_m, building) => building,
  ],
  // building-unit-room shorthand: 3-2-501 → 3号楼
  [/(?<![0-9-])([0-9]{1,3})\s*-\s*[0-9]{1,2}\s*-\s*[0-9]{3,4}(?![0-9-])/g, (_m, building) => `${building}号楼`],
  // neighbours by their room: 楼上602 → 楼上
  [/(楼上|楼下|对门|隔壁|对面)\s*(?:的)?\s*[0-9]{3,4}\s*(?:室|号|户)?(?![0-9])/g, (_m, where) => where],
  // a unit with a room but no building, or a room with its suffix: someone's home
  [new RegExp(`${UNIT}\\s*(?:${FLOOR})?\\s*${ROOM_NUMBER}\\s*${ROOM_SUFFIX}?${NOT_QUANTITY}`, 'g'), REDACTED.room],
  [new RegExp(`(?<![0-9])${ROOM_NUMBER}\\s*(?:室|房间|户)(?![0-9])`, 'g'), REDACTED.room],
];

const HONORIFICS = ['先生', '女士', '小姐', '阿姨', '大爷', '大妈', '大娘', '奶奶', '爷爷', '叔叔', '婶婶', '师傅', '老师', '大哥', '大姐', '老太', '老人'];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤'];

/** Removes personal information from free text (see the file comment). Whitespace and everything else stays. */
export function anonymise(text: string, known: KnownPeople = {}): string {
  let result = normaliseForMatching(text);
  for (const [pattern, replacement] of RULES) {
    result = result.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
  }
  result = removeNames(result, known.names ?? []);
  return removeUnknownNames(result);
}

/** Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian separator. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/** Full-width Chinese punctuation that NFKC would turn into ASCII: kept as the writer wrote it. */
const KEPT_PUNCTUATION = /[^，：；（）！？]+/g;
const CN_NUMERAL_VALUE: Record<string, string> = { 零: '0', 〇: '0', 幺: '1', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** a run of digits, Chinese or not, optionally grouped by spaces, dots or dashes (一三八 〇四七一 一二三四) */
const NUMERAL_RUN = /[0-9零〇幺一二三四五六七八九](?:[ .-]?[0-9零〇幺一二三四五六七八九])*/g;

/** NFKC, invisible characters removed, Chinese numerals that spell a number written as digits (see the file comment). */
export function normaliseForMatching(text: string): string {
  const normalised = text.replace(INVISIBLE, '').replace(KEPT_PUNCTUATION, (part) => part.normalize('NFKC'));
  return normalised.replace(NUMERAL_RUN, (run, offset: number, whole: string) =>
    spellsANumber(run, whole.slice(offset + run.length, offset + run.length + 1)) ? run.replace(/[零〇幺一二三四五六七八九]/g, (c) => CN_NUMERAL_VALUE[c]) : run,
  );
}

/**
 * A run of Chinese numerals is a number (a phone, a room), not a word (一直, 三四个), when it has three digits or
 * more and a zero or 幺 (五〇一, 一三八〇…), an Arabic digit beside it, five digits or more, or a room suffix after it.
 */
function spellsANumber(run: string, next: string): boolean {
  const digits = run.replace(/[ .-]/g, '');
  if (!/[零〇幺一二三四五六七八九]/.test(digits) || Array.from(digits).length < 3) return false;
  return /[零〇幺0-9]/.test(digits) || Array.from(digits).length >= 5 || /[室户房]/.test(next);
}

function removeNames(text: string, names: readonly (string | null | undefined)[]): string {
  const unique = [...new Set(names.map((n) => (n ?? '').trim()).filter((n) => Array.from(n).length >= 2))];
  // longer names first, so 欧阳明月 is not left as 某某月 by a shorter 欧阳明
  unique.sort((a, b) => b.length - a.length);
  let result = text;
  // a name also matches with spaces, dots or dashes between its characters (张 芬, 张·芬)
  for (const name of unique) result = result.replace(new RegExp(Array.from(name).map(escapeRegExp).join('[\\s·•・.\\-_]*'), 'g'), REDACTED.name);
  const surnames = new Set(unique.filter(isChineseName).map(surnameOf));
  for (const surname of surnames) {
    const pattern = new RegExp(`${escapeRegExp(surname)}(${HONORIFICS.join('|')})`, 'g');
    result = result.replace(pattern, (_m, honorific: string) => `${REDACTED.surname}${honorific}`);
  }
  return result;
}

/**
 * The most frequent single surnames, for the neighbours the system cannot know by name — less those that are also
 * everyday characters after 楼上/隔壁 or before an honorific (单 元 都 方 高 车 常 门 区 石 田 白 金 林 万 文 于 余…).
 */
const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭罗梁宋郑谢韩唐冯董萧曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪谭陆姜范廖邹熊郝邵孟秦尹黎易龚钱汤';
const SURNAME = `[${COMMON_SURNAMES}]`;
/** where or how a neighbour is named just before their name */
const NEIGHBOUR_CUE = '(?:邻居|隔壁|楼上|楼下|对门|对面|住户|业主|房东|租户|名叫|叫做|叫)(?:的)?\\s*';
/** what follows a name in a sentence about that person */
const AFTER_NAME = '(?=家|他|她|总|经常|老是|天天|每天|把|在|又|说|也|不|就|一直|的|[，,。.！!？?、\\s]|$)';
const NEIGHBOUR_NAME = new RegExp(`(${NEIGHBOUR_CUE})${SURNAME}[\\u4e00-\\u9fff]{1,2}?${AFTER_NAME}`, 'g');
const SURNAME_HONORIFIC = new RegExp(`${SURNAME}(${HONORIFICS.filter((h) => h !== '老人').join('|')})`, 'g');

/** Names the system does not know: a neighbour named after 隔壁/楼上/叫…, and any common surname with an honorific. */
function removeUnknownNames(text: string): string {
  return text
    .replace(NEIGHBOUR_NAME, (_m, cue: string) => `${cue}${REDACTED.name}`)
    .replace(SURNAME_HONORIFIC, (_m, honorific: string) => `${REDACTED.surname}${honorific}`);
}

/** 2–4 Han characters (5 with a compound surname): a real name, not a nickname such as 微信用户ab12. */
function isChineseName(name: string): boolean {
  return /^[\u4e00-\u9fff]{2,5}$/.test(name) && !name.startsWith('微信用户');
}

function surnameOf(name: string): string {
  const two = name.slice(0, 2);
  return name.length >= 3 && COMPOUND_SURNAMES.includes(two) ? two : name.slice(0, 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
