import { TicketNo } from '../../shared/request'
import type { TrackResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import type { TrackedRequest } from '../storage/types'
import { trackView } from './view'

/** The request behind a ticket number, or undefined for a number that is malformed or unknown. */
export async function findTicket(ctx: PlatformContext, ticketNo: string): Promise<TrackedRequest | undefined> {
  if (!TicketNo.safeParse(ticketNo).success) return undefined
  return ctx.storage.requestByTicket(ticketNo)
}

export async function trackOf(ctx: PlatformContext, tracked: TrackedRequest): Promise<TrackResponse> {
  return trackView(tracked.state, await ctx.catalogs.get(tracked.state.request.catalogVersion))
}
