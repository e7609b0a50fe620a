/** What a history line was, in the resident's words. */
export const ledgerKinds: Record<string, string> = {
  award: '获得积分',
  deduction: '扣分',
  submitted: '已登记，待审核',
  approved: '审核通过，积分到账',
  revoked: '撤销',
  redemption: '兑换',
  'redemption-reversed': '兑换已冲正，积分退回',
  expired: '积分到期',
  'payment-code-issued': '工作人员代取付款码',
  'moved-out': '迁出',
  'phone-changed': '更换手机号',
  'grid-changed': '调整网格',
  'head-changed': '更换户主',
  'card-reissued': '补办户卡',
  'member-proposed': '登记家庭成员',
  'member-removal-proposed': '申请移除家庭成员',
  'member-change-approved': '家庭成员变更通过',
  'member-change-rejected': '家庭成员变更未通过',
  'claim-filed': '提交申报',
  'claim-declined': '申报未被采纳',
}

export function kindLabel(kind: string): string {
  return ledgerKinds[kind] ?? kind
}
