import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DEFAULT_STAFF_IDLE_SECONDS, verifyPin, type StaffMember } from '../../shared/index'
import { getDb } from '../db/index'
import { clearWrongPins, getStaffLocalDb, lockRemaining, recordWrongPin, staffKey } from '../db/staff-local'
import { useProvisioningStore } from './provisioning'

/** Who is signed in, as screens see them: never the PIN hash. */
export type SignedInMember = Omit<StaffMember, 'pinHash'>

/**
 * A sign-in's outcome. An unknown staff number, one without a PIN and a wrong PIN read the same
 * ("staff number or PIN wrong") and count alike, so the pad does not tell who works here.
 */
export type SignInResult =
  | { ok: true; member: SignedInMember }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number }

/** `removed`: the person left the synced staff list (deactivated) or their PIN was reset. */
export type SignOutReason = 'user' | 'idle' | 'removed'

function withoutHash({ pinHash: _hash, ...member }: StaffMember): SignedInMember {
  return member
}

/**
 * Counter staff on this device: sign-in by staff number and PIN, checked offline against the PIN
 * hashes that came with the synced staff list; the wrong-PIN lockout kept in the device's staff
 * database so a reload does not reset it; and the idle sign-out after IT's `idleTimeouts.staff`.
 */
export const useStaffStore = defineStore('staff', () => {
  const provisioning = useProvisioningStore()
  /**
   * Milliseconds without a touch, a key or a wheel turn before staff mode ends: IT's provisioned
   * `idleTimeouts.staff`, the one reading of it (the IT diagnostics gate locks after the same time).
   */
  const idleMs = computed(() => (provisioning.settings?.idleTimeouts.staff ?? DEFAULT_STAFF_IDLE_SECONDS) * 1000)
  const member = shallowRef<SignedInMember | null>(null)
  /** Why the last session ended, for the sign-in screen to say so (null after a sign-in). */
  const lastSignOut = ref<SignOutReason | null>(null)
  /** The staff area's open section (an id of STAFF_SECTIONS); null: the first one the role sees. */
  const section = ref<string | null>(null)
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  /** The PIN hash the person signed in with: a reset on the platform ends the session too. */
  let signedInHash: string | undefined
  const onSignOut = new Set<(reason: SignOutReason) => void>()

  /** Milliseconds this staff number stays locked on this device (0: not locked). */
  function lockedFor(staffId: string): Promise<number> {
    return lockRemaining(getStaffLocalDb(), staffId, Date.now())
  }

  async function signIn(staffId: string, pin: string): Promise<SignInResult> {
    const local = getStaffLocalDb()
    const wait = await lockRemaining(local, staffId, Date.now())
    if (wait > 0) return { ok: false, reason: 'locked', retryAfterMs: wait }
    const key = staffKey(staffId)
    const found = (await getDb().staff.toArray()).find((s) => staffKey(s.id) === key)
    if (found?.pinHash && (await verifyPin(pin, found.pinHash))) {
      await clearWrongPins(local, staffId)
      member.value = withoutHash(found)
      signedInHash = found.pinHash
      lastSignOut.value = null
      touch()
      return { ok: true, member: member.value }
    }
    const { attemptsLeft, lockedForMs } = await recordWrongPin(local, staffId, Date.now())
    return lockedForMs > 0 ? { ok: false, reason: 'locked', retryAfterMs: lockedForMs } : { ok: false, reason: 'wrong', attemptsLeft }
  }

  function signOut(reason: SignOutReason = 'user'): void {
    clearTimeout(idleTimer)
    idleTimer = undefined
    if (!member.value) return
    for (const listener of onSignOut) listener(reason)
    member.value = null
    section.value = null
    lastSignOut.value = reason
  }

  function openSection(id: string): void {
    section.value = id
  }

  /**
   * After the staff list changed (a sync): whoever was deactivated, or had their PIN reset, since
   * they signed in is signed out, and their role or department follows the list.
   */
  async function recheck(): Promise<void> {
    const current = member.value
    if (!current) return
    const listed = await getDb().staff.get(current.id)
    if (member.value?.id !== current.id) return
    if (!listed || listed.pinHash !== signedInHash) return signOut('removed')
    if (listed.role !== current.role || listed.departmentId !== current.departmentId || listed.name !== current.name) member.value = withoutHash(listed)
  }

  /** Someone used the screen: the idle clock starts again. */
  function touch(): void {
    if (!member.value) return
    clearTimeout(idleTimer)
    idleTimer = setTimeout(() => signOut('idle'), idleMs.value)
  }

  /**
   * Run something while the person is still signed in, just before a sign-out (e.g. keep an open
   * assisted intake as a draft). Returns the unsubscribe.
   */
  function beforeSignOut(listener: (reason: SignOutReason) => void): () => void {
    onSignOut.add(listener)
    return () => onSignOut.delete(listener)
  }

  return { member, lastSignOut, section, idleMs, lockedFor, signIn, signOut, recheck, touch, beforeSignOut, openSection }
})
