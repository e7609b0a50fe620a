import { api, call } from '../api/client'

/**
 * Opens a printable page (a notice sheet, a roster) in a new tab without a bearer header: the tab is
 * opened at once, inside the tap, so no popup blocker stops it, and sent to a five-minute print link
 * once the server has made one. Where the browser allows no new tab, the console stays (leaving it
 * would end the session, which lives in the page) and says so. Answers what went wrong, in words, or ''.
 */
export async function openPrintable(path: string): Promise<string> {
  const tab = window.open('', '_blank')
  if (!tab) return '浏览器没有打开新窗口：请允许本站弹出窗口，或换用手机自带浏览器，再点一次'
  try {
    const link = await call(() => api.POST('/api/print-links', { body: { path } }))
    tab.location.href = link.url
    return ''
  } catch (failed) {
    tab.close()
    return (failed as Error).message
  }
}
