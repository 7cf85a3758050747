import { vi } from 'vitest'

/**
 * Runs a command of `npm run yorisoi` in this process with `env` added to the environment,
 * returning its exit code and everything it printed (console.log and console.error, in order).
 */
export async function runCommand(
  command: (args: string[]) => Promise<void>,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  const lines: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')))
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')))
  try {
    await command(args)
    return { code: Number(process.exitCode ?? 0), output: lines.join('\n') }
  } finally {
    process.exitCode = undefined
    log.mockRestore()
    error.mockRestore()
    process.env = saved
  }
}
