import { ask, choice, past, t } from './build'

/**
 * Questions several items ask. Defining each once keeps its key and wording identical everywhere,
 * so a bundle asks it a single time.
 */
export const applicantName = ask('applicantName', 'text', t('申请人姓名', 'Applicant name'), { sameAs: 'contactName' })
export const applicantIdNo = ask('applicantIdNo', 'residentId', t('申请人身份证号', 'Applicant resident ID number'), {
  showIf: { key: 'isForeignNational', equals: false },
})
export const applicantMobile = ask('applicantMobile', 'mobile', t('申请人手机号码', 'Applicant mobile number'), { sameAs: 'contactMobile' })
export const isForeignNational = ask(
  'isForeignNational',
  'yesNo',
  t('申请人是否为外籍人员', 'Is the applicant a foreign national?'),
)
export const passportNo = ask('passportNo', 'passport', t('护照号码', 'Passport number'), {
  showIf: { key: 'isForeignNational', equals: true },
})
export const talentCategory = ask('talentCategory', 'single', t('人才类别', 'Talent category'), {
  help: t('按本省高层次人才分类目录', 'As in the provincial high-level talent classification'),
  options: [
    choice('A', 'A类（顶尖人才）', 'Class A (top talent)'),
    choice('B', 'B类（国家级领军人才）', 'Class B (national leading talent)'),
    choice('C', 'C类（省级领军人才）', 'Class C (provincial leading talent)'),
    choice('D', 'D类（市级领军人才）', 'Class D (municipal leading talent)'),
    choice('E', 'E类（高级人才）', 'Class E (senior talent)'),
  ],
})
export const educationLevel = ask('educationLevel', 'single', t('最高学历', 'Highest degree'), {
  options: [
    choice('doctorate', '博士研究生', 'Doctorate'),
    choice('master', '硕士研究生', "Master's"),
    choice('bachelor', '大学本科', "Bachelor's"),
    choice('college', '大专及以下', 'College diploma or below'),
  ],
})
export const employmentStartDate = ask('employmentStartDate', 'date', t('入职本单位日期', 'Date joined the company'), {
  dateRange: past(60),
})
export const employeeCount = ask('employeeCount', 'number', t('在职员工人数', 'Number of employees'), {
  min: 0,
  max: 1_000_000,
})
export const annualRevenue = ask('annualRevenue', 'amount', t('上年度营业收入（元）', 'Revenue last year (yuan)'), {
  min: 0,
})
export const rdExpense = ask('rdExpense', 'amount', t('上年度研发费用（元）', 'R&D spending last year (yuan)'), {
  min: 0,
})
export const industry = ask('industry', 'single', t('所属行业', 'Industry'), {
  options: [
    choice('manufacturing', '制造业', 'Manufacturing'),
    choice('software', '软件和信息技术服务业', 'Software and IT services'),
    choice('trade', '批发和零售业', 'Wholesale and retail'),
    choice('construction', '建筑业', 'Construction'),
    choice('services', '商务及其他服务业', 'Business and other services'),
    choice('agriculture', '农林牧渔业', 'Agriculture, forestry and fisheries'),
    choice('other', '其他行业', 'Other'),
  ],
})
export const hasPatent = ask(
  'hasPatent',
  'yesNo',
  t('是否拥有有效的专利、软件著作权等知识产权', 'Does the company own valid patents, software copyrights or other IP?'),
)
export const patentCount = ask('patentCount', 'number', t('有效知识产权数量（件）', 'Number of valid IP rights'), {
  min: 1,
  max: 100_000,
  showIf: { key: 'hasPatent', equals: true },
})
export const financingAmount = ask(
  'financingAmount',
  'amount',
  t('拟融资金额（元）', 'Amount of financing sought (yuan)'),
  { min: 1 },
)
export const financingPurpose = ask('financingPurpose', 'multi', t('资金用途', 'Use of funds'), {
  options: [
    choice('working-capital', '补充流动资金', 'Working capital'),
    choice('equipment', '购置设备', 'Equipment'),
    choice('rnd', '研发投入', 'Research and development'),
    choice('expansion', '扩大产能', 'Expanding capacity'),
    choice('other', '其他用途', 'Other'),
  ],
})
export const financingPurposeOther = ask(
  'financingPurposeOther',
  'text',
  t('其他资金用途说明', 'Other use of funds'),
  { showIf: { key: 'financingPurpose', includes: 'other' } },
)
export const hasBadCredit = ask(
  'hasBadCredit',
  'yesNo',
  t('近两年是否有贷款逾期或失信记录', 'Any overdue loans or credit blacklisting in the last two years?'),
)
export const badCreditDetails = ask(
  'badCreditDetails',
  'longText',
  t('请说明逾期或失信情况及处理进展', 'Describe the overdue or blacklisting record and what has been done'),
  { showIf: { key: 'hasBadCredit', equals: true } },
)
export const projectName = ask('projectName', 'text', t('项目名称', 'Project name'))
export const projectLocation = ask('projectLocation', 'text', t('项目建设地点', 'Project location'))
export const totalInvestment = ask(
  'totalInvestment',
  'amount',
  t('项目总投资（元）', 'Total project investment (yuan)'),
  { min: 1 },
)
export const landArea = ask('landArea', 'number', t('用地面积（平方米）', 'Land area (m²)'), { min: 1 })
export const exportCountries = ask('exportCountries', 'multi', t('主要出口市场', 'Main export markets'), {
  options: [
    choice('asean', '东盟', 'ASEAN'),
    choice('eu', '欧盟', 'European Union'),
    choice('us', '美国', 'United States'),
    choice('belt-road', '其他“一带一路”国家', 'Other Belt and Road countries'),
    choice('other', '其他国家和地区', 'Other countries and regions'),
  ],
})
export const exportRevenue = ask('exportRevenue', 'amount', t('上年度出口额（元）', 'Exports last year (yuan)'), {
  min: 0,
})
