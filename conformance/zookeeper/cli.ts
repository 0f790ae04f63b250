/**
 * Runs the ZooKeeper conformance scripts against the model and a real ZooKeeper 3.8:
 *   npx tsx conformance/zookeeper/cli.ts [-v] [script.zk ...]     (all scripts when none given)
 * Exits 1 when a script fails, 2 when the suite cannot run (e.g. ZooKeeper will not start).
 */
import path from 'node:path';
import { runZkSuite, zkScripts } from './run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('-v') || args.includes('--verbose');
  const files = args.filter((a) => !a.startsWith('-')).map((a) => path.resolve(a));
  const { passed, failed } = await runZkSuite(files.length > 0 ? files : zkScripts(), { verbose });
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`zookeeper conformance could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
