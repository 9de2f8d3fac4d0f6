import type { ServiceItem } from '../schema'
import { ask, choice, opt, past, req, t } from './build'
import * as M from './materials'
import * as Q from './questions'

export const TALENT_ITEMS: ServiceItem[] = [
  {
    id: 'talent-certification',
    domain: 'talent',
    name: t('高层次人才分类认定', 'High-level talent certification'),
    summary: t('按人才分类目录认定A至E类人才，认定后可享受安居、子女就学等配套服务', 'Certifies talent as class A to E, which opens housing, schooling and other support'),
    departmentId: 'talent-office',
    timeLimitDays: 15,
    keywords: ['人才认定', '高层次人才', '人才分类', '人才码', '领军人才'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      Q.talentCategory,
      Q.educationLevel,
      Q.employmentStartDate,
      ask('certificationBasis', 'longText', t('申请认定的依据（荣誉、项目、职称等）', 'Grounds for certification (awards, programmes, titles)')),
    ],
    materials: [req(M.applicantId), req(M.degreeCertificate), req(M.laborContract), req(M.socialInsuranceRecord), opt(M.authorization)],
  },
  {
    id: 'talent-housing',
    domain: 'talent',
    name: t('人才住房安居保障', 'Talent housing support'),
    summary: t('人才租房补贴、购房补贴或人才公寓申请', 'Rent or home-purchase subsidies, or a flat in talent apartments'),
    departmentId: 'housing',
    timeLimitDays: 20,
    keywords: ['住房安居', '人才公寓', '租房补贴', '购房补贴', '安家'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      Q.talentCategory,
      ask('housingSupport', 'single', t('申请的安居方式', 'Kind of housing support'), {
        options: [
          choice('rent-subsidy', '租房补贴', 'Rent subsidy'),
          choice('purchase-subsidy', '购房补贴', 'Home purchase subsidy'),
          choice('talent-apartment', '人才公寓', 'Talent apartment'),
        ],
      }),
      ask('ownsLocalHome', 'yesNo', t('本人及配偶在本市是否已有住房', 'Do you or your spouse already own a home in this city?')),
      ask('homePurchaseDate', 'date', t('购房合同签订日期', 'Date the purchase contract was signed'), {
        dateRange: past(10),
        showIf: { key: 'housingSupport', equals: 'purchase-subsidy' },
      }),
    ],
    materials: [req(M.applicantId), req(M.talentCertificate), req(M.laborContract), opt(M.householdRegister, 'copy')],
  },
  {
    id: 'talent-school',
    domain: 'talent',
    name: t('人才子女就学', "Schooling for talent's children"),
    summary: t('为认定人才的子女统筹安排义务教育阶段入学', "Arranges a school place in compulsory education for a certified talent's child"),
    departmentId: 'education',
    timeLimitDays: 15,
    keywords: ['子女就学', '子女入学', '人才子女', '转学', '学位'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      Q.talentCategory,
      ask('childName', 'text', t('子女姓名', "Child's name")),
      ask('childIdNo', 'residentId', t('子女身份证号', "Child's resident ID number"), {
        showIf: { key: 'isForeignNational', equals: false },
      }),
      ask('schoolStage', 'single', t('申请入学阶段', 'School stage'), {
        options: [
          choice('kindergarten', '幼儿园', 'Kindergarten'),
          choice('primary', '小学', 'Primary school'),
          choice('junior', '初中', 'Junior secondary school'),
        ],
      }),
      ask('grade', 'number', t('申请就读年级', 'Grade applied for'), { min: 1, max: 9 }),
      ask('preferredSchool', 'text', t('意向学校', 'Preferred school'), { required: false }),
    ],
    materials: [req(M.applicantId), req(M.talentCertificate), req(M.householdRegister), opt(M.birthCertificate)],
  },
  {
    id: 'talent-residence',
    domain: 'talent',
    name: t('人才居留落户', 'Residence and household registration for talent'),
    summary: t('国内人才落户，或外籍人才办理工作类居留许可、永久居留推荐', 'Household registration for Chinese talent; residence permits for foreign talent'),
    departmentId: 'psb-household',
    timeLimitDays: 10,
    keywords: ['居留落户', '落户', '户口迁入', '居留许可', '永久居留', '绿卡'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      Q.talentCategory,
      ask('residenceNeed', 'single', t('需要办理的事项', 'What do you need?'), {
        options: [
          choice('settle', '户口迁入本市', 'Move household registration here'),
          choice('work-residence', '工作类居留许可', 'Work residence permit'),
          choice('permanent', '永久居留推荐', 'Permanent residence recommendation'),
        ],
      }),
      ask('familyMembers', 'number', t('随迁家属人数', 'Family members moving with you'), { min: 0, max: 10 }),
    ],
    materials: [req(M.applicantId, 'original'), req(M.talentCertificate), req(M.laborContract), opt(M.householdRegister)],
  },
  {
    id: 'talent-subsidy',
    domain: 'talent',
    name: t('人才资金补助申领', 'Talent grants'),
    summary: t('人才生活补贴、项目资助与引才奖励的申领', 'Living allowances, project funding and recruitment rewards for talent'),
    departmentId: 'talent-office',
    timeLimitDays: 20,
    keywords: ['资金补助', '人才补贴', '生活补贴', '引才奖励', '人才项目资助'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      Q.talentCategory,
      Q.employmentStartDate,
      ask('subsidyKinds', 'multi', t('申请的补助类型', 'Grants applied for'), {
        options: [
          choice('living', '生活补贴', 'Living allowance'),
          choice('project', '创业创新项目资助', 'Start-up or innovation project funding'),
          choice('recruitment', '企业引才奖励', 'Recruitment reward for the employer'),
        ],
      }),
      ask('projectFundingAmount', 'amount', t('申请项目资助金额（元）', 'Project funding requested (yuan)'), {
        min: 1,
        max: 10_000_000,
        showIf: { key: 'subsidyKinds', includes: 'project' },
      }),
      ask('bankAccount', 'bankCard', t('收款银行卡号', 'Bank card number for payment'), { help: t('申请人本人名下的银行卡，16至19位', "A card in the applicant's own name, 16 to 19 digits") }),
    ],
    materials: [req(M.applicantId), req(M.talentCertificate), req(M.socialInsuranceRecord), opt(M.businessPlan)],
  },
]

