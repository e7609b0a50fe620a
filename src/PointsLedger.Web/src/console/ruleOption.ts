import type { Schemas } from '../api/client'
import { colorLabel } from '../lib/colors'

type Rule = Pick<Schemas['Awards.AwardableRule'], 'code' | 'color' | 'title' | 'points' | 'cap' | 'requiresApproval'> & {
  capLeft?: number | null
  unit?: string | null
}

const periods: Record<string, string> = { month: '本月', quarter: '本季度', year: '本年' }

export const signed = (points: number) => (points > 0 ? `+${points}` : `${points}`)

/** Whether the rule's cap leaves too little for one more award to this household. */
export const capFull = (rule: Rule) => rule.capLeft != null && rule.capLeft < rule.points

/** "R01 · 红·党的建设 · 参加党日活动 +5（本月还可得 7 分）": everything a cadre weighs when picking a rule. */
export function ruleOption(rule: Rule): string {
  const period = rule.cap?.per === 'once' ? '' : periods[rule.cap?.per ?? 'month']
  const left = rule.capLeft == null ? '' : capFull(rule) ? `（${period || ''}已满）` : rule.cap?.per === 'once' ? '（仅限一次）' : `（${period}还可得 ${rule.capLeft} 分）`
  const approval = rule.requiresApproval ? ' · 须审批' : ''
  const points = rule.unit === 'hour' ? `每小时 ${signed(rule.points)}` : signed(rule.points)
  return `${rule.code} · ${colorLabel(rule.color)} · ${rule.title} ${points}${left}${approval}`
}
