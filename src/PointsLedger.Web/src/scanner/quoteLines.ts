import type { Schemas } from '../api/client'
import { colorLabel, colors } from '../lib/colors'

type Quote = Schemas['Redemptions.RedemptionQuote']

/** One thing a household can take here (an offer or goods): what the clerk sees, how many it may take now, and what the request names. */
export type QuoteLine = {
  key: string
  section: '兑换项目' | '商品'
  title: string
  points: number
  detail: string
  max: number
  item: { offerId: string } | { sku: string }
}

const accepted = (offer: Schemas['Redemptions.OfferQuote']) =>
  offer.acceptedColors.length === 0 || offer.acceptedColors.length === colors.length ? '各色积分均可' : offer.acceptedColors.map(colorLabel).join('、')

export function quoteLines(quote: Quote): QuoteLine[] {
  const offers = quote.offers.map((offer): QuoteLine => {
    const max = Math.max(0, Math.min(offer.affordable, offer.leftThisMonth ?? 99))
    const limit = offer.monthlyLimit != null ? ` · 本月还可兑 ${offer.leftThisMonth} 次（限 ${offer.monthlyLimit} 次）` : ''
    return { key: `offer:${offer.offerId}`, section: '兑换项目', title: offer.title, points: offer.points, detail: `${accepted(offer)}${limit} · 现在最多 ${max}`, max, item: { offerId: offer.offerId } }
  })
  const goods = quote.goods.map((g): QuoteLine => {
    const max = Math.max(0, g.affordable)
    return { key: `sku:${g.sku}`, section: '商品', title: g.name, points: g.points, detail: `库存 ${g.stock} · 现在最多 ${max}`, max, item: { sku: g.sku } }
  })
  return [...offers, ...goods]
}

/** The request's items and their points, from the quantities chosen per line. */
export function chosenItems(lines: QuoteLine[], chosen: Record<string, number>) {
  const taken = lines.filter((line) => (chosen[line.key] ?? 0) > 0)
  return {
    items: taken.map((line) => ({ ...line.item, quantity: chosen[line.key] })),
    points: taken.reduce((sum, line) => sum + line.points * chosen[line.key], 0),
  }
}
