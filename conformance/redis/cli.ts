/**
 * Runs the Redis conformance scripts against the model and a real redis-server:
 *   npx tsx conformance/redis/cli.ts [-v] [script.redis ...]     (all scripts when none given)
 * Exits 1 when a script fails, 2 when the suite cannot run (e.g. redis-server will not start).
 */
import path from 'node:path';
import { redisScripts, runRedisSuite } from './run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('-v') || args.includes('--verbose');
  const files = args.filter((a) => !a.startsWith('-')).map((a) => path.resolve(a));
  const { failed } = await runRedisSuite(files.length > 0 ? files : redisScripts(), { verbose });
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`redis conformance could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
