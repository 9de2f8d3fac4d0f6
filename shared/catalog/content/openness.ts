import type { ServiceItem } from '../schema'
import { ahead, ask, choice, opt, req, t } from './build'
import * as M from './materials'
import * as Q from './questions'

export const OPENNESS_ITEMS: ServiceItem[] = [
  {
    id: 'open-foreign-investment',
    domain: 'openness',
    name: t('外商投资企业设立服务', 'Setting up a foreign-invested company'),
    summary: t('外资项目落地全程代办，办理外商投资信息报告', 'Full agency service for foreign investment and the foreign investment information report'),
    departmentId: 'commerce',
    timeLimitDays: 5,
    keywords: ['外商投资', '外资', '外资企业设立', '招商引资'],
    questions: [
      ask('investorCountry', 'text', t('投资方国别（地区）', 'Investor country or region')),
      ask('foreignCapital', 'amount', t('外方出资额（元）', 'Foreign capital contribution (yuan)'), { min: 1 }),
      Q.industry,
      ask('onNegativeList', 'yesNo', t('是否涉及外商投资准入负面清单', 'Is the business on the foreign investment negative list?')),
    ],
    materials: [req({ id: 'investor-certificate', name: t('投资方主体资格证明（经公证认证）', "Investor's certificate of incorporation (notarised)"), form: 'original' }), opt(M.authorization)],
  },
  {
    id: 'open-export-credit',
    domain: 'openness',
    name: t('出口信用保险投保', 'Export credit insurance'),
    summary: t('小微出口企业统保平台投保短期出口信用保险', 'Short-term export credit insurance through the group scheme for small exporters'),
    departmentId: 'commerce',
    timeLimitDays: 10,
    keywords: ['出口信保', '出口信用保险', '中信保', '外贸', '出海'],
    questions: [Q.exportCountries, Q.exportRevenue, ask('buyerCount', 'number', t('主要海外买家数量', 'Number of main overseas buyers'), { min: 1, max: 10_000 })],
    materials: [req(M.businessLicense), req(M.exportRecords)],
  },
  {
    id: 'open-trade-fair-subsidy',
    domain: 'openness',
    name: t('境外展会补助', 'Overseas trade fair subsidy'),
    summary: t('参加重点境外展会的展位费补助', 'Subsidy for booth fees at key overseas trade fairs'),
    departmentId: 'commerce',
    timeLimitDays: 20,
    keywords: ['境外展会', '展会补助', '出海', '外贸', '拓市场'],
    questions: [
      Q.exportCountries,
      Q.exportRevenue,
      ask('fairName', 'text', t('展会名称', 'Trade fair')),
      ask('fairDate', 'date', t('展会开幕日期', 'Opening date'), { dateRange: { pastDays: 2 * 365, futureDays: 2 * 365 } }),
      ask('boothFee', 'amount', t('展位费（元）', 'Booth fee (yuan)'), { min: 0.01 }),
    ],
    materials: [req(M.businessLicense), req({ id: 'booth-invoice', name: t('展位费发票及付款凭证', 'Booth fee invoice and proof of payment'), form: 'copy' }), opt(M.exportRecords)],
  },
  {
    id: 'open-foreign-work-permit',
    domain: 'openness',
    name: t('外国人来华工作许可', 'Work permit for foreign staff'),
    summary: t('聘用外籍人员办理外国人来华工作许可', 'Work permit for foreign nationals the company hires'),
    departmentId: 'science',
    timeLimitDays: 10,
    keywords: ['外国人工作许可', '外籍人才', '工作许可', '外专'],
    questions: [
      ask('foreignerName', 'text', t('外籍人员姓名', 'Name of the foreign employee')),
      ask('foreignerPassportNo', 'passport', t('外籍人员护照号码', "Foreign employee's passport number")),
      ask('permitCategory', 'single', t('人员类别', 'Category'), {
        options: [
          choice('A', 'A类（高端人才）', 'Class A (high-end)'),
          choice('B', 'B类（专业人才）', 'Class B (professional)'),
          choice('C', 'C类（其他人员）', 'Class C (other)'),
        ],
      }),
      ask('contractEndDate', 'date', t('劳动合同截止日期', 'Contract end date'), { dateRange: ahead(10) }),
    ],
    materials: [req(M.businessLicense), req(M.laborContract), req({ id: 'no-crime-record', name: t('无犯罪记录证明（经认证）', 'Certificate of no criminal record (authenticated)'), form: 'original' })],
  },
]
