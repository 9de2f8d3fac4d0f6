import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** Seeded PRNG (mulberry32): the same seed gives the same faults, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export type Fault =
  /** The connection dies before the platform sees the request. */
  | 'drop'
  /** The request and the answer go through, late. */
  | 'delay'
  /** A 500 from "the network" without the platform seeing the request. */
  | 'error500'
  /** The platform handles the request, then the answer is cut off mid-way by a reset. */
  | 'resetMidResponse'
  /** The platform handles the request; the answer arrives complete-looking but its body is cut short. */
  | 'truncate'
  | 'pass'

export interface FaultRates {
  drop: number
  delay: number
  error500: number
  resetMidResponse: number
  truncate: number
}

export const FAULTS = ['drop', 'delay', 'error500', 'resetMidResponse', 'truncate'] as const satisfies ReadonlyArray<Fault>

/** Which sync call a request is: faults matter differently on the way up and on the way down. */
export type Route = 'push' | 'pull' | 'other'

function routeOf(url: string | undefined): Route {
  if (url?.includes('/sync/push')) return 'push'
  if (url?.includes('/sync/pull')) return 'pull'
  return 'other'
}

export interface FaultProxy {
  url: string
  counts: Record<Fault, number>
  /** The same counts by route. */
  countsBy: Record<Route, Record<Fault, number>>
  /** Change the upstream, e.g. after a platform restart on another port. */
  setTarget(url: string): void
  setRates(rates: Partial<FaultRates>): void
  close(): Promise<void>
}

const noFaults = (): Record<Fault, number> => ({ drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0, pass: 0 })

/**
 * An HTTP proxy between kiosks and the platform that misbehaves like a bad network. `forced` lists,
 * per route, the fault of each request in turn (then the rates decide); `rates` are chances, drawn
 * from a seeded random source. Faults after forwarding matter most: the platform has stored the
 * events but the kiosk never learns it, so the kiosk must resend and the platform dedupe.
 */
export async function startFaultProxy(opts: {
  target: string
  seed: number
  rates?: Partial<FaultRates>
  forced?: Partial<Record<Route, Fault[]>>
  maxDelayMs?: number
}): Promise<FaultProxy> {
  const random = seededRandom(opts.seed)
  let target = new URL(opts.target)
  let rates: FaultRates = { drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0, ...opts.rates }
  const forced: Record<Route, Fault[]> = { push: [...(opts.forced?.push ?? [])], pull: [...(opts.forced?.pull ?? [])], other: [...(opts.forced?.other ?? [])] }
  const maxDelayMs = opts.maxDelayMs ?? 200
  const counts = noFaults()
  const countsBy: Record<Route, Record<Fault, number>> = { push: noFaults(), pull: noFaults(), other: noFaults() }

  function pick(route: Route): Fault {
    const next = forced[route].shift()
    if (next) return next
    let r = random()
    for (const fault of FAULTS) {
      if (r < rates[fault]) return fault
      r -= rates[fault]
    }
    return 'pass'
  }

  const server = http.createServer((req, res) => {
    const route = routeOf(req.url)
    const fault = pick(route)
    counts[fault]++
    countsBy[route][fault]++
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (fault === 'drop') {
        req.socket.destroy()
        return
      }
      if (fault === 'error500') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('proxy: upstream failure')
        return
      }
      const delay = fault === 'delay' ? Math.floor(random() * maxDelayMs) : 0
      setTimeout(() => forward(Buffer.concat(chunks)), delay)
    })

    function forward(body: Buffer): void {
      const headers = { ...req.headers, host: target.host }
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
        (up) => {
          const parts: Buffer[] = []
          up.on('data', (c: Buffer) => parts.push(c))
          up.on('error', () => req.socket.destroy())
          up.on('end', () => {
            const answer = Buffer.concat(parts)
            const outHeaders = { ...up.headers }
            delete outHeaders['transfer-encoding']
            if (fault === 'resetMidResponse') {
              res.writeHead(up.statusCode ?? 502, { ...outHeaders, 'content-length': String(answer.length) })
              res.write(answer.subarray(0, Math.floor(answer.length / 2)))
              setTimeout(() => req.socket.destroy(), 5)
              return
            }
            const sent = fault === 'truncate' ? answer.subarray(0, Math.floor(answer.length * random())) : answer
            res.writeHead(up.statusCode ?? 502, { ...outHeaders, 'content-length': String(sent.length) })
            res.end(sent)
          })
        },
      )
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('proxy: platform unreachable')
        else req.socket.destroy()
      })
      upstream.end(body)
    }
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    countsBy,
    setTarget(url) {
      target = new URL(url)
    },
    setRates(next) {
      rates = { ...rates, ...next }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
