import { type Check, fail, pass } from '../result'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * 身份证号 per GB 11643-1999: 17 digits and a check character (0-9 or X), with a birth date that
 * exists and is not in the future. `today` is injectable for tests.
 */
export function validateResidentId(input: string, today: Date = new Date()): Check<string> {
  const id = input.replace(/\s+/g, '').toUpperCase()
  if (id.length === 0) return fail('residentId.empty', '请输入身份证号', 'Please enter the ID number')
  if (id.length !== 18) {
    return fail(
      'residentId.length',
      `身份证号应为18位，当前为${id.length}位`,
      `A resident ID number has 18 characters; this one has ${id.length}`,
    )
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail(
      'residentId.format',
      '身份证号前17位应为数字，最后一位为数字或X',
      'The first 17 characters must be digits and the last a digit or X',
    )
  }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const birth = Date.UTC(y, m - 1, d)
  if (y < 1900 || !isRealDate(y, m, d) || birth > today.getTime()) {
    return fail(
      'residentId.birthDate',
      `身份证号中的出生日期${id.slice(6, 14)}不是有效日期`,
      `The birth date ${id.slice(6, 14)} in the ID number is not a valid date`,
    )
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!
  if (CHECK[sum % 11] !== id[17]) {
    return fail(
      'residentId.checkChar',
      '身份证号最后一位校验码不正确，请核对后重新输入',
      'The last character (check character) of the ID number is wrong',
    )
  }
  return pass(id)
}
