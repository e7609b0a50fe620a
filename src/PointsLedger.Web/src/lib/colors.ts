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
