import type { Schemas } from '../api/client'

export type PointColor = Schemas['Ledger.PointColor']
export type ColorTotals = Schemas['Ledger.ColorTotals']

/** The five colours, each named as well as tinted: many phones and every photocopy are black and white. */
export const colors: { color: PointColor; short: string; name: string; ink: string }[] = [
  { color: 'red', short: '红', name: '党的建设', ink: '#b71c1c' },
  { color: 'purple', short: '紫', name: '基层治理', ink: '#6a1b9a' },
  { color: 'orange', short: '橙', name: '乡风文明', ink: '#a34700' },
  { color: 'green', short: '绿', name: '生态环境', ink: '#1b5e20' },
  { color: 'blue', short: '蓝', name: '产业振兴', ink: '#0d47a1' },
]

export function colorLabel(color: PointColor): string {
  const style = colors.find((c) => c.color === color)
  return style ? `${style.short}·${style.name}` : color
}

/** "红 30 · 绿 5": the colours that hold points, for a receipt or a quote line. */
export function totalsLine(totals: ColorTotals): string {
  const parts = colors.filter((c) => totals[c.color] !== 0).map((c) => `${c.short} ${totals[c.color]}`)
  return parts.length > 0 ? parts.join(' · ') : '0'
}
