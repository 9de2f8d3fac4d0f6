import type { ServiceItem } from '../schema'
import { ahead, ask, choice, opt, past, req, t } from './build'
import * as M from './materials'
import * as Q from './questions'

/** Starting a business and getting an investment project approved and built. */
export const PROJECT_ITEMS: ServiceItem[] = [
  {
    id: 'business-registration',
    domain: 'project',
    name: t('企业设立登记', 'Company registration'),
    summary: t('新设企业名称自主申报与设立登记，领取营业执照', 'Name declaration and registration of a new company; issues the business licence'),
    departmentId: 'amr',
    timeLimitDays: 1,
    keywords: ['开办企业', '企业设立', '注册公司', '营业执照', '工商登记'],
    questions: [
      ask('proposedName', 'text', t('拟设立企业名称', 'Proposed company name')),
      ask('companyType', 'single', t('企业类型', 'Type of company'), {
        options: [
          choice('llc', '有限责任公司', 'Limited liability company'),
          choice('one-person-llc', '一人有限责任公司', 'One-person limited company'),
          choice('partnership', '合伙企业', 'Partnership'),
          choice('sole', '个人独资企业', 'Sole proprietorship'),
        ],
      }),
      ask('registeredCapital', 'amount', t('注册资本（元）', 'Registered capital (yuan)'), { min: 1 }),
      ask('businessScope', 'longText', t('经营范围', 'Business scope')),
      Q.industry,
      ask('legalRepIdNo', 'residentId', t('法定代表人身份证号', "Legal representative's resident ID number")),
    ],
    materials: [
      req(M.legalRepId),
      req({ id: 'articles-of-association', name: t('公司章程', 'Articles of association'), form: 'original' }),
      req({ id: 'premises-proof', name: t('住所使用证明', 'Proof of business premises'), form: 'copy' }),
    ],
  },
  {
    id: 'company-seal',
    domain: 'project',
    name: t('公章刻制备案', 'Company seal engraving and filing'),
    summary: t('新设企业免费刻制公章并完成公安备案', 'Free engraving of the company seals for new companies, filed with the police'),
    departmentId: 'psb-public-order',
    timeLimitDays: 1,
    keywords: ['公章刻制', '刻章', '印章备案', '开办企业'],
    questions: [
      ask('sealKinds', 'multi', t('需刻制的印章', 'Seals needed'), {
        options: [
          choice('official', '公章', 'Official seal'),
          choice('finance', '财务专用章', 'Finance seal'),
          choice('invoice', '发票专用章', 'Invoice seal'),
          choice('contract', '合同专用章', 'Contract seal'),
          choice('legal-rep', '法定代表人名章', "Legal representative's name seal"),
        ],
      }),
      ask('sealDelivery', 'yesNo', t('是否需要寄递到企业', 'Deliver the seals to the company?')),
      ask('deliveryAddress', 'text', t('寄递地址', 'Delivery address'), { showIf: { key: 'sealDelivery', equals: true } }),
    ],
    materials: [req(M.businessLicense), req(M.legalRepId)],
  },
  {
    id: 'tax-new-taxpayer',
    domain: 'project',
    name: t('新办纳税人涉税事项', 'Tax set-up for a new taxpayer'),
    summary: t('新办企业税务信息确认、发票票种核定和税控设备一次办结', 'Confirms tax details, sets invoice types and quotas for a new company in one visit'),
    departmentId: 'tax',
    timeLimitDays: 1,
    keywords: ['发票申领', '新办纳税人', '税务登记', '数电发票', '开办企业'],
    questions: [
      ask('taxpayerType', 'single', t('纳税人类型', 'Taxpayer type'), {
        options: [
          choice('small-scale', '小规模纳税人', 'Small-scale taxpayer'),
          choice('general', '一般纳税人', 'General taxpayer'),
        ],
      }),
      ask('needsInvoices', 'yesNo', t('是否需要开具发票', 'Will the company issue invoices?')),
      ask('monthlyInvoiceAmount', 'amount', t('预计每月开票金额（元）', 'Expected invoicing per month (yuan)'), {
        min: 0,
        showIf: { key: 'needsInvoices', equals: true },
      }),
      ask('financeContactMobile', 'mobile', t('财务负责人手机号码', "Finance contact's mobile number")),
    ],
    materials: [req(M.businessLicense), req(M.legalRepId), opt(M.authorization)],
  },
  {
    id: 'project-filing',
    domain: 'project',
    name: t('企业投资项目备案', 'Filing of an enterprise investment project'),
    summary: t('在投资项目在线审批监管平台完成项目备案并赋码', 'Files the project on the investment project platform and issues its project code'),
    departmentId: 'ndrc',
    timeLimitDays: 1,
    keywords: ['项目投资', '项目备案', '项目赋码', '投资项目在线审批'],
    questions: [
      Q.projectName,
      Q.projectLocation,
      Q.totalInvestment,
      Q.industry,
      ask('constructionContent', 'longText', t('建设规模及内容', 'Scale and content of construction')),
      ask('plannedStartDate', 'date', t('计划开工日期', 'Planned start date'), { dateRange: ahead(10) }),
    ],
    materials: [req(M.businessLicense), opt(M.authorization)],
  },
  {
    id: 'project-energy-review',
    domain: 'project',
    name: t('固定资产投资项目节能审查', 'Energy conservation review of an investment project'),
    summary: t('年综合能耗达到标准的项目在开工前进行节能审查', 'Energy review before construction for projects above the energy-use threshold'),
    departmentId: 'ndrc',
    timeLimitDays: 10,
    keywords: ['节能审查', '能评', '能耗', '项目投资'],
    questions: [
      Q.projectName,
      Q.projectLocation,
      Q.totalInvestment,
      ask('annualEnergyUse', 'number', t('年综合能源消费量（吨标准煤）', 'Annual energy use (tonnes of standard coal)'), { min: 0 }),
      ask('usesCoal', 'yesNo', t('是否新增煤炭消费', 'Does the project add coal consumption?')),
    ],
    materials: [req(M.projectFiling), req({ id: 'energy-report', name: t('节能报告', 'Energy conservation report'), form: 'original' })],
  },
  {
    id: 'project-land-planning',
    domain: 'project',
    name: t('建设用地规划许可', 'Land-use planning permit'),
    summary: t('以出让方式取得土地的项目申领建设用地规划许可证', 'Land-use planning permit for projects on land acquired by transfer'),
    departmentId: 'planning',
    timeLimitDays: 5,
    keywords: ['用地规划', '建设用地规划许可证', '土地', '项目投资'],
    questions: [Q.projectName, Q.projectLocation, Q.landArea, ask('landContractDate', 'date', t('土地出让合同签订日期', 'Date of the land transfer contract'), { dateRange: past(20) })],
    materials: [req(M.projectFiling), req(M.landDocument), req(M.businessLicense)],
  },
  {
    id: 'project-eia',
    domain: 'project',
    name: t('建设项目环境影响评价审批', 'Environmental impact assessment approval'),
    summary: t('编制环境影响报告书（表）的建设项目申请环评审批', 'Approval of the environmental impact report or form of a construction project'),
    departmentId: 'ecology',
    timeLimitDays: 15,
    keywords: ['环评', '环境影响评价', '排污', '项目投资'],
    questions: [
      Q.projectName,
      Q.projectLocation,
      Q.totalInvestment,
      ask('eiaCategory', 'single', t('环评类别', 'Assessment category'), {
        options: [
          choice('report', '环境影响报告书', 'Environmental impact report'),
          choice('form', '环境影响报告表', 'Environmental impact form'),
        ],
      }),
      ask('pollutants', 'multi', t('主要污染物', 'Main pollutants'), {
        options: [
          choice('wastewater', '废水', 'Wastewater'),
          choice('exhaust', '废气', 'Exhaust gas'),
          choice('solid-waste', '固体废物', 'Solid waste'),
          choice('noise', '噪声', 'Noise'),
        ],
      }),
    ],
    materials: [req(M.projectFiling), req({ id: 'eia-document', name: t('环境影响报告书（表）', 'Environmental impact report or form'), form: 'original' })],
  },
  {
    id: 'project-construction-permit',
    domain: 'project',
    name: t('建筑工程施工许可', 'Construction permit'),
    summary: t('工程开工前申领建筑工程施工许可证', 'Construction permit issued before building work starts'),
    departmentId: 'housing',
    timeLimitDays: 3,
    keywords: ['施工许可', '开工', '施工许可证', '项目投资'],
    questions: [
      Q.projectName,
      Q.projectLocation,
      ask('contractPrice', 'amount', t('施工合同价（元）', 'Construction contract price (yuan)'), { min: 1 }),
      ask('floorArea', 'number', t('建筑面积（平方米）', 'Floor area (m²)'), { min: 1 }),
      ask('contractorUscc', 'uscc', t('施工单位统一社会信用代码', "Contractor's unified social credit code")),
    ],
    materials: [req(M.landDocument), req({ id: 'construction-contract', name: t('施工合同', 'Construction contract'), form: 'copy' })],
  },
]
