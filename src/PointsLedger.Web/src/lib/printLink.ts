import { api, call } from '../api/client'

/**
 * Opens a printable page (a notice sheet, a roster) in a new tab without a bearer header: the tab is
 * opened at once, inside the tap, so no popup blocker stops it, and sent to a five-minute print link
 * once the server has made one. The sheet's own print button, or the browser's, prints it.
 */
export async function openPrintable(path: string): Promise<void> {
  const tab = window.open('', '_blank')
  try {
    const link = await call(() => api.POST('/api/print-links', { body: { path } }))
    if (tab) tab.location.href = link.url
    else window.location.href = link.url
  } catch (failed) {
    tab?.close()
    throw failed
  }
}
