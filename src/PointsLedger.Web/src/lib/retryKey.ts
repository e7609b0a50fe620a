import { CallFailed, newKey } from '../api/client'

/**
 * The Idempotency-Key of one write: the same request sent again (a retry after a dropped answer)
 * carries the same key, so the server answers it once. Once an answer came, success or refusal, the
 * next request gets a new key, or the server would replay that answer; so does a changed request.
 */
export class RetryKey {
  private current?: { key: string; request: string }

  constructor(private readonly makeKey: () => string = newKey) {}

  for(request: unknown): string {
    const body = JSON.stringify(request)
    if (this.current?.request !== body) this.current = { key: this.makeKey(), request: body }
    return this.current.key
  }

  settled(): void {
    this.current = undefined
  }

  /** A request went out and its outcome is unknown: only the same request, under the same key, may follow. */
  get pending(): boolean {
    return this.current !== undefined
  }

  /** Sends `request` under its key; the key is kept while the outcome is unknown (no answer, or one that decided nothing). */
  async send<T>(request: unknown, run: (key: string) => Promise<T>): Promise<T> {
    try {
      const answer = await run(this.for(request))
      this.settled()
      return answer
    } catch (failed) {
      if (failed instanceof CallFailed && failed.decided) this.settled()
      throw failed
    }
  }
}

/** One RetryKey per action on a record ("approve" of one award, "decline" of one claim), kept while the page is open. */
export class RetryKeys {
  private readonly keys = new Map<string, RetryKey>()

  for(action: string, id: string): RetryKey {
    const name = `${action}/${id}`
    if (!this.keys.has(name)) this.keys.set(name, new RetryKey())
    return this.keys.get(name)!
  }
}
