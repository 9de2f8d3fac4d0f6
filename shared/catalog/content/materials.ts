import { doc, t } from './build'

/** Documents several items ask for, defined once so a bundle lists each a single time. */
export const businessLicense = doc('business-license', t('营业执照', 'Business licence'), 'copy')
export const legalRepId = doc('legal-rep-id', t('法定代表人身份证', "Legal representative's ID card"), 'copy')
export const applicantId = doc('applicant-id', t('申请人身份证件', "Applicant's identity document"), 'copy', t('外籍人员提供护照', 'Foreign nationals bring a passport'))
export const authorization = doc(
  'authorization-letter',
  t('授权委托书', 'Letter of authorisation'),
  'original',
  t('由代理人办理时提供，加盖企业公章', 'When an agent applies; stamped with the company seal'),
)
export const financialStatements = doc(
  'financial-statements',
  t('近三年财务报表', 'Financial statements for the last three years'),
  'copy',
)
export const auditReport = doc('audit-report', t('上年度审计报告', "Last year's audit report"), 'copy')
export const laborContract = doc('labor-contract', t('劳动合同', 'Employment contract'), 'copy')
export const socialInsuranceRecord = doc(
  'social-insurance-record',
  t('社会保险缴费证明', 'Social insurance payment record'),
  'either',
  t('可在浙里办自助打印', 'Can be printed from Zheliban'),
)
export const degreeCertificate = doc('degree-certificate', t('学历学位证书', 'Degree certificates'), 'copy')
export const talentCertificate = doc('talent-certificate', t('人才认定证书', 'Talent certification'), 'copy')
export const ipCertificates = doc('ip-certificates', t('知识产权证书', 'IP certificates'), 'copy')
export const projectFiling = doc('project-filing-cert', t('项目备案（核准）文件', 'Project filing or approval document'), 'copy')
export const landDocument = doc('land-document', t('不动产权证书或土地出让合同', 'Land title certificate or land transfer contract'), 'copy')
export const businessPlan = doc('business-plan', t('商业计划书', 'Business plan'), 'either')
export const householdRegister = doc('household-register', t('户口簿', 'Household register'), 'original')
export const taxReturns = doc('tax-returns', t('上年度企业所得税年度纳税申报表', "Last year's corporate income tax return"), 'copy')
export const exportRecords = doc('export-records', t('出口报关单或出口数据证明', 'Export declarations or export data certificate'), 'copy')
export const birthCertificate = doc('birth-certificate', t('出生医学证明', 'Birth certificate'), 'copy')
export const relatedDocuments = doc('related-documents', t('相关合同或文书', 'Related contracts or documents'), 'either')
