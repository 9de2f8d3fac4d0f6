import type { Catalog } from '../../shared/catalog/schema'
import type { StaffMember } from '../../shared/sync'

// Invented names for demo data; any resemblance to a real official is unintended.
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const GIVEN = ['建华', '晓燕', '志强', '丽娟', '海峰', '雪梅', '国平', '静怡', '文博', '敏', '晨阳', '佳慧', '宇航', '秀英', '立新', '婷婷']

/**
 * The demo staff who can sign in on HZ01's devices (README "Demo staff"), with their PINs. Their
 * hashes are made once (`npm run pin-hash -- --iterations=200000`), not at each start: deriving four
 * hashes would slow every start of the demo platform for nothing.
 */
export const DEMO_SIGN_IN = [
  { id: 'HZ1001', name: '沈佳怡', departmentId: 'service-center', role: 'clerk', pin: '135790', pinHash: 'pbkdf2-sha256$200000$dbM4wOdCMtMTiNrSfZbASA==$pA+HO/P0pI3JcM8dRBeR6MF11ey8OmUUI2nyI4q1LbM=' },
  { id: 'HZ2001', name: '钱志远', departmentId: 'hrss', role: 'handler', pin: '246802', pinHash: 'pbkdf2-sha256$200000$yD+B4eX3pT6wG0UkwGTLDg==$QVJwniBt/MXgnoToDHBJ4d2adOPURtOOBukQ2oz+gF4=' },
  { id: 'HZ2002', name: '孔令华', departmentId: 'hrss', role: 'lead', pin: '369258', pinHash: 'pbkdf2-sha256$200000$iv4+CQD18Rq+jhnBY/iWBQ==$gOTJgNOv/AzTaETe7pj27yvJWnuesxjwIPo1Sgi873s=' },
  { id: 'HZ2003', name: '蒋文静', departmentId: 'hrss', role: 'clerk', pin: '147036', pinHash: 'pbkdf2-sha256$200000$+kjUkE2BizEWphR//D4Jeg==$HVskYhhHCN7FL2QhTdgETFxI56fkmz5d8IO34FqxDIY=' },
] as const satisfies ReadonlyArray<StaffMember & { pin: string }>

/** A lead and two handlers per department of the catalog, and counter clerks for the center itself; HZ01 also has DEMO_SIGN_IN. */
export function demoStaff(centerCode: string, catalog: Catalog): StaffMember[] {
  const offset = [...centerCode].reduce((sum, c) => sum + c.charCodeAt(0), 0)
  let n = 0
  const person = (departmentId: string, role: StaffMember['role']): StaffMember => {
    const i = offset + n++
    return {
      id: `${centerCode.toLowerCase()}-staff-${String(n).padStart(3, '0')}`,
      name: `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
      departmentId,
      role,
    }
  }
  const generated = catalog.departments.flatMap((d) => [
    person(d.id, 'lead'),
    person(d.id, 'handler'),
    person(d.id, 'handler'),
    ...(d.id === 'service-center' ? [person(d.id, 'clerk'), person(d.id, 'clerk')] : []),
  ])
  const signIn = centerCode === 'HZ01' ? DEMO_SIGN_IN.map(({ pin: _pin, ...member }) => ({ ...member })) : []
  return [...signIn, ...generated]
}
