/**
 * Every installed package runs on the Node versions the project says it runs on (package.json
 * engines, ≥ 20.19): these machines get Node from Debian, so a dependency that declares Node ≥ 22
 * (as nanoid 6, pulled by docx, does) is pinned with package.json overrides instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// semver reads ranges as npm does; it comes with jest (through its coverage instrumentation).
const semver = require('semver') as {
  satisfies: (version: string, range: string) => boolean;
  minVersion: (range: string) => { version: string } | null;
};

interface LockPackage {
  readonly version?: string;
  readonly engines?: { readonly node?: string } | readonly string[];
}

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>;
};

test('no package in package-lock.json declares a Node version outside package.json engines', () => {
  const oldest = semver.minVersion(pkg.engines.node)?.version;
  expect(oldest).toBe('20.19.0');
  const refusing = Object.entries(lock.packages)
    .filter(([where]) => where !== '')
    .flatMap(([where, p]) => {
      const node = Array.isArray(p.engines) ? undefined : (p.engines as { node?: string } | undefined)?.node;
      return node !== undefined && !semver.satisfies(oldest!, node) ? [`${where}@${p.version} (node ${node})`] : [];
    });
  expect(refusing).toEqual([]);
});
