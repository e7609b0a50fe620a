/** The village's month ("2026-12"): villages keep Beijing time, whatever the phone's own zone. */
export function villageMonth(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(at)
}

/** "14:05", in Beijing time. */
export function villageTime(at: string | Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at))
}
