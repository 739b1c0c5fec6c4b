#!/usr/bin/env node
// `npm run postgres -- -- <command...>`: runs <command> against a throwaway PostgreSQL server
// (DATABASE_URL in its environment) and exits with its exit code; the server is removed afterwards.
// Without a command, prints the URL and keeps the server until Ctrl-C, for poking at it by hand.
// The command is run without a shell: wrap pipelines as `sh -c '...'`.
import { spawn } from 'node:child_process'
import os from 'node:os'
import { startThrowawayPostgres } from './lib/throwaway-postgres.mjs'

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']
const COMMAND_NOT_FOUND = 127

const log = (message) => console.error(`[postgres] ${message}`)

// npm passes everything after its own `--`; a second `--` separates ours from the command's flags.
function commandFromArgv(argv) {
  return argv[0] === '--' ? argv.slice(1) : argv
}

function exitCodeOf(code, signal) {
  if (code !== null) return code
  return 128 + (os.constants.signals[signal] ?? 0)
}

function runCommand([command, ...args], databaseUrl) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } })
    // Ctrl-C reaches the command through the terminal anyway; a signal sent to this process alone
    // (CI timeouts, process managers) must reach it too. Either way the server outlives the command.
    const forward = (signal) => child.kill(signal)
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward)
    child.on('error', (error) => {
      log(`could not run ${command}: ${error.message}`)
      resolve(COMMAND_NOT_FOUND)
    })
    child.on('exit', (code, signal) => resolve(exitCodeOf(code, signal)))
  })
}

function waitForSignal() {
  return new Promise((resolve) => {
    // Signal handlers do not keep Node running; this does, until a signal arrives.
    const keepAlive = setInterval(() => {}, 1 << 30)
    for (const signal of FORWARDED_SIGNALS) {
      process.once(signal, () => {
        clearInterval(keepAlive)
        resolve()
      })
    }
  })
}

async function main() {
  const command = commandFromArgv(process.argv.slice(2))
  const server = await startThrowawayPostgres({ log })
  if (command.length === 0) {
    console.log(server.url)
    log(`psql: ${server.psql} ${server.url}`)
    log('Ctrl-C stops the server and deletes its data')
    await waitForSignal()
    await server.stop()
    return 0
  }
  const exitCode = await runCommand(command, server.url)
  await server.stop()
  return exitCode
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    log(error.message)
    process.exit(1)
  },
)
