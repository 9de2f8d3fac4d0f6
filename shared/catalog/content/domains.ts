import type { Domain } from '../schema'
import { t } from './build'

export const DOMAINS: Domain[] = [
  { id: 'project', name: t('项目', 'Projects'), summary: t('企业开办、项目投资审批与落地', 'Starting a business, investment approvals and project delivery') },
  { id: 'policy', name: t('政策', 'Policies'), summary: t('惠企政策匹配、申报与兑现', 'Matching, applying for and receiving business support policies') },
  { id: 'finance', name: t('金融', 'Finance'), summary: t('融资担保、股权挂牌、产业基金与上市培育', 'Loan guarantees, equity listing, industrial funds and IPO preparation') },
  { id: 'talent', name: t('人才', 'Talent'), summary: t('人才认定与安居，招工用工与社保', 'Talent certification and settlement, hiring, staff and social insurance') },
  { id: 'legal', name: t('法治', 'Legal'), summary: t('法律咨询、合规体检、信用修复与纠纷调解', 'Legal advice, compliance checks, credit repair and mediation') },
  { id: 'innovation', name: t('科创', 'Innovation'), summary: t('科技企业认定、研发费用加计扣除与知识产权', 'Tech enterprise status, R&D tax deduction and intellectual property') },
  { id: 'openness', name: t('开放', 'Openness'), summary: t('外资外贸、出口信保与境外展会', 'Foreign investment, trade, export credit insurance and trade fairs') },
  { id: 'data', name: t('数据', 'Data'), summary: t('公共数据、数据知识产权与数字化改造', 'Public data, data IP and digital transformation') },
]
