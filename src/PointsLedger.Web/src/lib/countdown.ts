/** Seconds left until `expiresAt`, never below zero. */
export function secondsLeft(expiresAt: string | Date, now: number = Date.now()): number {
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000))
}

/** "1:05": minutes and seconds, as the payment code's countdown shows them. */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** A code is replaced this long before it runs out, so the clerk never scans one that dies in the scan. */
export const refreshBeforeSeconds = 15

export function needsRefresh(expiresAt: string | Date, now: number = Date.now()): boolean {
  return secondsLeft(expiresAt, now) <= refreshBeforeSeconds
}

/**
 * The code's expiry on this phone's clock: a village phone's clock can be minutes off, so the time left
 * is taken from the server's own clock (the answer's Date header) and counted down from when it arrived.
 */
export function localExpiry(expiresAt: string, serverDate: string | null, receivedAt: number = Date.now()): number {
  const server = serverDate ? new Date(serverDate).getTime() : NaN
  return Number.isNaN(server) ? new Date(expiresAt).getTime() : receivedAt + (new Date(expiresAt).getTime() - server)
}
