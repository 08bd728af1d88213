/**
 * The sample ledger of 泸县总工会, 2024, 1–8月, in 元. Its figures reproduce every number of the
 * seed report (../shared/seeds): 年初 439.68万元, 调增 76.74, 全年 516.42 = 人员 406.14 + 公用 57.12
 * + 项目 53.16; 1–8月 公用 36.87 (64.55%), 项目 0, all spending 62.75%.
 */
export interface SampleLine {
  readonly code: string;
  readonly name: string;
  readonly initial: number;
  readonly adjustment: number;
  readonly executed: number;
  readonly remark?: string;
}

export const ORGANIZATION = '泸县总工会';
export const YEAR = 2024;
export const MONTH = 8;
export const SOURCE = '一般公共预算拨款';

export const PERSONNEL: readonly SampleLine[] = [
  { code: '30101', name: '基本工资', initial: 1020000, adjustment: 0, executed: 721200 },
  { code: '30102', name: '津贴补贴', initial: 1150000, adjustment: 86000, executed: 873960 },
  { code: '30103', name: '奖金', initial: 96000, adjustment: 0, executed: 64000 },
  {
    code: '30107',
    name: '绩效工资',
    initial: 420000,
    adjustment: 169800,
    executed: 452300,
    remark: '年中调增绩效奖励',
  },
  { code: '30108', name: '机关事业单位基本养老保险缴费', initial: 352000, adjustment: 0, executed: 248880.36 },
  { code: '30109', name: '职业年金缴费', initial: 140800, adjustment: 0, executed: 99560 },
  { code: '30110', name: '职工基本医疗保险缴费', initial: 185600, adjustment: 0, executed: 131229.64 },
  { code: '30112', name: '其他社会保障缴费', initial: 21200, adjustment: 0, executed: 14990 },
  { code: '30113', name: '住房公积金', initial: 264000, adjustment: 0, executed: 186670 },
  { code: '30302', name: '退休费', initial: 156000, adjustment: 0, executed: 79013.62 },
];

export const PUBLIC: readonly SampleLine[] = [
  { code: '30201', name: '办公费', initial: 85000, adjustment: 0, executed: 61235.5 },
  { code: '30202', name: '印刷费', initial: 20000, adjustment: 0, executed: 9860 },
  { code: '30205', name: '水费', initial: 6000, adjustment: 0, executed: 3912.4 },
  { code: '30206', name: '电费', initial: 24000, adjustment: 0, executed: 15630.85 },
  { code: '30207', name: '邮电费', initial: 18000, adjustment: 0, executed: 11020 },
  { code: '30211', name: '差旅费', initial: 60000, adjustment: 0, executed: 38465 },
  { code: '30213', name: '维修（护）费', initial: 30000, adjustment: 0, executed: 12300 },
  { code: '30216', name: '培训费', initial: 25000, adjustment: 0, executed: 8600 },
  { code: '30217', name: '公务接待费', initial: 10000, adjustment: 0, executed: 3260 },
  { code: '30228', name: '工会经费', initial: 43200, adjustment: 0, executed: 28800 },
  { code: '30229', name: '福利费', initial: 60000, adjustment: 0, executed: 42000 },
  { code: '30231', name: '公务用车运行维护费', initial: 40000, adjustment: 0, executed: 26135.6 },
  { code: '30239', name: '其他交通费用', initial: 120000, adjustment: 0, executed: 92993 },
  { code: '30299', name: '其他商品和服务支出', initial: 30000, adjustment: 0, executed: 14500 },
];

export const PROJECTS: readonly SampleLine[] = [
  {
    code: '',
    name: '维权帮扶项目经费',
    initial: 20000,
    adjustment: 0,
    executed: 0,
    remark:
      '主要用于聘用律师，为职工提供免费的法律咨询服务，开展法律知识宣传活动，开展文体活动、新建和完善基层工会组织，印制宣传资料',
  },
  {
    code: '',
    name: '省级财政工会专项资金',
    initial: 0,
    adjustment: 511600,
    executed: 0,
    remark: '主要用于慰问劳模，补助全国级、省级建档困难职工，常态化送温暖支出',
  },
];

/** The 单位信息 sheet: the unit's own words for sections 一 and 二 (from the seed report). */
export const UNIT_INFO: readonly (readonly [string, string])[] = [
  ['单位名称', ORGANIZATION],
  ['财政部门', '泸县财政局'],
  ['监控通知', '《关于开展2024年预算绩效运行监控工作的通知》（泸县编审〔2024〕7号）'],
  [
    '主要职能职责',
    [
      '1.贯彻执行党的路线、方针、政策，根据县委、市总工会的部署，结合泸县实际，确定工会工作的指导思想、目标和任务，指导全县工会工作。',
      '2.依照法律和章程，组织和指导各级工会履行工会的各项职能，贯彻执行泸县工会代表大会的决议，开展工会各项业务工作；根据基层工会的要求，与有关方面协商解决有关问题。',
      '3.对有关职工利益的重大问题进行调查研究，向县委、县政府和市总工会反映职工的愿望和要求，并提出意见和建议，参与涉及职工切身利益的有关政策、措施和制度的制定。',
      '4.指导各级工会加强自身建设和改革，监督检查《中国工会章程》的贯彻执行，按照县委和市总工会的要求，研究制定工会的各项组织制度和民主制度。',
      '5.同县级有关部门党组（党委）协商推荐机关工会、机关工委和县级产业工会的主要领导人选，加强领导班子建设；研究制定工会干部的管理制度和培训计划，加强工会干部队伍建设。',
      '6.协助县政府做好县级以上劳动模范的推荐、评选和管理工作。',
      '7.负责全县工会经费的管理、审查工作；根据上级有关精神，负责全县工会事业发展的指导、协调工作。',
      '8.承办县委、县政府和市总工会交办的其他事宜。',
    ].join('\n'),
  ],
  [
    '机构组成',
    '泸县总工会是一级预算单位，属群团组织，下属二级单位1个（泸县群团工作中心）。泸县群团工作中心是全额拨款公益一类事业单位。',
  ],
  [
    '机构职能',
    [
      '单位内部设三个部室：办公室、维权保障部和组织宣教部。',
      '办公室职责：党组议事、目标绩效、秘书文印、开放合作、乡村振兴、劳动保护、应急值守、依法治理、平安建设、档案史志、机关工会、财务、后勤管理、统计、经审等工作。',
      '维权保障部职责：党的组织建设、党风廉政建设、机关党建、权益维护、信访维稳、法律援助、劳动争议调处、民生保障、帮扶济困、医疗互助、工会“四送”、会员普惠、女工工作、关爱农民工等工作。挂女职工委员会牌子。',
      '组织宣教部职责：群团联席办、群团工作中心、党建思想政治建设、宣传文化教育、编制人事、精神文明建设、工会组织建设、产业工人队伍建设、职工文体活动、劳动技能竞赛、劳模管理、厂务公开与民主管理、集体协商等工作。',
    ].join('\n'),
  ],
  [
    '人员概况',
    '泸县总工会（含泸县群团工作中心）核定总编制24名，其中：行政编制6名，事业编制18名。实际在职人员总数25名，其中：行政人员7名，事业人员18名；退休人员6名。',
  ],
];

/**
 * The 绩效目标 sheet: targets of the two projects and of basic spending with their 1–8月 actuals,
 * as a county trade union would fill them. Some are behind: the projects' money had not been paid
 * out by August (so targets run ahead of spending), 慰问劳模 waits for the festivals, and one
 * target is judged 完全不可能.
 * Columns: 一级指标, 二级指标, 三级指标, 年度指标值, 1-8月完成情况, 全年预计完成情况, 偏差原因, 完成目标可能性, 备注.
 */
export type SampleTargetRow = readonly [string, string, string, string, string, string, string, string, string];

export const TARGETS: readonly { readonly project: string; readonly rows: readonly SampleTargetRow[] }[] = [
  {
    project: '维权帮扶项目经费',
    rows: [
      ['产出指标', '数量指标', '法律咨询服务人次', '≥300人次', '186人次', '300人次', '', '确定能', ''],
      [
        '产出指标',
        '数量指标',
        '法律知识宣传活动场次',
        '≥6场',
        '2场',
        '4场',
        '经费保障',
        '完全不可能',
        '宣传资料印制经费未到位',
      ],
      ['产出指标', '数量指标', '新建基层工会组织数', '10个', '7个', '10个', '', '确定能', ''],
      ['产出指标', '质量指标', '职工法律援助案件办结率', '≥95%', '96%', '96%', '', '确定能', ''],
      ['产出指标', '时效指标', '律师服务合同签订时间', '3月底前', '已完成', '已完成', '', '确定能', ''],
      ['产出指标', '成本指标', '项目经费', '≤2.00万元', '0万元', '2.00万元', '', '确定能', '律师服务费年底结算'],
      ['效益指标', '社会效益指标', '职工合法权益', '有效保障', '有效保障', '有效保障', '', '确定能', ''],
      ['满意度指标', '服务对象满意度指标', '职工满意度', '≥90%', '93%', '93%', '', '确定能', ''],
    ],
  },
  {
    project: '省级财政工会专项资金',
    rows: [
      [
        '产出指标',
        '数量指标',
        '慰问劳模人次',
        '≥120人次',
        '0人次',
        '120人次',
        '经费保障',
        '确定能',
        '资金8月下达，慰问集中在元旦春节期间',
      ],
      ['产出指标', '数量指标', '困难职工帮扶人数', '≥200人', '85人', '180人', '经费保障', '有可能', ''],
      ['产出指标', '质量指标', '补助对象符合建档标准比例', '100%', '100%', '100%', '', '确定能', ''],
      ['产出指标', '时效指标', '帮扶资金发放时间', '12月底前', '正在推进', '12月底前', '', '确定能', ''],
      ['产出指标', '成本指标', '项目经费', '≤51.16万元', '0万元', '51.16万元', '', '确定能', ''],
      ['效益指标', '社会效益指标', '困难职工生活', '逐步改善', '逐步改善', '逐步改善', '', '确定能', ''],
      ['满意度指标', '服务对象满意度指标', '帮扶对象满意度', '≥95%', '', '95%', '', '有可能', '年底开展满意度调查'],
    ],
  },
  {
    project: '基本支出',
    rows: [
      ['产出指标', '数量指标', '保障在职人员人数', '25人', '25人', '25人', '', '确定能', ''],
      ['产出指标', '时效指标', '资金拨付及时率', '≥95%', '90%', '95%', '制度保障', '有可能', '部分报账单据审核退回'],
      ['产出指标', '成本指标', '日常公用经费', '≤57.12万元', '36.87万元', '57.12万元', '', '确定能', ''],
      ['效益指标', '可持续影响指标', '单位正常运转', '有效保障', '有效保障', '有效保障', '', '确定能', ''],
      ['满意度指标', '服务对象满意度指标', '职工满意度', '≥90%', '92%', '92%', '', '确定能', ''],
    ],
  },
];
