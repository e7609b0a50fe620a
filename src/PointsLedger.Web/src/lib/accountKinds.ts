/** What each kind of account is called on screen. */
export const accountKinds: Record<string, string> = {
  household: '农户',
  'grid-worker': '网格员',
  volunteer: '志愿者',
  rider: '骑手',
  other: '其他个人',
}

export const individualKinds = ['grid-worker', 'volunteer', 'rider', 'other'] as const

/** "W-001 号 · 李网格 · 网格员": an individual says what kind of account it is; a household needs no label. */
export function accountLine(account: { householdNo: string; name: string; kind?: string }): string {
  const kind = account.kind && account.kind !== 'household' ? ` · ${accountKinds[account.kind] ?? account.kind}` : ''
  return `${account.householdNo} 号 · ${account.name}${kind}`
}
