import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema'

export type Schemas = components['schemas']
export type Problem = Schemas['Problem']

/** A village network can hang a request for minutes: every call gives up after this long and offers a retry. */
export const requestTimeoutMs = 10_000

/**
 * The page's signed-in session, in memory only: a reload signs in again, and no token is left on a shared
 * phone. `expired` is called when the server no longer takes the token (it ran out, or the password or
 * phone changed), so the page can renew it or ask to sign in again.
 */
export const session: { accessToken?: string; refreshToken?: string; expired?: () => void } = {}

/** A call that gives up after `timeoutMs`, body included: a stalled download ends too, not only a server that never answers. */
export function timedFetch(timeoutMs: number, inner: typeof fetch = (request) => fetch(request)) {
  return async (request: Request) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await inner(new Request(request, { signal: controller.signal }))
      const body = await response.arrayBuffer()
      return new Response(body.byteLength === 0 && [204, 304].includes(response.status) ? null : body, response)
    } finally {
      clearTimeout(timer)
    }
  }
}

const signingIn = (request: Request) => new URL(request.url).pathname.startsWith('/api/auth/')

const authorize: Middleware = {
  onRequest({ request }) {
    if (session.accessToken && !signingIn(request)) request.headers.set('Authorization', `Bearer ${session.accessToken}`)
    request.headers.set('Accept-Language', 'zh-CN')
    return request
  },
  onResponse({ request, response }) {
    // Only the token in use now has ended: a late answer to a request sent with the previous one says nothing.
    if (response.status === 401 && request.headers.get('Authorization') === `Bearer ${session.accessToken}`) session.expired?.()
    return response
  },
}

export const api = createClient<paths>({ fetch: timedFetch(requestTimeoutMs) })
api.use(authorize)

/** Photos and files take longer than a form over a village's mobile network: a minute before giving up. */
export const uploads = createClient<paths>({ fetch: timedFetch(60_000) })
uploads.use(authorize)

/** What went wrong, in words for the resident or clerk: the server's Chinese message, or the network's failure. */
export function describe(failure: unknown): string {
  const problem = failure as Partial<Problem> | undefined
  if (problem && typeof problem === 'object' && typeof problem.code === 'string') return problem.detail ?? problem.title ?? problem.code
  if (failure instanceof DOMException && failure.name === 'AbortError') return '网络超时，请重试'
  return '网络不通，请重试'
}

/** Runs a call and turns a refusal or a lost connection into one thrown Error that carries the problem's code. */
export async function call<T>(run: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await run()
  } catch (lost) {
    throw new CallFailed(describe(lost), undefined)
  }
  if (result.error !== undefined || result.data === undefined) {
    const problem = result.error as Partial<Problem> | undefined
    throw new CallFailed(describe(result.error), problem?.code, result.response.status, problem)
  }
  return result.data
}

/** A call that failed: `code`, `status` and `problem` are the server's answer, all absent when no answer came. */
export class CallFailed extends Error {
  constructor(message: string, readonly code: string | undefined, readonly status?: number, readonly problem?: Partial<Problem>) {
    super(message)
  }

  /**
   * Whether the server decided the request, so that the same key would only replay this answer. A
   * sign-in, rate-limit or server failure, or a write that lost a race, is answered before or without
   * the request being recorded: its outcome is still unknown, and a retry keeps the key.
   */
  get decided(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500 && ![401, 408, 429].includes(this.status) && this.code !== 'concurrency-conflict'
  }
}

/** An Idempotency-Key; `crypto.randomUUID` is missing on a page served over plain http, `getRandomValues` is not. */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
