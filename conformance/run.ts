/**
 * `npm run conformance [-- script...]`: runs the command scripts against the models and the real
 * servers (redis-server, ZooKeeper - standalone and a three-server ensemble - and MariaDB,
 * started here on loopback and stopped afterwards), Guava's RateLimiter against the limiter
 * model (conformance/guava), and Redis Sentinel's failover against the sentinel model
 * (conformance/sentinel), and fails on any difference. With arguments, runs just those scripts
 * (.redis, .zk, .zke or .mariadb); `guava` runs the Guava part, `zk-ensemble` the ZooKeeper
 * ensemble scripts (conformance/zookeeper/ensemble/*.zke), `sentinel` the Sentinel part.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { runRedisSuite } from './redis/run';
import { runZkSuite } from './zookeeper/run';
import { compileDriver } from './zookeeper/server';
import { runMariadbSuite } from './mariadb/run';
import { runGuavaSuite } from './guava/run';
import { ensembleScripts, runEnsembleSuite } from './zookeeper/ensemble/run';
import { runSentinelSuite } from './sentinel/run';

const here = path.dirname(fileURLToPath(import.meta.url));
const list = (dir: string, ext: string) =>
  readdirSync(path.join(here, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(here, dir, f));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const redis = args.length ? args.filter((a) => a.endsWith('.redis')) : list('redis', '.redis');
  const zk = args.length ? args.filter((a) => a.endsWith('.zk')) : list('zookeeper', '.zk');
  const mariadb = args.length ? args.filter((a) => a.endsWith('.mariadb')) : list('mariadb', '.mariadb');
  const guava = args.length === 0 || args.includes('guava');
  const zke = args.length === 0 || args.includes('zk-ensemble') ? ensembleScripts() : args.filter((a) => a.endsWith('.zke'));
  const sentinel = args.length === 0 || args.includes('sentinel');
  const unknown = args.filter((a) => !a.endsWith('.redis') && !a.endsWith('.zk') && !a.endsWith('.zke') && !a.endsWith('.mariadb') && a !== 'guava' && a !== 'zk-ensemble' && a !== 'sentinel');
  if (unknown.length) {
    console.error(
      `conformance: not a .redis, .zk, .zke or .mariadb script, nor guava, zk-ensemble or sentinel: ${unknown.join(', ')}\n` +
        'usage: npm run conformance [-- script.redis|script.zk|script.zke|script.mariadb ... | guava | zk-ensemble | sentinel]',
    );
    process.exit(2);
  }
  let passed = 0;
  let failed = 0;
  if (redis.length) {
    const r = await runRedisSuite(redis);
    passed += r.passed;
    failed += r.failed;
  }
  if (zk.length || zke.length) {
    // One build of the Java driver for both ZooKeeper suites (javac takes seconds on a busy machine).
    const driver = await compileDriver();
    try {
      if (zk.length) {
        const r = await runZkSuite(zk, { classpath: driver.classpath });
        passed += r.passed;
        failed += r.failed;
      }
      if (zke.length) {
        const r = await runEnsembleSuite(zke, { classpath: driver.classpath });
        passed += r.passed;
        failed += r.failed;
      }
    } finally {
      driver.cleanup();
    }
  }
  if (mariadb.length) {
    const r = await runMariadbSuite(mariadb);
    passed += r.passed;
    failed += r.failed;
  }
  if (guava) {
    const g = runGuavaSuite();
    console.log(`guava: ${g.cases} random arrival sequences, ${g.calls} acquire/tryAcquire calls, ${g.cases - g.failed} identical, ${g.failed} differing`);
    for (const d of g.diffs) console.log(`  ${d}`);
    passed += g.cases - g.failed;
    failed += g.failed;
  }
  if (sentinel) {
    const r = await runSentinelSuite();
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`\nconformance: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exit(1);
}

main().catch((e) => {
  console.error(`conformance: ${(e as Error).message}`);
  process.exit(1);
});
