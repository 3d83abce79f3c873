/**
 * Jest cannot require() ES modules on Node 20 (plain Node can, so the service itself needs none of
 * this). NestJS 12 and some of its dependencies ship only ES modules: this compiles a node_modules
 * file to CommonJS when, and only when, its package says `"type": "module"`.
 */
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({ module: { type: 'commonjs' } });
const packageTypes = new Map();

function isEsmPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (packageTypes.has(dir)) return packageTypes.get(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const type = JSON.parse(readFileSync(manifest, 'utf8')).type;
      const esm = type === 'module';
      packageTypes.set(dir, esm);
      return esm;
    }
  }
  return false;
}

module.exports = {
  process(source, file, options) {
    return isEsmPackage(file) ? swc.process(source, file, options) : { code: source };
  },
};
