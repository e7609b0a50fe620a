const zone = 'Asia/Shanghai'

/** The village's month ("2026-12"): villages keep Beijing time, whatever the phone's own zone. */
export function villageMonth(at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric' }).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  return `${part('year')}-${String(part('month')).padStart(2, '0')}`
}

/** "14:05", in Beijing time. */
export function villageTime(at: string | Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at))
}

/** The month before a month ("2026-01" → "2025-12"): the last one that has ended, for this month. */
export function monthBefore(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`
}

/** "12/1 14:05", in Beijing time: when the figures on the page are from. */
export function villageDateTime(at: string | Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: zone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at))
}

/** "2026-12-01", the village's date. */
export function villageDate(at: string | Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(at))
  const part = (type: string) => String(Number(parts.find((p) => p.type === type)!.value)).padStart(2, '0')
  return `${part('year')}-${part('month')}-${part('day')}`
}
