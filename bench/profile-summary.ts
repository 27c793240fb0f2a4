/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [top]`: where a `--cpu-prof` profile spent
 * its time — self time by function and by package (node_modules/<pkg>, node: internals, src/,
 * engine/), and inclusive time of the service's own functions. Used for docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function packageOf(url: string): string {
  if (url === '') return '(native/gc/idle)';
  if (url.startsWith('node:')) return 'node: internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const own = /\/dist\/(src|engine|bench)\/([^/]+)/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(node_modules|dist)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, micros]) =>
        `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
}

function main(): void {
  const [file, countText] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  const count = Number(countText ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
  let total = 0;
  let busy = 0;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const packageInclusive = new Map<string, number>();
  for (const [id, micros] of self) {
    const node = byId.get(id)!;
    total += micros;
    const name = node.callFrame.functionName;
    if (name === '(idle)') continue;
    busy += micros;
    const key = idle.has(name) ? name : label(node);
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const pkg = idle.has(name) ? name : packageOf(node.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const seen = new Set<string>();
    const seenPackages = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!;
      const framePackage = frame.callFrame.url === '' ? '' : packageOf(frame.callFrame.url);
      if (framePackage !== '' && !seenPackages.has(framePackage)) {
        seenPackages.add(framePackage);
        packageInclusive.set(framePackage, (packageInclusive.get(framePackage) ?? 0) + micros);
      }
      if (!/\/dist\/(src|engine)\//.test(frame.callFrame.url)) continue;
      const frameLabel = label(frame);
      if (seen.has(frameLabel)) continue;
      seen.add(frameLabel);
      inclusive.set(frameLabel, (inclusive.get(frameLabel) ?? 0) + micros);
    }
  }
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)\n`,
  );
  console.log('Self time by package:');
  console.log(top(byPackage, busy, count).join('\n'));
  console.log('\nInclusive time by package (samples with the package anywhere on the stack):');
  console.log(top(packageInclusive, busy, count).join('\n'));
  console.log('\nSelf time by function:');
  console.log(top(byFunction, busy, count).join('\n'));
  console.log('\nInclusive time of src/ and engine/ functions:');
  console.log(top(inclusive, busy, count).join('\n'));
}

main();
