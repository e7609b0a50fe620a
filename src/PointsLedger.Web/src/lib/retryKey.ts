import { newKey } from '../api/client'

/**
 * The Idempotency-Key of one confirm: the same request sent again (a retry after a dropped answer)
 * carries the same key, so the server answers it once; a changed request, or one after a success, gets a new key.
 */
export class RetryKey {
  private current?: { key: string; request: string }

  constructor(private readonly makeKey: () => string = newKey) {}

  for(request: unknown): string {
    const body = JSON.stringify(request)
    if (this.current?.request !== body) this.current = { key: this.makeKey(), request: body }
    return this.current.key
  }

  succeeded(): void {
    this.current = undefined
  }
}
