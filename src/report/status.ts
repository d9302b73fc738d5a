/**
 * How plan statuses read, in one table: the plan table, the job summary, the PR comment and
 * `--json` all take their words from here, so a new status is one line.
 */
import type { Plan, PlanAction, PlanStatus } from '../plan/plan.js'

/** A plan status as shown: its words and icon. */
export interface StatusLabel {
  label: string
  icon: string
}

/** Every plan status; the key is the id `--json` and the README use. */
export const PLAN_STATUS: Record<PlanStatus, StatusLabel> = {
  new: { label: 'new', icon: '🆕' },
  changed: { label: 'changed', icon: '✏️' },
  missing: { label: 'missing', icon: '❓' },
  edited: { label: 'edited (kept)', icon: '✋' },
  placeholder: { label: 'placeholder', icon: '🧪' },
  forced: { label: 'forced', icon: '🔨' },
  variants: { label: 'variants only', icon: '🔁' },
  'up-to-date': { label: 'up to date', icon: '⏭️' },
  'not-selected': { label: 'not selected', icon: '➖' },
  'from-store': { label: 'from store', icon: '📦' }
}

/** The icon for a plan status label, for tables that hold labels. */
export function planStatusIcon(label: string): string | undefined {
  return Object.values(PLAN_STATUS).find((status) => status.label === label)
    ?.icon
}

/** How many assets a plan generates (paid calls), reprocesses (local) and keeps. */
export type ActionCounts = Record<PlanAction, number>

/** Counts a plan's items by action. */
export function countActions(plan: Plan): ActionCounts {
  const counts: ActionCounts = {
    generate: 0,
    reprocess: 0,
    restore: 0,
    keep: 0
  }
  for (const item of plan.items) counts[item.action] += 1
  return counts
}

/**
 * `2 to generate, 1 to reprocess, 3 kept (6 assets)`: the plan's counts, kept apart; assets the
 * image store holds add `, 1 from store`.
 */
export function countsSentence(counts: ActionCounts): string {
  const total =
    counts.generate + counts.reprocess + counts.restore + counts.keep
  const restored = counts.restore > 0 ? `, ${counts.restore} from store` : ''
  return `${counts.generate} to generate, ${counts.reprocess} to reprocess${restored}, ${counts.keep} kept (${total} asset${total === 1 ? '' : 's'})`
}
