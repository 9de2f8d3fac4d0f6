import type { ServiceItem } from '../schema'
import { ask, choice, opt, past, req, t } from './build'
import * as M from './materials'
import * as Q from './questions'

export const LEGAL_ITEMS: ServiceItem[] = [
  {
    id: 'legal-consultation',
    domain: 'legal',
    name: t('企业法律咨询', 'Legal advice for companies'),
    summary: t('公共法律服务律师解答合同、用工、股权等法律问题', 'Public legal service lawyers answer questions on contracts, employment and equity'),
    departmentId: 'justice',
    timeLimitDays: 3,
    keywords: ['法律咨询', '律师', '合同审查', '公共法律服务'],
    questions: [
      ask('legalTopic', 'single', t('咨询领域', 'Area of law'), {
        options: [
          choice('contract', '合同', 'Contracts'),
          choice('labor', '劳动用工', 'Employment'),
          choice('equity', '股权与公司治理', 'Equity and governance'),
          choice('ip', '知识产权', 'Intellectual property'),
          choice('other', '其他', 'Other'),
        ],
      }),
      ask('legalQuestion', 'longText', t('具体问题', 'Your question')),
      ask('prefersOnsite', 'yesNo', t('是否希望律师上门服务', 'Would you like a lawyer to visit?')),
    ],
    materials: [opt(M.relatedDocuments)],
  },
  {
    id: 'legal-compliance-check',
    domain: 'legal',
    name: t('企业合规体检', 'Compliance health check'),
    summary: t('律师团队为企业开展合规风险排查并出具体检报告', 'Lawyers review compliance risks and issue a check-up report'),
    departmentId: 'justice',
    timeLimitDays: 15,
    keywords: ['合规体检', '合规', '法律风险', '法治体检'],
    questions: [
      Q.industry,
      Q.employeeCount,
      ask('complianceAreas', 'multi', t('重点体检领域', 'Areas to check'), {
        options: [
          choice('labor', '劳动用工', 'Employment'),
          choice('tax', '财税', 'Tax and finance'),
          choice('data', '数据与个人信息', 'Data and personal information'),
          choice('environment', '安全生产与环保', 'Safety and environment'),
          choice('trade', '进出口与反垄断', 'Trade and competition'),
        ],
      }),
      ask('hadPenalty', 'yesNo', t('近三年是否受过行政处罚', 'Any administrative penalty in the last three years?')),
    ],
    materials: [req(M.businessLicense), opt({ id: 'company-rules', name: t('企业规章制度', 'Company rules and policies'), form: 'either' })],
  },
  {
    id: 'legal-credit-repair',
    domain: 'legal',
    name: t('企业信用修复', 'Credit record repair'),
    summary: t('已纠正失信行为的企业申请移出经营异常名录或停止公示行政处罚信息', 'Removes corrected records from the abnormal operations list or penalty publicity'),
    departmentId: 'ndrc',
    timeLimitDays: 5,
    keywords: ['信用修复', '经营异常', '失信', '行政处罚公示', '信用中国'],
    questions: [
      ask('creditRecordType', 'single', t('需修复的信用记录', 'Record to repair'), {
        options: [
          choice('abnormal', '经营异常名录', 'Abnormal operations list'),
          choice('penalty', '行政处罚信息', 'Administrative penalty'),
          choice('serious', '严重失信主体名单', 'Serious dishonesty list'),
        ],
      }),
      ask('penaltyDecisionNo', 'text', t('处罚决定书文号', 'Penalty decision number'), {
        showIf: { key: 'creditRecordType', equals: 'penalty' },
      }),
      ask('correctionDate', 'date', t('完成整改日期', 'Date the problem was corrected'), { dateRange: past(5) }),
      ask('correctionDescription', 'longText', t('整改情况说明', 'How it was corrected')),
    ],
    materials: [req(M.businessLicense), req({ id: 'credit-commitment', name: t('信用修复承诺书', 'Credit repair commitment'), form: 'original' }), opt({ id: 'correction-evidence', name: t('整改完成证明', 'Proof of correction'), form: 'copy' })],
  },
  {
    id: 'legal-commercial-mediation',
    domain: 'legal',
    name: t('商事纠纷调解', 'Commercial dispute mediation'),
    summary: t('商会、行业调解组织调解合同、货款等商事纠纷', 'Mediation of contract, payment and other commercial disputes'),
    departmentId: 'justice',
    timeLimitDays: 30,
    keywords: ['商事调解', '纠纷调解', '合同纠纷', '货款纠纷', '诉前调解'],
    questions: [
      ask('counterpartyIsCompany', 'yesNo', t('对方是否为企业', 'Is the other party a company?')),
      ask('counterpartyUscc', 'uscc', t('对方统一社会信用代码', "Other party's unified social credit code"), {
        showIf: { key: 'counterpartyIsCompany', equals: true },
      }),
      ask('counterpartyName', 'text', t('对方名称或姓名', "Other party's name")),
      ask('claimAmount', 'amount', t('争议标的额（元）', 'Amount in dispute (yuan)'), { min: 0 }),
      ask('commercialDisputeFacts', 'longText', t('纠纷事实与诉求', 'Facts and what you ask for')),
    ],
    materials: [req(M.businessLicense), req({ id: 'commercial-contract', name: t('相关合同', 'Contract in dispute'), form: 'copy' }), opt(M.authorization)],
  },
  {
    id: 'legal-foreign-affairs',
    domain: 'legal',
    name: t('涉外法律服务', 'Foreign-related legal services'),
    summary: t('海外投资、国际贸易合规与涉外纠纷应对的法律指引', 'Legal guidance on overseas investment, trade compliance and foreign disputes'),
    departmentId: 'justice',
    timeLimitDays: 10,
    keywords: ['涉外法律', '出海', '贸易合规', '海外投资', '反倾销'],
    questions: [
      Q.exportCountries,
      ask('foreignLegalNeed', 'single', t('需要的服务', 'Service needed'), {
        options: [
          choice('investment', '境外投资法律意见', 'Overseas investment opinion'),
          choice('trade-remedy', '贸易救济应对', 'Trade remedy response'),
          choice('contract', '涉外合同审查', 'Foreign contract review'),
          choice('dispute', '涉外纠纷应对', 'Foreign dispute'),
        ],
      }),
      ask('foreignLegalDetails', 'longText', t('情况说明', 'Details')),
    ],
    materials: [req(M.businessLicense), opt(M.relatedDocuments)],
  },
]
