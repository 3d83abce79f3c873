/**
 * `npm start`, `npm run worker`, `npm run replay`, `npm run backup`, `npm run restore` and
 * `npm run build`: runs Tally from a build of the
 * current sources kept in a folder named by their digest, `dist/<digest>/` — and, for the service,
 * the console's build (`console/`, made by Vite) likewise in `dist/console-<digest>/`, which it
 * serves at `/console/` (src/console/serve-console.ts). A build is made once per
 * version of the sources, into a folder of its own that is renamed into place when complete, and
 * never written again: a second process started beside a running service neither rebuilds nor
 * deletes the code the service is still loading modules from. Builds that no running process uses
 * are removed when a newer one is made.
 *
 *   node scripts/launch.js main [--worker]   the service (or a projection worker)
 *   node scripts/launch.js replay [args…]    the replay tool
 *   node scripts/launch.js backup <file>     a backup of the data (src/backup.ts)
 *   node scripts/launch.js restore <file>    a backup restored into an empty DATA_DIR or database
 *   node scripts/launch.js --build           makes the build if needed and prints its folder
 *   node scripts/launch.js --build-console   the same for the console's build
 */
const { createHash, randomBytes } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIGEST = /^(console-)?[0-9a-f]{16}$/;
/** Read by the service (src/console/serve-console.ts): where the console's build is. */
const CONSOLE_DIR_VARIABLE = 'TALLY_CONSOLE_DIR';

/** What a build is made from: every source file but the specs, the compiler's settings and version. */
function sourceDigest(root) {
  const hash = createHash('sha256');
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.spec.ts')) files.push(full);
    }
  };
  walk(path.join(root, 'src'));
  files.sort();
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  hash.update(fs.readFileSync(path.join(root, '.swcrc')));
  hash.update(require(path.join(root, 'node_modules', '@swc', 'core', 'package.json')).version);
  return hash.digest('hex').slice(0, 16);
}

/**
 * What the console's build is made from: its sources, what it imports from the server's (the list
 * of currencies), and the lock file, which pins Vite, React and the client it bundles.
 */
function consoleDigest(root) {
  const hash = createHash('sha256');
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(root, 'console'));
  files.sort();
  files.push(path.join(root, 'src', 'shared', 'currencies.ts'), path.join(root, 'package-lock.json'));
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return `console-${hash.digest('hex').slice(0, 16)}`;
}

/** The build of the current sources, made now if there is none. */
function ensureBuild(root = ROOT, digest = sourceDigest(root)) {
  return ensureFolder(root, digest, (temporary) =>
    execFileSync(
      path.join(root, 'node_modules', '.bin', 'swc'),
      ['src', '-d', temporary, '--strip-leading-paths', '--copy-files', '-q', '--ignore', '**/*.spec.ts'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    ),
  );
}

/** The console's build of its current sources, made now if there is none (a few seconds). */
function ensureConsoleBuild(root = ROOT, digest = consoleDigest(root)) {
  return ensureFolder(root, digest, (temporary) =>
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        path.join(root, 'console', 'vite.config.mts'),
        '--outDir',
        temporary,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      // React's production build whatever started us (Jest sets NODE_ENV=test, which Vite would follow).
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
    ),
  );
}

/** `dist/<name>/`, made by `make` into a folder of its own and renamed into place if it is not there. */
function ensureFolder(root, name, make) {
  const dist = path.join(root, 'dist');
  const build = path.join(dist, name);
  if (fs.existsSync(build)) return build;
  fs.mkdirSync(dist, { recursive: true });
  const temporary = path.join(dist, `.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    make(temporary);
    try {
      fs.renameSync(temporary, build);
    } catch (error) {
      // Another process made the same build meanwhile: theirs is as good as ours.
      if (!fs.existsSync(build)) throw error;
    }
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
  prune(dist, build);
  return build;
}

/**
 * Each running process leaves `dist/.users/<pid>` holding its builds' names (one a line) while it
 * runs, written before it looks for the builds, so that a prune running meanwhile keeps them.
 */
function registerUser(root, ...digests) {
  const users = path.join(root, 'dist', '.users');
  fs.mkdirSync(users, { recursive: true });
  const mine = path.join(users, String(process.pid));
  fs.writeFileSync(mine, digests.join('\n'));
  process.once('exit', () => fs.rmSync(mine, { force: true }));
}

/**
 * Removes builds of `keep`'s kind (the server's, or the console's) other than `keep` that no live
 * process uses, and what dead processes left behind.
 */
function prune(dist, keep) {
  const kind = (name) => DIGEST.exec(name)?.[1] ?? '';
  const users = path.join(dist, '.users');
  const inUse = new Set([path.basename(keep)]);
  for (const pid of fs.existsSync(users) ? fs.readdirSync(users) : []) {
    const file = path.join(users, pid);
    if (isAlive(Number(pid)))
      for (const name of fs.readFileSync(file, 'utf8').split('\n')) inUse.add(name.trim());
    else fs.rmSync(file, { force: true });
  }
  for (const name of fs.readdirSync(dist)) {
    const building = /^\.building-(\d+)-/.exec(name);
    const stale = DIGEST.test(name)
      ? kind(name) === kind(path.basename(keep)) && !inUse.has(name)
      : building
        ? !isAlive(Number(building[1]))
        : false;
    if (stale) fs.rmSync(path.join(dist, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (entry === '--build') {
    console.log(ensureBuild());
    return;
  }
  if (entry === '--build-console') {
    console.log(ensureConsoleBuild());
    return;
  }
  if (!['main', 'replay', 'backup', 'restore'].includes(entry)) {
    console.error(
      'usage: node scripts/launch.js main [--worker] | replay [args…] | backup <file> | restore <file> | --build',
    );
    process.exit(2);
  }
  const digest = sourceDigest(ROOT);
  // The service serves the console; a worker or a tool has no use for it.
  const serves = entry === 'main' && !args.includes('--worker');
  const consoleBuild = serves ? consoleDigest(ROOT) : undefined;
  registerUser(ROOT, digest, ...(consoleBuild ? [consoleBuild] : []));
  const build = ensureBuild(ROOT, digest);
  if (consoleBuild) process.env[CONSOLE_DIR_VARIABLE] = ensureConsoleBuild(ROOT, consoleBuild);
  const script = path.join(build, `${entry}.js`);
  process.argv = [process.argv[0], script, ...args];
  require(script);
}

if (require.main === module) main();

module.exports = { ensureBuild, ensureConsoleBuild, sourceDigest, consoleDigest };
