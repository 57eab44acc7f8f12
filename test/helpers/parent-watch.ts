/**
 * Loaded (`--import`) into server processes started by the tests: when the test worker that started the server dies
 * without cleaning up, the server's stdin pipe closes and the server ends too, instead of living on as an orphan.
 * A hard deadline backs it up. Test-only: the product never loads this file.
 */
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), Number(process.env.DIP_TEST_MAX_LIFETIME_MS ?? 20 * 60_000)).unref();
