import type { ServiceItem } from '../schema'
import { ahead, ask, choice, opt, past, req, t } from './build'
import * as M from './materials'
import * as Q from './questions'

/** 招工、培训、社保、职称、劳动纠纷、退休: the employer's side of the talent domain. */
export const EMPLOYMENT_ITEMS: ServiceItem[] = [
  {
    id: 'employ-recruitment',
    domain: 'talent',
    name: t('企业招工服务', 'Recruitment support'),
    summary: t('发布岗位、对接专场招聘会和劳务协作地区，帮企业招到人', 'Posts vacancies and connects the company with job fairs and partner regions'),
    departmentId: 'hrss',
    timeLimitDays: 5,
    keywords: ['招工', '招聘', '用工', '缺工', '招聘会', '岗位发布'],
    questions: [
      Q.industry,
      Q.employeeCount,
      ask('vacancyCount', 'number', t('招聘人数', 'Number of vacancies'), { min: 1, max: 10_000 }),
      ask('jobTitles', 'longText', t('招聘岗位及要求', 'Positions and requirements')),
      ask('monthlyWage', 'amount', t('月薪（元，税前）', 'Monthly wage (yuan, before tax)'), {
        help: t('不得低于当地最低工资标准', 'Not below the local minimum wage'),
        min: 1,
      }),
      ask('needsJobFair', 'yesNo', t('是否希望参加专场招聘会', 'Would you like a place at a job fair?')),
      ask('jobFairDate', 'date', t('希望的招聘会日期', 'Preferred job fair date'), {
        required: false,
        dateRange: ahead(1),
        showIf: { key: 'needsJobFair', equals: true },
      }),
    ],
    materials: [req(M.businessLicense), opt(M.authorization)],
  },
  {
    id: 'employ-training',
    domain: 'talent',
    name: t('职业技能培训补贴', 'Vocational training subsidy'),
    summary: t('企业组织职工参加职业技能培训并取得证书后申领补贴', 'Subsidy for staff who completed vocational training and obtained certificates'),
    departmentId: 'hrss',
    timeLimitDays: 15,
    keywords: ['员工培训', '技能培训', '培训补贴', '职业技能等级', '以工代训'],
    questions: [
      Q.employeeCount,
      ask('traineeCount', 'number', t('参训职工人数', 'Staff trained'), { min: 1, max: 100_000 }),
      ask('trainingType', 'single', t('培训方式', 'Kind of training'), {
        options: [
          choice('in-house', '企业自主培训', 'In-house training'),
          choice('apprenticeship', '企业新型学徒制', 'New-style apprenticeship'),
          choice('institution', '委托培训机构', 'Through a training institution'),
        ],
      }),
      ask('trainingEndDate', 'date', t('培训结束日期', 'Training end date'), { dateRange: past(3) }),
      ask('trainingCost', 'amount', t('培训费用合计（元）', 'Total training cost (yuan)'), { min: 0 }),
    ],
    materials: [
      req(M.businessLicense),
      req({ id: 'training-roster', name: t('参训人员花名册及证书', 'Roster of trainees and their certificates'), form: 'copy' }),
      req(M.socialInsuranceRecord),
    ],
  },
  {
    id: 'employ-social-insurance',
    domain: 'talent',
    name: t('单位社保参保登记与增减员', 'Social insurance registration and staff changes'),
    summary: t('新开办单位参保登记，以及职工参保增员、减员', 'Registers a new employer and adds or removes insured staff'),
    departmentId: 'social-insurance',
    timeLimitDays: 3,
    keywords: ['社保办理', '社保登记', '参保', '增员', '减员', '五险'],
    questions: [
      Q.employeeCount,
      ask('insuranceAction', 'single', t('办理事项', 'What to do'), {
        options: [
          choice('register', '单位参保登记', 'Register the employer'),
          choice('add', '职工增员', 'Add staff'),
          choice('remove', '职工减员', 'Remove staff'),
        ],
      }),
      ask('staffChangeCount', 'number', t('本次增减员人数', 'Staff added or removed'), {
        min: 1,
        max: 10_000,
        showIf: { key: 'insuranceAction', equals: 'add' },
      }),
      ask('insuranceStartDate', 'date', t('参保起始日期', 'Coverage start date'), { dateRange: { pastDays: 50 * 365, futureDays: 92 } }),
    ],
    materials: [req(M.businessLicense), req(M.legalRepId), opt(M.laborContract)],
  },
  {
    id: 'employ-title',
    domain: 'talent',
    name: t('职称评审申报', 'Professional title assessment'),
    summary: t('企业专业技术人员申报初、中、高级职称评审', 'Staff apply for junior, intermediate or senior professional titles'),
    departmentId: 'hrss',
    timeLimitDays: 30,
    keywords: ['职称评聘', '职称评审', '工程师', '高级职称', '专业技术资格'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      Q.educationLevel,
      Q.employmentStartDate,
      ask('titleLevel', 'single', t('申报级别', 'Level applied for'), {
        options: [
          choice('junior', '初级', 'Junior'),
          choice('intermediate', '中级', 'Intermediate'),
          choice('senior', '副高级', 'Associate senior'),
          choice('full-senior', '正高级', 'Full senior'),
        ],
      }),
      ask('titleSeries', 'text', t('申报专业（如工程、经济）', 'Field (e.g. engineering, economics)')),
    ],
    materials: [req(M.applicantId), req(M.degreeCertificate), req(M.laborContract), req({ id: 'work-achievements', name: t('业绩成果材料', 'Evidence of professional achievements'), form: 'either' })],
  },
  {
    id: 'employ-dispute-mediation',
    domain: 'talent',
    name: t('劳动纠纷调解', 'Labour dispute mediation'),
    summary: t('企业与职工发生劳动争议时，申请调解或仲裁前的咨询指导', 'Mediation, or advice before arbitration, when the company and staff disagree'),
    departmentId: 'labor-arbitration',
    timeLimitDays: 15,
    keywords: ['劳动纠纷', '劳动争议', '劳动仲裁', '调解', '欠薪'],
    questions: [
      Q.employeeCount,
      ask('disputeType', 'multi', t('争议事项', 'What the dispute is about'), {
        options: [
          choice('wages', '劳动报酬', 'Pay'),
          choice('contract', '劳动合同解除', 'Ending the contract'),
          choice('injury', '工伤待遇', 'Work injury benefits'),
          choice('insurance', '社会保险', 'Social insurance'),
          choice('other', '其他', 'Other'),
        ],
      }),
      ask('workersInvolved', 'number', t('涉及职工人数', 'Staff involved'), { min: 1, max: 100_000 }),
      ask('disputeAmount', 'amount', t('争议金额（元）', 'Amount in dispute (yuan)'), { required: false, min: 0 }),
      ask('disputeDescription', 'longText', t('争议经过', 'What happened')),
      ask('counterpartMobile', 'mobile', t('职工方联系人手机号码', "Mobile number of the staff's contact person"), {
        required: false,
      }),
    ],
    materials: [req(M.businessLicense), opt(M.laborContract), opt({ id: 'dispute-evidence', name: t('争议相关证据', 'Evidence about the dispute'), form: 'either' })],
  },
  {
    id: 'employ-retirement',
    domain: 'talent',
    name: t('职工退休办理', 'Staff retirement'),
    summary: t('为达到法定退休年龄的职工办理退休并核定养老金', 'Retires staff who reach the statutory age and sets their pension'),
    departmentId: 'social-insurance',
    timeLimitDays: 10,
    keywords: ['办理退休', '退休', '养老金', '弹性退休', '退休审批'],
    questions: [
      Q.applicantName,
      Q.isForeignNational,
      Q.passportNo,
      Q.applicantIdNo,
      Q.applicantMobile,
      ask('retirementType', 'single', t('退休类型', 'Kind of retirement'), {
        options: [
          choice('statutory', '到龄退休', 'At the statutory age'),
          choice('flexible-early', '弹性提前退休', 'Flexible early retirement'),
          choice('flexible-late', '弹性延迟退休', 'Flexible late retirement'),
        ],
      }),
      ask('retirementDate', 'date', t('申请退休日期', 'Requested retirement date'), { dateRange: { pastDays: 365, futureDays: 5 * 365 } }),
      ask('contributionYears', 'number', t('累计缴费年限（年）', 'Years of contributions'), { min: 0, max: 60 }),
    ],
    materials: [req(M.applicantId), req({ id: 'personnel-file', name: t('职工人事档案', 'Personnel file'), form: 'original' }), opt(M.socialInsuranceRecord)],
  },
]
