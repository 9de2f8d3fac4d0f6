import { z } from 'zod'
import { normalizeTicketNo, publicView } from '../../shared/public-view'
import type { TrackResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import type { TrackedRequest } from '../storage/types'

/** A ticket number in a path, in any case and with or without dashes; anything else is refused naming the field. */
export const TicketParams = z.object({
  ticketNo: z
    .string()
    .max(64)
    .transform((s, ctx) => {
      const ticketNo = normalizeTicketNo(s)
      if (!ticketNo) ctx.addIssue({ code: 'custom', message: 'must be a ticket number like HZ01-K03-20261128-0007' })
      return ticketNo ?? ''
    }),
})

/** The request behind a ticket number, or undefined for one that is unknown. */
export async function findTicket(ctx: PlatformContext, ticketNo: string): Promise<TrackedRequest | undefined> {
  return ctx.storage.requestByTicket(ticketNo)
}

export async function trackOf(ctx: PlatformContext, tracked: TrackedRequest): Promise<TrackResponse> {
  return publicView(tracked.state, await ctx.catalogs.get(tracked.state.request.catalogVersion))
}
