// Every label of the console in both languages, in one dictionary. A label is a string, or a function
// of the values it names. The language is a preference (localStorage), not a secret.

const LABELS = {
  zh: {
    title: '电商补贴数据网关 · 控制台', skip: '跳到正文', signIn: '登录', signOut: '退出',
    signInHelp: '请粘贴管理员令牌或只读令牌。', token: '令牌', tokenRefused: '令牌无效或无权访问控制台。',
    'role.admin': '管理员', 'role.reader': '只读',
    'nav.connectors': '连接器', 'nav.mappings': '映射', 'nav.registry': '主体名录', 'nav.records': '记录查询',
    'nav.periods': '期间与奖补', 'nav.charts': '图表', 'nav.review': '复核队列', 'nav.deliveries': '推送',
    loading: '加载中', none: '（无）', refresh: '刷新', show: '显示', save: '保存', validate: '校验', upload: '上传',
    import: '导入', lookUp: '查询', run: '立即运行', pause: '暂停', resume: '恢复', delete: '删除', history: '历史',
    retry: '重试', explain: '说明', accept: '采信', reject: '驳回', all: '全部',
    connector: '连接器', type: '类型', state: '状态', recordsIn: '读入', accepted: '接收', duplicates: '重复',
    rejected: '拒收', lastError: '最近错误', checkpoint: '检查点', actions: '操作', runs: '运行记录', files: '文件',
    historyOf: '历史：', started: '开始', outcome: '结果', file: '文件', error: '错误', received: '收到',
    rows: '行数', report: '拒收行', addConnector: '新增或替换连接器（YAML）',
    addConnectorHelp: '先校验，再保存；每个问题都显示其字段和行号。', definition: '连接器定义',
    valid: '定义有效。', saved: '已保存', line: (n) => `第 ${n} 行`, column: (n) => `第 ${n} 列`,
    confirmDelete: (id) => `删除连接器 ${id}？其记录与历史保留。`,
    name: '名称', source: '来源', origin: '出处', problem: '问题', uploadMapping: '上传映射（JSLT）', mappingText: '映射内容',
    lookUpSubject: '查询主体', subjectId: '统一社会信用代码或编号', importSubjects: '导入主体（CSV）',
    importSubjectsHelp: '选择 CSV 文件（带表头，UTF-8）或粘贴内容；每个被拒的行都列出原因。', registryText: '名录内容',
    upserted: '已写入', row: '行', reason: '原因', warning: '提示',
    // registry: search
    searchSubjects: '检索主体', searchText: '编号或名称包含', subjectType: '主体类型', regionCode: '所在区划（含下级）',
    search: '检索', previous: '上一页', next: '下一页', pageOf: (n, of) => `第 ${n} / ${of} 页`, region: '区划代码',
    categories: '类别', shops: '网店', sites: '快递网点', carriers: '快递品牌', attributes: '属性', attribute: '属性名',
    platform: '平台', shopId: '店铺编号', carrier: '快递品牌', siteCode: '网点编码',
    'subjectType.EXPRESS_COMPANY': '快递企业', 'subjectType.MERCHANT': '经营主体 / 网店',
    'subjectType.STATION': '村级电子商务服务站', 'subjectType.TOWN': '乡镇', 'subjectType.LOGISTICS_CENTRE': '电商物流中心',
    importSubjectsFile: '导入主体（CSV、JSON 或 XLSX）',
    importSubjectsFileHelp: '选择 CSV（带表头，UTF-8 或 GBK）、JSON 数组或 XLSX（第一个工作表，表头同 CSV）文件，或粘贴 CSV / JSON 内容；每个被拒的行都列出原因。',
    kind: '种类', key: '单号', shipment: '运单', order: '订单', status: '状态', reasons: '原因', version: '版本',
    sources: '来源连接器', findings: '规则结论', rule: '规则', versions: '各版本', updatedAt: '更新时间',
    receivedAt: '收到时间', record: '记录',
    period: '期间', closePeriod: '结算本期', closing: '正在结算…', figures: '指标', awards: '奖补明细',
    closed: (p, f, a, d) => `${p} 已结算：${f} 项指标，${a} 条奖补，${d} 批待推送。`,
    subject: '主体', metric: '指标', value: '数值', unit: '单位', revision: '修订', policy: '条款', amount: '金额',
    explanation: '计算说明', reading: '条款解读', basis: '依据指标',
    year: '年份', parcels: '寄出件数', sales: '网络零售额', flagged: '被标记', inQueue: '待复核',
    'chart.months': '按月：件数与销售额', 'chart.carriers': '按快递企业：寄出件数', 'chart.towns': '按乡镇：销售额',
    'chart.rules': '按规则：疑似记录',
    total: '合计', pick: '选择', decision: '决定', decided: '已决定', pickAndReason: '请勾选记录并填写理由。',
    pushing: '推送状态', backlog: '待推送', oldest: '最早', id: '编号', items: '条目', attempts: '尝试次数',
    reply: '对方答复', retried: '已安排重试',
    // mappings: samples
    samples: '样例', samplesOf: (name) => `映射 ${name}：样例与试运行`, sampleInput: '源记录（JSON 对象或数组）',
    expectedOutput: '应得结果', mappingParams: '映射参数', tryIt: '试运行', item: '第几条', verdict: '结论',
    standardRecord: '标准记录',
    tryHelp: '选择一个样例，或粘贴合作方的记录，按当前映射及入库校验试运行；不会保存任何数据。',
  },
  en: {
    title: 'Subsidy gateway console', skip: 'Skip to content', signIn: 'Sign in', signOut: 'Sign out',
    signInHelp: "Paste the administrator's or the reader's token.", token: 'Token',
    tokenRefused: 'This token is not valid or may not use the console.',
    'role.admin': 'administrator', 'role.reader': 'reader (read-only)',
    'nav.connectors': 'Connectors', 'nav.mappings': 'Mappings', 'nav.registry': 'Registry', 'nav.records': 'Records',
    'nav.periods': 'Periods & awards', 'nav.charts': 'Charts', 'nav.review': 'Review queue', 'nav.deliveries': 'Deliveries',
    loading: 'Loading', none: '(none)', refresh: 'Refresh', show: 'Show', save: 'Save', validate: 'Validate',
    upload: 'Upload', import: 'Import', lookUp: 'Look up', run: 'Run now', pause: 'Pause', resume: 'Resume',
    delete: 'Delete', history: 'History', retry: 'Retry', explain: 'Explain', accept: 'Accept', reject: 'Reject', all: 'all',
    connector: 'Connector', type: 'Type', state: 'State', recordsIn: 'In', accepted: 'Accepted', duplicates: 'Duplicates',
    rejected: 'Rejected', lastError: 'Last error', checkpoint: 'Checkpoint', actions: 'Actions', runs: 'Runs', files: 'Files',
    historyOf: 'History of', started: 'Started', outcome: 'Outcome', file: 'File', error: 'Error', received: 'Received',
    rows: 'Rows', report: 'Refused rows', addConnector: 'Add or replace a connector (YAML)',
    addConnectorHelp: 'Validated before it is saved; every problem is shown with its field and line.',
    definition: 'Connector definition', valid: 'The definition is valid.', saved: 'Saved', line: (n) => `line ${n}`, column: (n) => `column ${n}`,
    confirmDelete: (id) => `Delete connector ${id}? Its records and history stay.`,
    name: 'Name', source: 'Source', origin: 'Origin', problem: 'Problem', uploadMapping: 'Upload a mapping (JSLT)',
    mappingText: 'Mapping text', lookUpSubject: 'Look up a subject', subjectId: 'Credit code or id',
    importSubjects: 'Import subjects (CSV)',
    importSubjectsHelp: 'Pick a CSV file (header row, UTF-8) or paste it; every refused row is listed with its reason.',
    registryText: 'Registry entries', upserted: 'Stored', row: 'Row', reason: 'Reason', warning: 'Warning',
    // registry: search
    searchSubjects: 'Search subjects', searchText: 'Id or name contains', subjectType: 'Subject type',
    regionCode: 'Region (and below)', search: 'Search', previous: 'Previous', next: 'Next',
    pageOf: (n, of) => `page ${n} of ${of}`, region: 'Region code', categories: 'Categories', shops: 'Shops',
    sites: 'Express sites', carriers: 'Carriers', attributes: 'Attributes', attribute: 'Attribute',
    platform: 'Platform', shopId: 'Shop id', carrier: 'Carrier', siteCode: 'Site code',
    'subjectType.EXPRESS_COMPANY': 'Express company', 'subjectType.MERCHANT': 'Merchant / online shop',
    'subjectType.STATION': 'Village e-commerce station', 'subjectType.TOWN': 'Town',
    'subjectType.LOGISTICS_CENTRE': 'Logistics centre',
    importSubjectsFile: 'Import subjects (CSV, JSON or XLSX)',
    importSubjectsFileHelp: 'Pick a CSV file (header row, UTF-8 or GBK), a JSON array or an XLSX workbook (first sheet, the CSV\'s columns), or paste CSV or JSON; every refused row is listed with its reason.',
    kind: 'Kind', key: 'Key', shipment: 'shipment (waybill)', order: 'order', status: 'Status', reasons: 'Reasons',
    version: 'Version', sources: 'Sources', findings: 'Findings', rule: 'Rule', versions: 'Versions',
    updatedAt: 'Updated', receivedAt: 'Received', record: 'Record',
    period: 'Period', closePeriod: 'Close period', closing: 'Closing…', figures: 'Figures', awards: 'Award lines',
    closed: (p, f, a, d) => `${p} closed: ${f} figures, ${a} award lines, ${d} batches queued.`,
    subject: 'Subject', metric: 'Metric', value: 'Value', unit: 'Unit', revision: 'Revision', policy: 'Rule',
    amount: 'Amount', explanation: 'Explanation', reading: 'Reading', basis: 'Basis',
    year: 'Year', parcels: 'Parcels sent', sales: 'Net sales', flagged: 'Flagged', inQueue: 'In queue',
    'chart.months': 'By month: parcels and sales', 'chart.carriers': 'By express company: parcels sent',
    'chart.towns': 'By town: net sales', 'chart.rules': 'By rule: suspects',
    total: 'Total', pick: 'Pick', decision: 'Decision', decided: 'Decided',
    pickAndReason: 'Tick the records and give a reason.',
    pushing: 'Pushing', backlog: 'Backlog', oldest: 'oldest', id: 'Id', items: 'Items', attempts: 'Attempts',
    reply: 'Reply', retried: 'Retry scheduled',
    // mappings: samples
    samples: 'Samples', samplesOf: (name) => `Mapping ${name}: samples and trial`, sampleInput: 'Source record (JSON object or array)',
    expectedOutput: 'Expected', mappingParams: 'Mapping parameters', tryIt: 'Try', item: 'Item', verdict: 'Verdict',
    standardRecord: 'Standard record',
    tryHelp: 'Pick a sample or paste a partner record: it runs through the mapping as it is now and the intake checks; nothing is stored.',
  },
};

const PREFERENCE = 'gateway.console.language';

export function language() {
  return localStorage.getItem(PREFERENCE) === 'en' ? 'en' : 'zh';
}

export function toggleLanguage() {
  localStorage.setItem(PREFERENCE, language() === 'zh' ? 'en' : 'zh');
}

/** The label in the current language; a key missing from the dictionary shows as itself. */
export function t(key, ...values) {
  const label = LABELS[language()][key] ?? LABELS.en[key] ?? key;
  return typeof label === 'function' ? label(...values) : label;
}

/** Relabels every element that names its label (data-i18n); run after the language changes. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n);
  });
  document.title = t('title');
}

export const dictionaries = LABELS;
