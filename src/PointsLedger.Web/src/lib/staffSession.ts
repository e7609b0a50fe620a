import { api, call, CallFailed, session } from '../api/client'

/** A staff access token lasts 15 minutes: it is renewed well before, and a renewal lost to the network is tried again soon. */
const renewEveryMs = 10 * 60 * 1000
const renewAgainMs = 30 * 1000

/**
 * A staff member's signed-in session on a page (scanner, console). Renews the access token from the
 * refresh token, one renewal at a time (the server rotates the refresh token, so a second one at once
 * would be refused); a refused renewal (the password changed, the account disabled) ends the session.
 * `generation` changes whenever the session ends: an answer to what an earlier session asked is dropped.
 */
export class StaffSession {
  generation = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private renewal: Promise<void> | undefined

  constructor(private readonly ended: (reason: string) => void) {}

  start() {
    session.expired = () => void this.renew()
    this.schedule(renewEveryMs)
  }

  renew(): Promise<void> {
    this.renewal ??= this.renewOnce().finally(() => (this.renewal = undefined))
    return this.renewal
  }

  /** Forgets the tokens; what the page shows is the page's to clear. */
  end() {
    this.generation += 1
    clearTimeout(this.timer)
    this.renewal = undefined
    session.accessToken = undefined
    session.refreshToken = undefined
    session.expired = undefined
  }

  private schedule(afterMs: number) {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.renew(), afterMs)
  }

  private async renewOnce() {
    clearTimeout(this.timer)
    const asked = this.generation
    const refreshToken = session.refreshToken
    if (!refreshToken) return
    try {
      const renewed = await call(() => api.POST('/api/auth/refresh', { body: { refreshToken } }))
      if (asked !== this.generation) return
      session.accessToken = renewed.accessToken
      session.refreshToken = renewed.refreshToken
      this.schedule(renewEveryMs)
    } catch (failed) {
      if (asked !== this.generation) return
      // A refused refresh token answers 401: unlike other calls' 401, that decides the session.
      if (failed instanceof CallFailed && (failed.decided || failed.status === 401)) this.ended('登录已失效，请重新登录')
      else this.schedule(renewAgainMs)
    }
  }
}
