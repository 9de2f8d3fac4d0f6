import { expect, type Page } from '@playwright/test'

/** The e2e kiosk's IT admin PIN, and its hash as provisioned (`npm run pin-hash -- --iterations=200000`). */
export const E2E_ADMIN_PIN = '24681357'
export const E2E_ADMIN_PIN_HASH = 'pbkdf2-sha256$200000$1bp3m9NRS6eFSTIxSc25zQ==$yviTQp87kd4BDpp6RFV8sGO4mp7KRx5dim2yh4L+vXc='

/** Types the PIN on the on-screen keypad, as IT would at the touchscreen, and confirms it. */
export async function enterAdminPin(page: Page, pin = E2E_ADMIN_PIN): Promise<void> {
  await expect(page.getByRole('heading', { name: '运维管理员验证' })).toBeVisible()
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click()
  await page.getByRole('button', { name: '确定', exact: true }).click()
}
