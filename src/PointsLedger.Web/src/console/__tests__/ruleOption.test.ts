import { describe, expect, it } from 'vitest'
import { capFull, ruleOption } from '../ruleOption'

const rule = { code: 'R01', color: 'orange' as const, title: '清理房前屋后', points: 5, requiresApproval: false }

describe('a rule as the cadre picks it', () => {
  it('says what is left of a monthly cap, and that one more award would overrun it', () => {
    const roomy = { ...rule, cap: { points: 10, per: 'month' as const }, capLeft: 7 }
    const tight = { ...roomy, capLeft: 2 }
    expect(ruleOption(roomy)).toBe('R01 · 橙·乡风文明 · 清理房前屋后 +5（本月还可得 7 分）')
    expect([capFull(roomy), capFull(tight)]).toEqual([false, true])
    expect(ruleOption(tight)).toBe('R01 · 橙·乡风文明 · 清理房前屋后 +5（本月已满）')
  })

  it('names a deduction by its sign and an uncapped rule without a limit', () => {
    expect(ruleOption({ ...rule, points: -3, cap: undefined, capLeft: null, requiresApproval: true })).toBe('R01 · 橙·乡风文明 · 清理房前屋后 -3 · 须审批')
  })

  it('tells a once-only rule that was already given from one still open', () => {
    const once = { ...rule, cap: { points: 5, per: 'once' as const } }
    expect(ruleOption({ ...once, capLeft: 5 })).toContain('（仅限一次）')
    expect(ruleOption({ ...once, capLeft: 0 })).toContain('（已满）')
  })
})
