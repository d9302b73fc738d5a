// Every test runs with no ambient credentials or runner state: a test that needs one sets it itself.
for (const name of Object.keys(process.env)) {
  if (
    name.startsWith('INPUT_') ||
    name.startsWith('GITHUB_') ||
    name.startsWith('ACTIONS_') ||
    name === 'AI_GATEWAY_API_KEY' ||
    name === 'AI_GATEWAY_BASE_URL' ||
    name === 'RUNNER_TEMP'
  ) {
    delete process.env[name]
  }
}
