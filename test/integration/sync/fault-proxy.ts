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

export interface FaultProxy {
  url: string
  counts: Record<Fault, number>
  /** Change the upstream, e.g. after a platform restart on another port. */
  setTarget(url: string): void
  setRates(rates: Partial<FaultRates>): void
  close(): Promise<void>
}

/**
 * An HTTP proxy between kiosks and the platform that misbehaves like a bad network, at the given
 * rates, decided by a seeded random source. Faults after forwarding matter most: the platform has
 * stored the events but the kiosk never learns it, so the kiosk must resend and the platform dedupe.
 */
export async function startFaultProxy(opts: { target: string; seed: number; rates: Partial<FaultRates>; maxDelayMs?: number }): Promise<FaultProxy> {
  const random = seededRandom(opts.seed)
  let target = new URL(opts.target)
  let rates: FaultRates = { drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0, ...opts.rates }
  const maxDelayMs = opts.maxDelayMs ?? 200
  const counts: Record<Fault, number> = { drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0, pass: 0 }

  function pick(): Fault {
    let r = random()
    for (const fault of ['drop', 'delay', 'error500', 'resetMidResponse', 'truncate'] as const) {
      if (r < rates[fault]) return fault
      r -= rates[fault]
    }
    return 'pass'
  }

  const server = http.createServer((req, res) => {
    const fault = pick()
    counts[fault]++
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
