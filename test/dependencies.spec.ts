import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * `package.json` against the code: every runtime dependency is used by `src/` (or is a peer that a
 * dependency loads, named below with why), and `src/` loads nothing that is only a development
 * dependency, which `npm ci --omit=dev` would leave out.
 */
const ROOT = resolve(__dirname, '..');
const LOADED_BY_DEPENDENCIES: Record<string, string> = {
  rxjs: 'a required peer of @nestjs/common, @nestjs/core and @nestjs/cqrs',
  '@fastify/static': 'the optional peer through which @nestjs/swagger serves /docs on Fastify',
};

function productionSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function packagesImported(): Set<string> {
  const found = new Set<string>();
  const specifier = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|^import\s+)'([^'.][^']*)'/gm;
  for (const file of productionSources(join(ROOT, 'src'))) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(specifier)) {
      const parts = name.split('/');
      const pkg = name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (!name.startsWith('node:') && !builtinModules.includes(pkg)) found.add(pkg);
    }
  }
  return found;
}

describe('dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const imported = packagesImported();

  it('has no runtime dependency that nothing loads', () => {
    const unused = Object.keys(manifest.dependencies).filter(
      (name) => !imported.has(name) && !(name in LOADED_BY_DEPENDENCIES),
    );
    expect(unused).toEqual([]);
  });

  it('loads from src/ only runtime dependencies', () => {
    const missing = [...imported].filter((name) => !(name in manifest.dependencies));
    expect(missing).toEqual([]);
  });
});
