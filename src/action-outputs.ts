import * as core from '@actions/core'
import type { BuildResult } from './engine.js'
import type { PublishDecision } from './publish/mode.js'
import type { Published } from './publish/publish.js'
import { redact } from './safe-text.js'

/** Output names as declared in action.yml. */
export const OutputName = {
  Generated: 'generated',
  Skipped: 'skipped',
  Failed: 'failed',
  Changed: 'changed',
  CommitSha: 'commit-sha',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  CommentId: 'comment-id',
  Cost: 'cost',
  EstimatedCost: 'estimated-cost',
  Manifest: 'manifest'
} as const

/** Writes the outputs of a finished build (the safe defaults were set by `run()`). */
export function setOutputs(
  result: BuildResult,
  published: Published,
  decision: PublishDecision,
  manifest: string
): void {
  setOutput(OutputName.Generated, String(result.generated))
  setOutput(OutputName.Skipped, String(result.skipped))
  setOutput(OutputName.Failed, String(result.failed))
  const wroteFiles = result.changedFiles.length > 0
  setOutput(
    OutputName.Changed,
    String(wroteFiles && (decision.mode !== 'commit' || published.changed))
  )
  setOutput(OutputName.Cost, result.cost.toFixed(4))
  setOutput(OutputName.EstimatedCost, result.estimate.total.toFixed(4))
  setOutput(OutputName.Manifest, manifest)
  if (published.commitSha) setOutput(OutputName.CommitSha, published.commitSha)
  const first = published.artifacts[0]
  if (first) {
    setOutput(OutputName.ArtifactId, String(first.id))
    if (first.url) setOutput(OutputName.ArtifactUrl, first.url)
  }
}

/** Sets an output, redacted: values such as an artifact URL come from GitHub's answers. */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, redact(value))
}
