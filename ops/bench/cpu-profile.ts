/**
 * Where an API process's CPU went, from a V8 CPU profile (`.cpuprofile`): self time by
 * package (or our own module folder) and the functions with the most self time.
 *
 *   pnpm --filter @aduan/ops exec tsx bench/cpu-profile.ts FILE.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of samples where the process was not running JavaScript (waiting for I/O). */
  idleShare: number;
  byArea: { area: string; ms: number; share: number }[];
  topFunctions: { name: string; ms: number; share: number }[];
}

/** The package a frame belongs to, or our own folder (`api/live`), or V8's own categories. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (packages.length > 0) return packages.at(-1)![1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/(api|web|ops)\/src\/([^/]+)\//.exec(url);
  return own ? `${own[1]}/${own[2]}` : url.split('/').slice(-2).join('/');
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} ${url ? `${area}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const rank = (entries: Map<string, number>, key: 'area' | 'name') =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([label, us]) => ({ [key]: label, ms: Math.round(us / 1000), share: Number((us / total).toFixed(3)) }));
  return {
    totalMs: Math.round(total / 1000),
    idleShare: Number(((areas.get('(idle)') ?? 0) / total).toFixed(3)),
    byArea: rank(areas, 'area') as ProfileSummary['byArea'],
    topFunctions: rank(functions, 'name') as ProfileSummary['topFunctions'],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile.ts FILE.cpuprofile');
  console.log(JSON.stringify(summariseProfile(file), null, 2));
}
