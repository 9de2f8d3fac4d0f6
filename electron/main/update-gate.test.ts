import { describe, expect, it } from 'vitest'
import { updateGate, type UpdateGateInput } from './update-gate'

const MIN = 60_000
const HOUR = 60 * MIN
const NOW = 100 * HOUR
const base: UpdateGateInput = { downloaded: { version: '1.5.0', at: NOW - HOUR }, visitorActive: false, idleSince: NOW - 30 * MIN, open: false, now: NOW }

describe('update gate', () => {
  it('has nothing to install before a download finished', () => {
    expect(updateGate({ ...base, downloaded: null })).toEqual({ install: false, why: 'nothing' })
  })

  it('installs when the center is closed and nobody is at the kiosk', () => {
    expect(updateGate(base)).toEqual({ install: true, why: 'closed' })
  })

  it('never installs while a visitor is mid-flow or staff are in their panel, open or closed', () => {
    expect(updateGate({ ...base, visitorActive: true })).toEqual({ install: false, why: 'inUse' })
    expect(updateGate({ ...base, visitorActive: true, open: true, downloaded: { version: '1.5.0', at: NOW - 72 * HOUR } })).toEqual({ install: false, why: 'inUse' })
  })

  it('waits a little after someone left: they may come back for their receipt', () => {
    expect(updateGate({ ...base, idleSince: NOW - MIN })).toEqual({ install: false, why: 'justUsed' })
    expect(updateGate({ ...base, idleSince: NOW - 2 * MIN })).toEqual({ install: true, why: 'closed' })
  })

  it('waits for closing time during opening hours', () => {
    expect(updateGate({ ...base, open: true })).toEqual({ install: false, why: 'openingHours' })
  })

  it('installs an update that has waited a day during opening hours, once the kiosk has been idle ten minutes', () => {
    const overdue = { ...base, open: true, downloaded: { version: '1.5.0', at: NOW - 24 * HOUR } }
    expect(updateGate({ ...overdue, idleSince: NOW - 5 * MIN })).toEqual({ install: false, why: 'openingHours' })
    expect(updateGate({ ...overdue, idleSince: NOW - 10 * MIN })).toEqual({ install: true, why: 'overdue' })
  })
})
