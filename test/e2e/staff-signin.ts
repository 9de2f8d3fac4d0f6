import { expect, type Page } from '@playwright/test'
import { DEMO_SIGN_IN } from '../../platform/seed/staff'

/** The demo staff who can sign in (platform/seed/staff.ts), by what they do. */
export const STAFF = {
  /** A clerk of the coordinating department (service-center). */
  clerk: DEMO_SIGN_IN[0],
  /** A handler of hrss. */
  handler: DEMO_SIGN_IN[1],
  /** The lead of hrss. */
  lead: DEMO_SIGN_IN[2],
  /** A clerk of hrss. */
  deptClerk: DEMO_SIGN_IN[3],
} as const
export type StaffKey = keyof typeof STAFF

/** Types a staff number on the sign-in's keypad and goes on to the PIN pad. */
export async function enterStaffNumber(page: Page, id: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
  const keys = page.getByRole('group', { name: '工号键盘' })
  for (const key of id.toUpperCase()) await keys.getByRole('button', { name: key, exact: true }).click()
  await page.getByRole('button', { name: '下一步', exact: true }).click()
  await expect(page.getByRole('heading', { name: '请输入 PIN' })).toBeVisible()
}

/** Types a PIN on the PIN pad and confirms it. */
export async function enterStaffPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click()
  await page.getByRole('button', { name: '确定', exact: true }).click()
}

/** Signs a demo staff member in on the sign-in screen already shown, as they would at the touchscreen. */
export async function signInStaff(page: Page, who: StaffKey = 'clerk'): Promise<void> {
  const member = STAFF[who]
  await enterStaffNumber(page, member.id)
  await enterStaffPin(page, member.pin)
  await expect(page.getByTestId('staff-name')).toHaveText(member.name)
}

/** Opens the staff sign-in on a lobby kiosk with the keyboard shortcut and signs in. */
export async function openStaffArea(page: Page, who: StaffKey = 'clerk'): Promise<void> {
  await page.keyboard.press('Control+Alt+S')
  await signInStaff(page, who)
}

/** Opens a section of the staff area by its name in the side bar, e.g. 设备. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '工作区' }).getByRole('button', { name, exact: true }).click()
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible()
}
