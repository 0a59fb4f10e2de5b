import { measuredBuild, type BuildFigures } from './measured-build';
import { buildPeer, preparePeer, type Peer } from './peers';

export interface CleanBuilds {
  /** Every clean build of ours, in the order run. */
  ours: BuildFigures[];
  /** Every clean build of each peer fed the same notes, in the order run. */
  peers: Partial<Record<Peer, { pages: number; builds: BuildFigures[] }>>;
}

/**
 * Clean builds of our site and of each peer on the same notes, alternating (ours, peer…, ours,
 * peer…) so that the machine's drift falls on all of them alike; `rounds` of each.
 */
export async function cleanBuilds(
  dist: string,
  env: Record<string, string>,
  notes: string,
  peers: readonly Peer[],
  rounds: number,
): Promise<CleanBuilds> {
  const result: CleanBuilds = { ours: [], peers: {} };
  for (const peer of peers) result.peers[peer] = { pages: preparePeer(peer, notes).pages, builds: [] };
  for (let round = 0; round < rounds; round++) {
    result.ours.push(await measuredBuild(dist, env, { clean: true }));
    report('ours', result.ours.at(-1)!);
    for (const peer of peers) {
      const builds = result.peers[peer]!.builds;
      builds.push(await buildPeer(peer));
      report(peer, builds.at(-1)!);
    }
  }
  return result;
}

function report(who: string, b: BuildFigures): void {
  console.log(`  clean build, ${who}: ${b.seconds.toFixed(1)} s (CPU ${b.cpuSeconds.toFixed(1)} s)`);
}

/** The fastest of a list of builds, and the highest peak memory among them. */
export function best(builds: BuildFigures[]): BuildFigures {
  const fastest = builds.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    ...fastest,
    peakRssBytes: Math.max(...builds.map((b) => b.peakRssBytes)),
    largestProcessBytes: Math.max(...builds.map((b) => b.largestProcessBytes)),
  };
}
