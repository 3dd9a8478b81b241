import {
  Channel,
  CreateServiceBody,
  DepartmentKind,
  EligibilityMode,
  ProviderKind,
  RecurrenceKind,
  RecurrenceRuleBody,
  RequestCategory,
  ResidentTag,
  Role,
  ServiceKind,
  Urgency,
} from '@gezhi/shared';

/**
 * Demo data, taken from the seed reports: 团结街道 → 明日星城社区 (seed 002: 7 grids of ~450 households, one
 * grid leader each; 苏月 leads grid 1) and 东篱社区 (seed 003) so scoping is visible. Pure definitions;
 * demo-seed.service.ts loads them.
 */
export interface DemoGrid {
  name: string;
  leader: DemoPerson;
  /** building names in this grid */
  buildings: string[];
}

export interface DemoPerson {
  /** dev-login account; null for people who exist but do not log in */
  account: string | null;
  realName: string;
  phone: string;
}

export interface DemoCommunity {
  name: string;
  grids: DemoGrid[];
}

export const DEMO_STREET = '团结街道';
export const DEMO_UNITS = ['1单元', '2单元', '3单元'];
export const DEMO_FLOORS = [1, 2, 3, 4, 5, 6];
export const DEMO_ROOMS_PER_FLOOR = 2;

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七'];
const LEADER_NAMES = ['苏月', '王海燕', '李建国', '刘晓梅', '陈志强', '张秀兰', '杨帆'];

export const DEMO_COMMUNITIES: DemoCommunity[] = [
  {
    name: '明日星城社区',
    grids: LEADER_NAMES.map((realName, index) => ({
      name: `第${CHINESE_NUMBERS[index]}网格`,
      leader: { account: `gridleader${index + 1}`, realName, phone: `1380471000${index + 1}` },
      buildings: [`${index * 2 + 1}号楼`, `${index * 2 + 2}号楼`],
    })),
  },
  {
    name: '东篱社区',
    grids: [
      { name: '第四网格', leader: { account: null, realName: '黄燕', phone: '13905131004' }, buildings: ['优山美地1号楼'] },
      { name: '第十四网格', leader: { account: null, realName: '黄春菊', phone: '13905131014' }, buildings: ['优山美地2号楼'] },
    ],
  },
];

export interface DemoStaff extends DemoPerson {
  role: Role.CommunityOfficer | Role.StreetOfficer;
  /** community name for a community officer */
  community?: string;
}

export const DEMO_OFFICERS: DemoStaff[] = [
  { account: 'community1', realName: '陈立华', phone: '13804710100', role: Role.CommunityOfficer, community: '明日星城社区' },
  { account: 'street1', realName: '赵文博', phone: '13804710200', role: Role.StreetOfficer },
];

export interface DemoResident extends DemoPerson {
  account: string;
  /** where they live; null: not bound yet */
  home: { building: string; unit: string; room: string } | null;
  /** 独居老人, 残疾人, … (services may be restricted to them) */
  tags?: ResidentTag[];
}

/**
 * resident1..3 live in different grids of 明日星城社区 (grids 1, 2, 3); resident4 has not bound a home.
 * resident3 程云英 is an elderly woman living alone (独居老人): she may book the services restricted to that tag.
 */
export const DEMO_RESIDENTS: DemoResident[] = [
  { account: 'resident1', realName: '张芬', phone: '13604711234', home: { building: '1号楼', unit: '2单元', room: '301' } },
  { account: 'resident2', realName: '宋美素', phone: '13604712345', home: { building: '3号楼', unit: '1单元', room: '502' } },
  { account: 'resident3', realName: '程云英', phone: '13604713456', home: { building: '5号楼', unit: '3单元', room: '201' }, tags: [ResidentTag.ElderlyAlone] },
  { account: 'resident4', realName: '周明', phone: '13604714567', home: null },
];

/** How far an example request has got, and what was said on the way. */
export type DemoProgress =
  | { stage: 'pending' }
  | { stage: 'in-progress'; progressNote: string }
  | { stage: 'resolved'; resolution: string }
  | { stage: 'closed'; resolution: string; rating: { speed: number; effect: number; attitude: number; comment: string } };

export interface DemoRequest {
  /** a resident account, or a grid leader filing on someone's behalf */
  filedBy: string;
  onBehalf?: { room: { building: string; unit: string; room: string }; channel: Channel; contactName: string; contactPhone: string };
  category: RequestCategory;
  subcategory: string;
  description: string;
  urgency: Urgency;
  showNamePublicly: boolean;
  progress: DemoProgress;
}

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    filedBy: 'resident1',
    category: RequestCategory.Livelihood,
    subcategory: 'EMPLOYMENT',
    description: '我丈夫身有残疾，一直没能找到合适的工作，家里开销全靠我一个人的收入，压力很大，希望网格员帮忙留意适合他的岗位。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: {
      stage: 'closed',
      resolution: '已查找残疾人就业帮扶政策和企业用人信息，为张芬的丈夫对接到合适的工作，已于本周上岗。',
      rating: { speed: 5, effect: 5, attitude: 5, comment: '没想到这么快就帮我丈夫找到了工作，真是要谢谢网格员们。' },
    },
  },
  {
    filedBy: 'resident2',
    category: RequestCategory.Infrastructure,
    subcategory: 'LEAK',
    description: '家中卫生间吊顶渗水，应该是楼上卫生间防水出了问题，吊顶已经发黄起皮，麻烦帮忙协调楼上住户一起看看。',
    urgency: Urgency.Urgent,
    showNamePublicly: false,
    progress: { stage: 'in-progress', progressNote: '已联系楼上住户，约好明天上午和物业维修师傅一起上门查看防水层。' },
  },
  {
    filedBy: 'resident1',
    category: RequestCategory.Environment,
    subcategory: 'CLUTTER',
    description: '2单元楼道里堆放了很多杂物和纸箱，把消防通道都堵住了，存在安全隐患，希望尽快清理。',
    urgency: Urgency.Urgent,
    showNamePublicly: true,
    progress: { stage: 'pending' },
  },
  {
    filedBy: 'resident3',
    category: RequestCategory.Environment,
    subcategory: 'PARKING',
    description: '小区巷道里每天晚上都有车辆乱停乱放，消防车和救护车根本进不来，老人出行也不方便。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: { stage: 'resolved', resolution: '已召开协商议事会，制定文明停车公约，并在巷道两侧施划禁停标线，物业每晚巡查。' },
  },
  {
    filedBy: 'resident2',
    category: RequestCategory.Environment,
    subcategory: 'ADVERTISING',
    description: '单元电梯轿厢被小广告贴成了“大花脸”，撕了又贴，影响美观，希望能彻底治理。',
    urgency: Urgency.Normal,
    showNamePublicly: true,
    progress: { stage: 'pending' },
  },
  {
    filedBy: 'gridleader1',
    onBehalf: {
      room: { building: '2号楼', unit: '1单元', room: '102' },
      channel: Channel.Phone,
      contactName: '刘桂兰',
      contactPhone: '13704715678',
    },
    category: RequestCategory.Livelihood,
    subcategory: 'PROXY',
    description: '独居老人来电，腿脚不便无法去社保局办理养老金资格认证，希望网格员上门帮忙代办。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: { stage: 'in-progress', progressNote: '已上门为老人拍照并采集认证信息，正在提交社保系统。' },
  },
];

// ---- departments and co-building units (街道吹哨、部门报到) ----

export interface DemoDepartment {
  name: string;
  kind: DepartmentKind;
  /** 包联: the grid a paired unit is paired with */
  pairedGrid?: { community: string; grid: string };
  /** the department's liaison (部门联络员) */
  liaison: DemoPerson & { account: string };
}

/** 团结街道's departments and co-building units, one liaison each (liaison1…liaison10). */
export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { name: '团结派出所', kind: DepartmentKind.Police, liaison: { account: 'liaison1', realName: '孙警官', phone: '13804711001' } },
  { name: '团结司法所', kind: DepartmentKind.Justice, liaison: { account: 'liaison2', realName: '钱律', phone: '13804711002' } },
  { name: '城管执法中队', kind: DepartmentKind.CityManagement, liaison: { account: 'liaison3', realName: '周正', phone: '13804711003' } },
  { name: '市场监管所', kind: DepartmentKind.MarketRegulation, liaison: { account: 'liaison4', realName: '吴敏', phone: '13804711004' } },
  { name: '消防救援站', kind: DepartmentKind.Fire, liaison: { account: 'liaison5', realName: '郑勇', phone: '13804711005' } },
  { name: '交警中队', kind: DepartmentKind.TrafficPolice, liaison: { account: 'liaison6', realName: '冯涛', phone: '13804711006' } },
  { name: '自来水公司', kind: DepartmentKind.Water, liaison: { account: 'liaison7', realName: '陈清', phone: '13804711007' } },
  { name: '供热公司', kind: DepartmentKind.Heating, liaison: { account: 'liaison8', realName: '褚暖', phone: '13804711008' } },
  { name: '明日星城物业服务中心', kind: DepartmentKind.PropertyManagement, liaison: { account: 'liaison9', realName: '卫家和', phone: '13804711009' } },
  {
    name: '区水务局',
    kind: DepartmentKind.PairedUnit,
    pairedGrid: { community: '明日星城社区', grid: '第一网格' },
    liaison: { account: 'liaison10', realName: '蒋水利', phone: '13804711010' },
  },
];

export interface DemoRoutingRule {
  category: RequestCategory;
  subcategory: string | null;
  lead: string;
  assists: string[];
}

/** 团结街道's routing table (by department name). */
export const DEMO_ROUTING_RULES: DemoRoutingRule[] = [
  { category: RequestCategory.Environment, subcategory: 'PARKING', lead: '城管执法中队', assists: ['交警中队'] },
  { category: RequestCategory.Environment, subcategory: 'CLUTTER', lead: '消防救援站', assists: ['明日星城物业服务中心'] },
  { category: RequestCategory.Environment, subcategory: 'SANITATION', lead: '城管执法中队', assists: ['区水务局'] },
  { category: RequestCategory.Environment, subcategory: null, lead: '城管执法中队', assists: [] },
  { category: RequestCategory.Infrastructure, subcategory: 'LEAK', lead: '明日星城物业服务中心', assists: ['自来水公司'] },
  { category: RequestCategory.Infrastructure, subcategory: null, lead: '明日星城物业服务中心', assists: [] },
  { category: RequestCategory.Dispute, subcategory: 'NEIGHBOUR', lead: '团结司法所', assists: ['团结派出所'] },
  { category: RequestCategory.Dispute, subcategory: 'NOISE', lead: '团结派出所', assists: [] },
  { category: RequestCategory.Dispute, subcategory: 'PROPERTY_MGMT', lead: '团结司法所', assists: ['明日星城物业服务中心'] },
];

/** A catalogue entry of 明日星城社区 with its slots (loaded through the real services, as community1). */
export interface DemoService {
  body: CreateServiceBody;
  /** recurring rules; slots are materialised a year ahead (SERVICE_LIMITS.materialiseHorizonDays) */
  rules: RecurrenceRuleBody[];
  /** VOLUNTEER_TEAM / PARTNER_ORG: the account of the staff member who coordinates the visits (provider.coordinatorUserId) */
  coordinator?: string;
}

/** 苏月, grid leader of 第一网格, coordinates the volunteers' and the health station's visits in the demo */
const DEMO_COORDINATOR = 'gridleader1';

const SANJIU_DAYS = [9, 19, 29];

/** "三九"便民服务日 (seed 001: the 9th, 19th and 29th of each month) and an evening 错时 service (seed 002). */
export const DEMO_SERVICES: DemoService[] = [
  {
    body: {
      name: '三九便民日·义诊',
      kind: ServiceKind.Appointment,
      description: '社区卫生服务站医生坐诊：量血压、测血糖、健康咨询。地点：社区党群服务中心一楼。',
      durationMinutes: 180,
      provider: { kind: ProviderKind.PartnerOrg, name: '团结街道社区卫生服务站' },
      eligibility: { mode: EligibilityMode.AllWithPriority, tags: [ResidentTag.ElderlyAlone, ResidentTag.Disabled] },
    },
    rules: [{ kind: RecurrenceKind.Monthly, monthDays: SANJIU_DAYS, startTime: '08:30', endTime: '11:30', capacity: 40, skipHolidays: false }],
    coordinator: DEMO_COORDINATOR,
  },
  {
    body: {
      name: '三九便民日·理发',
      kind: ServiceKind.Appointment,
      description: '志愿者义务理发，老人、儿童优先。',
      durationMinutes: 180,
      provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队' },
      eligibility: { mode: EligibilityMode.All, tags: [] },
    },
    rules: [{ kind: RecurrenceKind.Monthly, monthDays: SANJIU_DAYS, startTime: '08:30', endTime: '11:30', capacity: 20, skipHolidays: false }],
    coordinator: DEMO_COORDINATOR,
  },
  {
    body: {
      name: '三九便民日·磨刀',
      kind: ServiceKind.Appointment,
      description: '磨菜刀、剪刀，请用报纸包好刀具带到服务点。',
      durationMinutes: 180,
      provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队' },
      eligibility: { mode: EligibilityMode.All, tags: [] },
    },
    rules: [{ kind: RecurrenceKind.Monthly, monthDays: SANJIU_DAYS, startTime: '08:30', endTime: '11:30', capacity: 30, skipHolidays: false }],
    coordinator: DEMO_COORDINATOR,
  },
  {
    body: {
      name: '三九便民日·洗凉席',
      kind: ServiceKind.Appointment,
      description: '凉席清洗消毒，当天可取。',
      durationMinutes: 180,
      provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队' },
      eligibility: { mode: EligibilityMode.All, tags: [] },
    },
    rules: [{ kind: RecurrenceKind.Monthly, monthDays: SANJIU_DAYS, startTime: '08:30', endTime: '11:30', capacity: 15, skipHolidays: false }],
    coordinator: DEMO_COORDINATOR,
  },
  {
    body: {
      name: '上门理发',
      kind: ServiceKind.DoorToDoor,
      description: '为行动不便的独居老人、残疾人上门理发。',
      durationMinutes: 60,
      provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队' },
      eligibility: { mode: EligibilityMode.OnlyTagged, tags: [ResidentTag.ElderlyAlone, ResidentTag.Disabled] },
    },
    rules: [{ kind: RecurrenceKind.Weekly, weekdays: [3], startTime: '14:00', endTime: '15:00', capacity: 3, skipHolidays: true }],
    coordinator: DEMO_COORDINATOR,
  },
  {
    body: {
      name: '养老认证代办',
      kind: ServiceKind.Proxy,
      description: '网格员代为办理养老金资格认证，办结后送回证件。',
      durationMinutes: 30,
      provider: { kind: ProviderKind.GridStaff, name: '所在网格网格员' },
      eligibility: { mode: EligibilityMode.All, tags: [] },
      requiredDocuments: ['身份证', '社保卡'],
    },
    rules: [{ kind: RecurrenceKind.Weekly, weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '09:30', capacity: 5, skipHolidays: true }],
  },
  {
    body: {
      name: '错时服务·晚间业务办理',
      kind: ServiceKind.OffHours,
      description: '为上班族在晚间和周末办理居住证明、开具证明等业务。',
      durationMinutes: 120,
      provider: { kind: ProviderKind.GridStaff, name: '社区党群服务中心' },
      eligibility: { mode: EligibilityMode.All, tags: [] },
    },
    rules: [
      { kind: RecurrenceKind.Weekly, weekdays: [1, 2, 3, 4, 5], startTime: '18:30', endTime: '20:30', capacity: 10, skipHolidays: true },
      { kind: RecurrenceKind.Weekly, weekdays: [6], startTime: '09:00', endTime: '12:00', capacity: 10, skipHolidays: true },
    ],
  },
];

// ---- 居民问需会 (half-monthly needs review, docs/review.md) ----

/**
 * Agenda-worthy items for the next 问需会 of 明日星城社区, phoned in, brought in and found on patrol in grid 4
 * (刘晓梅, 7号楼 and 8号楼): the 7号楼 elevator breaks down again and again — a recurring problem (one report came
 * from a patrol) — and a patrol finding of a dead tree in front of 8号楼. Filed through the real filing service.
 */
export const DEMO_REVIEW_REQUESTS: DemoRequest[] = [
  {
    filedBy: 'gridleader4',
    onBehalf: { room: { building: '7号楼', unit: '1单元', room: '502' }, channel: Channel.Phone, contactName: '王秀英', contactPhone: '13704716601' },
    category: RequestCategory.Infrastructure,
    subcategory: 'ELEVATOR',
    description: '7号楼1单元电梯又停了，家里老人上下楼只能爬楼梯，已经是这个月第二次了。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: { stage: 'pending' },
  },
  {
    filedBy: 'gridleader4',
    onBehalf: { room: { building: '7号楼', unit: '2单元', room: '301' }, channel: Channel.WalkIn, contactName: '赵建华', contactPhone: '13704716602' },
    category: RequestCategory.Infrastructure,
    subcategory: 'ELEVATOR',
    description: '电梯运行时有异响，轿厢抖动，住户不敢坐，希望请专业单位检修。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: { stage: 'pending' },
  },
  {
    filedBy: 'gridleader4',
    onBehalf: { room: { building: '7号楼', unit: '3单元', room: '101' }, channel: Channel.Patrol, contactName: '网格巡查', contactPhone: '13804710004' },
    category: RequestCategory.Infrastructure,
    subcategory: 'ELEVATOR',
    description: '日巡发现7号楼3单元电梯年检标志已过期，维保记录缺失。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: { stage: 'pending' },
  },
  {
    filedBy: 'gridleader4',
    onBehalf: { room: { building: '8号楼', unit: '1单元', room: '101' }, channel: Channel.Patrol, contactName: '网格巡查', contactPhone: '13804710004' },
    category: RequestCategory.Environment,
    subcategory: 'GREENERY',
    description: '日巡发现8号楼前一棵枯树枝干断裂，大风天有砸伤行人的危险。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    progress: { stage: 'pending' },
  },
];

export interface DemoProject {
  title: string;
  description: string;
  /** the officer who makes it at the meeting, and the owner (accounts) */
  createdBy: string;
  owner: string;
  deadlineInDays: number;
  /** indices into DEMO_REVIEW_REQUESTS */
  requests: number[];
  progressNote: string;
}

/** The project the 问需会 made of the elevator: owned by the grid leader, one progress note so far. */
export const DEMO_PROJECT: DemoProject = {
  title: '7号楼电梯安全隐患整治',
  description: '联系物业和电梯维保单位全面检修7号楼三部电梯，补齐年检和维保记录。',
  createdBy: 'community1',
  owner: 'gridleader4',
  deadlineInDays: 14,
  requests: [0, 1, 2],
  progressNote: '已约物业和维保单位下周二联合检修，检修期间安排志愿者帮老人上下楼。',
};
