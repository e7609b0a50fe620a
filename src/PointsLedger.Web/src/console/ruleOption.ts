import type { Schemas } from '../api/client'
import { colorLabel } from '../lib/colors'

const periods: Record<string, string> = { month: '本月', quarter: '本季度', year: '本年', once: '' }

/** "R01 · 红·党的建设 · 参加党日活动 +5（本月还可得 7 分）": everything a cadre weighs when picking a rule. */
export function ruleOption(rule: Schemas['Awards.AwardableRule']): string {
  const points = `${rule.points > 0 ? '+' : ''}${rule.points}`
  const left = rule.capLeft == null ? '' : rule.cap?.per === 'once' ? (rule.capLeft > 0 ? '（仅限一次）' : '（已评过）') : `（${periods[rule.cap?.per ?? 'month']}还可得 ${rule.capLeft} 分）`
  const approval = rule.requiresApproval ? ' · 须审批' : ''
  return `${rule.code} · ${colorLabel(rule.color)} · ${rule.title} ${points}${left}${approval}`
}
