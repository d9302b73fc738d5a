/** `assetgen plan` and `assetgen check`: the plan, with no network. */
import { plan } from '../../engine.js'
import { plannedAssets } from '../../report/manifest.js'
import { formatEstimateTotal } from '../../report/format.js'
import { countActions, countsSentence } from '../../report/status.js'
import { rowsFromPlan, textTable } from '../../report/table.js'
import { logText } from '../../safe-text.js'
import type { CliArguments } from '../args.js'
import { safeLines, type CliStreams } from '../io.js'
import { planRequest } from '../selection.js'

/** Prints the plan; `check` exits 1 when anything would be generated or reprocessed. */
export async function runPlan(
  args: CliArguments,
  io: CliStreams
): Promise<number> {
  const planned = await plan(
    await planRequest(args, io.cwd, (message) =>
      io.stderr.write(`assetgen: warning: ${safeLines(message)}\n`)
    )
  )
  for (const warning of planned.warnings)
    io.stderr.write(`warning: ${logText(warning)}\n`)
  const estimated = formatEstimateTotal(
    planned.estimate.total,
    planned.estimate.unknown.length
  )
  const counts = countActions(planned.plan)
  const work = counts.generate + counts.reprocess
  if (args.values.json) {
    const assets = plannedAssets(planned.plan, planned.estimate).map(
      (asset, index) => {
        const item = planned.plan.items[index]
        return { ...asset, planStatus: item?.status, action: item?.action }
      }
    )
    io.stdout.write(
      `${JSON.stringify(
        {
          spec: planned.spec.specName,
          root: planned.spec.root,
          toGenerate: counts.generate,
          toReprocess: counts.reprocess,
          toKeep: counts.keep,
          estimatedCost: planned.estimate.total,
          unpricedAssets: planned.estimate.unknown.length,
          assets,
          orphans: planned.plan.orphans
        },
        null,
        2
      )}\n`
    )
  } else {
    io.stdout.write(
      `${safeLines(textTable(rowsFromPlan(planned.plan, planned.estimate), ['id', 'status', 'reason', 'out', 'size', 'estimate']))}\n\n`
    )
    for (const orphan of planned.plan.orphans)
      io.stdout.write(
        `${logText(`orphan: ${orphan.id} (${orphan.out}) is no longer in the spec; its file is left alone`)}\n`
      )
    io.stdout.write(`${countsSentence(counts)}; estimated ${estimated}.\n`)
    if (planned.estimate.unknownModels.length > 0)
      io.stdout.write(
        `${logText(`? = no price known for ${planned.estimate.unknownModels.join(', ')}: add it under pricing: in the spec.`)}\n`
      )
  }
  return args.command === 'check' && work > 0 ? 1 : 0
}
