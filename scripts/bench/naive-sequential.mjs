// The baseline a user would script without assetgen: one `generateImage` after another, each
// written to disk, no lockfile, no post-processing.
//   node scripts/bench/naive-sequential.mjs <jobs.json> <out-dir>
// jobs.json: [{ "id", "prompt", "size", "seed" }]. Env AI_GATEWAY_API_KEY and AI_GATEWAY_BASE_URL.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createGateway } from '@ai-sdk/gateway'
import { generateImage } from 'ai'

const [jobsFile, outDir] = process.argv.slice(2)
const jobs = JSON.parse(await readFile(jobsFile, 'utf8'))
const gateway = createGateway({
  apiKey: process.env.AI_GATEWAY_API_KEY,
  baseURL: process.env.AI_GATEWAY_BASE_URL
})
await mkdir(outDir, { recursive: true })
for (const job of jobs) {
  const { image } = await generateImage({
    model: gateway.imageModel('bfl/flux-2-pro'),
    prompt: job.prompt,
    size: job.size,
    seed: job.seed
  })
  await writeFile(join(outDir, `${job.id}.png`), image.uint8Array)
}
console.log(`${jobs.length} images written`)
