import { inject, type ComputedRef, type InjectionKey } from 'vue'
import type { Schemas } from '../api/client'

/** What every console screen works on: the signed-in staff member and the village they act in. */
export interface ConsoleContext {
  me: ComputedRef<Schemas['Staff.SignedInStaff']>
  village: ComputedRef<Schemas['Villages.Village']>
  /** Opens a village of the township for an admin or auditor, as picking it from the list does. */
  openVillage: (villageId: string) => Promise<void>
}

export const consoleKey: InjectionKey<ConsoleContext> = Symbol('console')

export function useConsole(): ConsoleContext {
  const context = inject(consoleKey)
  if (!context) throw new Error('console screens live inside ConsolePage')
  return context
}

/** Who may do what in a village: the console shows each member of staff only what the API lets them do. */
export const mayAward = (role: string) => ['cadre', 'approver', 'admin'].includes(role)
export const mayApprove = (role: string) => ['approver', 'admin'].includes(role)
/** Registers households, imports sheets and prints their cards. */
export const mayKeepHouseholds = (role: string) => ['cadre', 'admin'].includes(role)
export const mayReadTownship = (role: string) => ['admin', 'auditor'].includes(role)
export const mayUseConsole = (role: string) => ['cadre', 'approver', 'admin', 'auditor'].includes(role)
