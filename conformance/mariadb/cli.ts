/**
 * `npx tsx conformance/mariadb/cli.ts [-v] [script.mariadb ...]`: runs the MariaDB conformance
 * scripts (all of them without arguments) against the db model and a real MariaDB; `-v` prints
 * every line. Exit 1 on a difference, 2 when the server cannot be set up.
 */
import { mariadbScripts, runMariadbSuite } from './run';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const files = args.filter((a) => a !== '-v');
runMariadbSuite(files.length ? files : mariadbScripts(), { verbose })
  .then((r) => process.exit(r.failed > 0 ? 1 : 0))
  .catch((e) => {
    console.error(`mariadb conformance: ${(e as Error).message}`);
    process.exit(2);
  });
