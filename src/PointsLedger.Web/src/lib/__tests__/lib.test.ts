import { describe, expect, it } from 'vitest'
import { colorLabel, totalsLine } from '../colors'
import { formatCountdown, needsRefresh, secondsLeft } from '../countdown'
import { RetryKey } from '../retryKey'

describe('the payment code countdown', () => {
  const expiresAt = '2026-12-01T08:02:00Z'
  const at = (iso: string) => new Date(iso).getTime()

  it('counts whole seconds down to the expiry and stops at zero', () => {
    expect(secondsLeft(expiresAt, at('2026-12-01T08:00:00Z'))).toBe(120)
    expect(secondsLeft(expiresAt, at('2026-12-01T08:01:59.500Z'))).toBe(0)
    expect(secondsLeft(expiresAt, at('2026-12-01T08:05:00Z'))).toBe(0)
  })

  it('reads as minutes and seconds', () => {
    expect(formatCountdown(120)).toBe('2:00')
    expect(formatCountdown(65)).toBe('1:05')
    expect(formatCountdown(9)).toBe('0:09')
  })

  it('asks for a new code before the old one runs out', () => {
    expect(needsRefresh(expiresAt, at('2026-12-01T08:01:40Z'))).toBe(false)
    expect(needsRefresh(expiresAt, at('2026-12-01T08:01:45Z'))).toBe(true)
  })
})

describe('the confirm key', () => {
  let made = 0
  const keys = () => new RetryKey(() => `key-${++made}`)

  it('is the same on every retry of the same request', () => {
    const confirm = keys()
    const request = { offerId: 'a', items: [{ sku: 'salt', quantity: 2 }] }
    expect(confirm.for(request)).toBe(confirm.for({ ...request }))
  })

  it('is new when the request changes or after a success', () => {
    const confirm = keys()
    const first = confirm.for({ quantity: 1 })
    const changed = confirm.for({ quantity: 2 })
    expect(changed).not.toBe(first)
    confirm.succeeded()
    expect(confirm.for({ quantity: 2 })).not.toBe(changed)
  })
})

describe('colours', () => {
  it('are named, not only tinted', () => {
    expect(colorLabel('green')).toBe('绿·生态环境')
  })

  it('list only the colours that hold points', () => {
    expect(totalsLine({ red: 30, purple: 0, orange: 0, green: 5, blue: 0, total: 35 })).toBe('红 30 · 绿 5')
    expect(totalsLine({ red: 0, purple: 0, orange: 0, green: 0, blue: 0, total: 0 })).toBe('0')
  })
})
