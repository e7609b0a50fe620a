import { describe, expect, it } from 'vitest'
import { colorLabel } from '../colors'
import { formatCountdown, localExpiry, needsRefresh, secondsLeft } from '../countdown'
import { monthBefore, villageDate, villageDateTime, villageMonth, villageTime } from '../villageTime'
import { RetryKey } from '../retryKey'
import { CallFailed } from '../../api/client'

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

  it('is new when the request changes or after an answer', () => {
    const confirm = keys()
    const first = confirm.for({ quantity: 1 })
    const changed = confirm.for({ quantity: 2 })
    expect(changed).not.toBe(first)
    confirm.settled()
    expect(confirm.for({ quantity: 2 })).not.toBe(changed)
  })
})

describe('sending under the confirm key', () => {
  it('keeps the key when no answer came, and drops it after a refusal', async () => {
    let made = 0
    const confirm = new RetryKey(() => `key-${++made}`)
    const sent: string[] = []
    const lost = (key: string) => { sent.push(key); return Promise.reject(new CallFailed('网络不通，请重试', undefined)) }
    const refused = (key: string) => { sent.push(key); return Promise.reject(new CallFailed('积分不足', 'insufficient-points', 409)) }

    await expect(confirm.send({ quantity: 1 }, lost)).rejects.toThrow()
    await expect(confirm.send({ quantity: 1 }, refused)).rejects.toThrow()
    await expect(confirm.send({ quantity: 1 }, (key) => { sent.push(key); return Promise.resolve('receipt') })).resolves.toBe('receipt')

    expect(sent).toEqual(['key-1', 'key-1', 'key-2'])
  })

  it('keeps the key when the answer decided nothing: the token ran out, too many requests, a lost race', async () => {
    const confirm = new RetryKey(() => 'only-key')
    for (const failure of [new CallFailed('请重新登录', 'unauthorized', 401), new CallFailed('请稍后再试', 'too-many-requests', 429),
      new CallFailed('请重试', 'concurrency-conflict', 409), new CallFailed('服务器出错', 'server-error', 500)]) {
      await expect(confirm.send({ quantity: 1 }, () => Promise.reject(failure))).rejects.toThrow()
      expect(confirm.pending).toBe(true)
    }
  })
})

describe('colours', () => {
  it('are named, not only tinted', () => {
    expect(colorLabel('green')).toBe('绿·生态环境')
  })
})

describe('the phone clock', () => {
  it('counts the code down from when it arrived, by the server clock, however wrong the phone is', () => {
    const arrived = new Date('2026-12-01T09:30:00Z').getTime() // the phone is 90 minutes fast
    expect(localExpiry('2026-12-01T08:02:00Z', 'Tue, 01 Dec 2026 08:00:00 GMT', arrived)).toBe(arrived + 120_000)
    expect(localExpiry('2026-12-01T08:02:00Z', null, arrived)).toBe(new Date('2026-12-01T08:02:00Z').getTime())
  })

  it('gives the village month and time in Beijing time', () => {
    expect(villageMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12')
    expect(villageMonth(new Date('2026-11-30T15:30:00Z'))).toBe('2026-11')
    expect(villageTime('2026-11-30T16:05:00Z')).toBe('00:05')
    expect(villageDate('2026-11-30T16:05:00Z')).toBe('2026-12-01')
    expect(villageDateTime('2026-11-30T16:05:00Z')).toBe('12/1 00:05')
  })
})

describe('the month before', () => {
  it('steps back across the year', () => {
    expect([monthBefore('2026-12'), monthBefore('2026-01')]).toEqual(['2026-11', '2025-12'])
  })
})
