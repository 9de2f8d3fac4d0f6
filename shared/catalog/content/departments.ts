import type { Department } from '../schema'
import { t } from './build'

const dept = (id: string, zh: string, en: string): Department => ({ id, name: t(zh, en) })

export const DEPARTMENTS: Department[] = [
  dept('service-center', '市企业综合服务中心', 'Municipal Enterprise Comprehensive Service Center'),
  dept('ndrc', '市发展和改革委员会', 'Municipal Development and Reform Commission'),
  dept('economy', '市经济和信息化局', 'Municipal Bureau of Economy and Information Technology'),
  dept('science', '市科学技术局', 'Municipal Science and Technology Bureau'),
  dept('commerce', '市商务局', 'Municipal Commerce Bureau'),
  dept('amr', '市市场监督管理局', 'Municipal Administration for Market Regulation'),
  dept('ipr-center', '市知识产权保护中心', 'Municipal Intellectual Property Protection Center'),
  dept('hrss', '市人力资源和社会保障局', 'Municipal Human Resources and Social Security Bureau'),
  dept('social-insurance', '市社会保险事业管理中心', 'Municipal Social Insurance Administration Center'),
  dept('labor-arbitration', '市劳动人事争议仲裁院', 'Municipal Labour and Personnel Dispute Arbitration Court'),
  dept('talent-office', '市委人才工作领导小组办公室（人才办）', 'Municipal Talent Work Office'),
  dept('housing', '市住房和城乡建设局', 'Municipal Housing and Urban-Rural Development Bureau'),
  dept('planning', '市自然资源和规划局', 'Municipal Natural Resources and Planning Bureau'),
  dept('ecology', '市生态环境局', 'Municipal Ecology and Environment Bureau'),
  dept('education', '市教育局', 'Municipal Education Bureau'),
  dept('psb-exit-entry', '市公安局出入境管理局', 'Exit-Entry Administration, Municipal Public Security Bureau'),
  dept('psb-household', '市公安局户政管理处', 'Household Registration Office, Municipal Public Security Bureau'),
  dept('psb-public-order', '市公安局治安管理支队', 'Public Order Division, Municipal Public Security Bureau'),
  dept('justice', '市司法局', 'Municipal Justice Bureau'),
  dept('tax', '国家税务总局市税务局', 'Municipal Tax Service, State Taxation Administration'),
  dept('data-bureau', '市数据局', 'Municipal Data Bureau'),
  dept('cyberspace', '市委网络安全和信息化委员会办公室', 'Municipal Cyberspace Affairs Office'),
  dept('finance-regulation', '市地方金融管理局（金融办）', 'Municipal Local Financial Administration'),
  dept('guarantee', '市融资担保有限公司', 'Municipal Government Financing Guarantee Co., Ltd.'),
  dept('industry-fund', '市产业基金管理有限公司', 'Municipal Industrial Fund Management Co., Ltd.'),
]
