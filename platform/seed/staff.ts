import type { Catalog } from '../../shared/catalog/schema'
import type { StaffMember } from '../../shared/sync'

// Invented names for demo data; any resemblance to a real official is unintended.
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const GIVEN = ['建华', '晓燕', '志强', '丽娟', '海峰', '雪梅', '国平', '静怡', '文博', '敏', '晨阳', '佳慧', '宇航', '秀英', '立新', '婷婷']

/** A lead and two handlers per department of the catalog, and counter clerks for the center itself. */
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
  return catalog.departments.flatMap((d) => [
    person(d.id, 'lead'),
    person(d.id, 'handler'),
    person(d.id, 'handler'),
    ...(d.id === 'service-center' ? [person(d.id, 'clerk'), person(d.id, 'clerk')] : []),
  ])
}
