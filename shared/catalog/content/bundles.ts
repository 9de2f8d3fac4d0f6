import type { Bundle } from '../schema'
import { t } from './build'

/** 一类事: items one stage or need of an enterprise calls for, asked as one form. */
export const BUNDLES: Bundle[] = [
  {
    id: 'bundle-talent',
    name: t('人才服务一类事', 'Talent services, all in one'),
    summary: t('人才认定、住房安居、子女就学、居留落户、资金补助一站式办理', 'Certification, housing, schooling, residence and grants in one go'),
    itemIds: ['talent-certification', 'talent-housing', 'talent-school', 'talent-residence', 'talent-subsidy'],
    keywords: ['人才', '人才服务', '引进人才', '人才安居', '人才一站式'],
  },
  {
    id: 'bundle-finance',
    name: t('融资服务一类事', 'Financing services, all in one'),
    summary: t('政府性融资担保、区域性股权市场挂牌、产业基金对接、上市培育一揽子服务', 'Loan guarantees, equity market listing, industrial funds and IPO preparation together'),
    itemIds: ['finance-guarantee', 'finance-equity-listing', 'finance-fund-matching', 'finance-ipo-cultivation'],
    keywords: ['融资', '金融服务', '贷款', '融资难', '股权融资'],
  },
  {
    id: 'bundle-employment',
    name: t('企业用工一类事', 'Employing staff, all in one'),
    summary: t('招工、员工培训、社保办理、职称评聘、劳动纠纷调解、办理退休集成服务', 'Recruitment, training, social insurance, titles, labour disputes and retirement together'),
    itemIds: [
      'employ-recruitment',
      'employ-training',
      'employ-social-insurance',
      'employ-title',
      'employ-dispute-mediation',
      'employ-retirement',
    ],
    keywords: ['用工', '员工', '人力资源', '招工', '社保'],
  },
  {
    id: 'bundle-start-business',
    name: t('开办企业一类事', 'Starting a business, all in one'),
    summary: t('设立登记、公章刻制、涉税事项、社保登记一次办结', 'Registration, seals, tax set-up and social insurance in one visit'),
    itemIds: ['business-registration', 'company-seal', 'tax-new-taxpayer', 'employ-social-insurance'],
    keywords: ['开办企业', '注册公司', '新办企业', '企业开办一件事'],
  },
  {
    id: 'bundle-project-investment',
    name: t('项目投资一类事', 'Investment projects, all in one'),
    summary: t('项目备案、节能审查、用地规划、环评、施工许可全流程帮办', 'Filing, energy review, land planning, EIA and construction permit with one helper'),
    itemIds: ['project-filing', 'project-energy-review', 'project-land-planning', 'project-eia', 'project-construction-permit'],
    keywords: ['项目投资', '项目审批', '项目落地', '开工', '代办'],
  },
  {
    id: 'bundle-innovation-growth',
    name: t('科创企业成长一类事', 'Growing an innovative company, all in one'),
    summary: t('科技型中小企业评价、高企认定、研发费用加计扣除、知识产权质押、成果转化', 'Tech SME status, high-tech recognition, R&D deduction, IP loans and technology transfer'),
    itemIds: ['innov-tech-sme', 'innov-high-tech', 'innov-rd-deduction', 'innov-patent-pledge', 'innov-achievement-transfer'],
    keywords: ['科创', '科技企业', '高新技术', '研发', '知识产权'],
  },
  {
    id: 'bundle-go-global',
    name: t('企业出海一类事', 'Going global, all in one'),
    summary: t('出口信保、境外展会、涉外法律与数据出境合规一起办', 'Export credit insurance, trade fairs, foreign legal services and data export compliance'),
    itemIds: ['open-export-credit', 'open-trade-fair-subsidy', 'legal-foreign-affairs', 'data-export-assessment'],
    keywords: ['出海', '外贸', '出口', '拓市场', '国际化'],
  },
]
