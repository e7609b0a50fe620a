import { CallFailed } from '../api/client'

/** One account a batch or an assessment sheet was refused for: the whole was recorded for none. */
export type BatchFailure = { householdId: string; code: string; detail: string }

/** The refused accounts a `batch-refused` problem lists; none for any other failure. */
export function failuresOf(failed: unknown): BatchFailure[] {
  const failures = failed instanceof CallFailed ? (failed.problem as { failures?: BatchFailure[] } | undefined)?.failures : undefined
  return Array.isArray(failures) ? failures : []
}
