// `npm run bench`: prints the project's performance figures. Each bench prints its own lines.
import { benchCore } from './core.bench';

async function run(): Promise<void> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  await benchCore(print);
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
