import type { ServiceItem } from '../schema'
import { ask, choice, opt, past, req, t } from './build'
import * as M from './materials'
import * as Q from './questions'

export const POLICY_ITEMS: ServiceItem[] = [
  {
    id: 'policy-matching',
    domain: 'policy',
    name: t('惠企政策精准匹配', 'Matching business support policies'),
    summary: t('按企业画像梳理可享受的惠企政策并辅导申报（免申即享优先）', 'Lists the support policies the company qualifies for and helps apply'),
    departmentId: 'service-center',
    timeLimitDays: 3,
    keywords: ['政策兑现', '惠企政策', '政策匹配', '免申即享', '政策咨询'],
    questions: [
      Q.industry,
      Q.employeeCount,
      Q.annualRevenue,
      Q.hasPatent,
      Q.patentCount,
      ask('policyInterests', 'multi', t('关注的政策方向', 'Policies of interest'), {
        options: [
          choice('tax', '税费减免', 'Tax and fee relief'),
          choice('finance', '融资支持', 'Financing support'),
          choice('talent', '人才支持', 'Talent support'),
          choice('innovation', '科技创新', 'Innovation'),
          choice('upgrade', '技术改造与数字化', 'Upgrading and digitalisation'),
        ],
      }),
    ],
    materials: [opt(M.businessLicense)],
  },
  {
    id: 'policy-specialized-sme',
    domain: 'policy',
    name: t('专精特新中小企业认定', "Recognition as a 'specialised, refined, distinctive and innovative' SME"),
    summary: t('申报省级专精特新中小企业，认定后享受专项扶持', 'Apply for provincial recognition as a specialised and innovative SME'),
    departmentId: 'economy',
    timeLimitDays: 30,
    keywords: ['专精特新', '小巨人', '中小企业认定', '创新型中小企业'],
    questions: [
      Q.industry,
      Q.employeeCount,
      Q.annualRevenue,
      Q.rdExpense,
      Q.hasPatent,
      Q.patentCount,
      ask('mainProduct', 'text', t('主导产品名称', 'Main product')),
      ask('mainProductShare', 'number', t('主导产品收入占比（%）', 'Share of revenue from the main product (%)'), { min: 0, max: 100 }),
    ],
    materials: [req(M.businessLicense), req(M.auditReport), req(M.ipCertificates), opt(M.taxReturns)],
  },
  {
    id: 'policy-tech-upgrade',
    domain: 'policy',
    name: t('工业企业技术改造项目补助', 'Grant for industrial technology upgrade projects'),
    summary: t('已完成设备投入的技术改造项目按投资额申请补助', 'Grant for completed technology upgrade projects, based on equipment investment'),
    departmentId: 'economy',
    timeLimitDays: 20,
    keywords: ['技术改造', '技改补助', '设备补助', '智能化改造'],
    questions: [
      Q.projectName,
      Q.totalInvestment,
      ask('equipmentInvestment', 'amount', t('其中设备投资（元）', 'Of which equipment (yuan)'), { min: 1 }),
      ask('projectCompletionDate', 'date', t('项目竣工日期', 'Project completion date'), { dateRange: past(10) }),
      Q.annualRevenue,
    ],
    materials: [req(M.businessLicense), req(M.projectFiling), req({ id: 'equipment-invoices', name: t('设备购置发票清单', 'List of equipment invoices'), form: 'copy' }), opt(M.auditReport)],
  },
  {
    id: 'policy-stable-jobs',
    domain: 'policy',
    name: t('稳岗返还与吸纳就业补贴', 'Job retention refund and hiring subsidy'),
    summary: t('不裁员或少裁员的企业申请失业保险稳岗返还，吸纳重点群体就业申请补贴', 'Unemployment insurance refund for keeping staff; subsidy for hiring priority groups'),
    departmentId: 'hrss',
    timeLimitDays: 10,
    keywords: ['稳岗返还', '就业补贴', '吸纳就业', '一次性扩岗补助'],
    questions: [
      Q.employeeCount,
      ask('layoffCount', 'number', t('上年度裁员人数', 'Staff laid off last year'), { min: 0, max: 1_000_000 }),
      ask('hiredGraduates', 'yesNo', t('是否吸纳高校毕业生或就业困难人员', 'Did you hire graduates or people with difficulty finding work?')),
      ask('hiredCount', 'number', t('吸纳人数', 'Number hired'), { min: 1, max: 100_000, showIf: { key: 'hiredGraduates', equals: true } }),
    ],
    materials: [req(M.businessLicense), req(M.socialInsuranceRecord), opt(M.laborContract)],
  },
  {
    id: 'policy-vat-refund',
    domain: 'policy',
    name: t('增值税留抵退税', 'VAT credit refund'),
    summary: t('符合条件的纳税人申请退还增量或存量留抵税额', 'Eligible taxpayers reclaim incremental or existing VAT credits'),
    departmentId: 'tax',
    timeLimitDays: 10,
    keywords: ['留抵退税', '增值税', '退税', '税费减免'],
    questions: [
      Q.industry,
      Q.annualRevenue,
      ask('creditAmount', 'amount', t('期末留抵税额（元）', 'VAT credit at period end (yuan)'), { min: 0.01 }),
      ask('taxCreditRating', 'single', t('纳税信用等级', 'Tax credit rating'), {
        options: [choice('A', 'A级', 'A'), choice('B', 'B级', 'B'), choice('M', 'M级', 'M'), choice('C', 'C级', 'C'), choice('D', 'D级', 'D')],
      }),
    ],
    materials: [req(M.businessLicense), req({ id: 'vat-refund-form', name: t('退（抵）税申请表', 'VAT refund application form'), form: 'original' })],
  },
]
