import { randomInt } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'

let last = { msecs: -1, seq: 0 }

/**
 * The id of an event made on the platform at `at`. Events at the same instant are ordered by id (the
 * shared reducer's rule), so ids made within one millisecond must sort in the order they were made:
 * `uuidv7({ msecs })` alone draws its sequence at random and would put a second action before the first.
 */
export function eventIdAt(at: Date): string {
  const msecs = at.getTime()
  const seq = msecs === last.msecs ? last.seq + 1 : randomInt(0, 2 ** 20)
  last = { msecs, seq }
  return uuidv7({ msecs, seq })
}
