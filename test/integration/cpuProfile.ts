import * as inspector from 'inspector';

/**
 * The extension host's own CPU profile of a piece of work, taken in process, to say how much
 * of a wall time was Digest Lens's code and how much VS Code's (the built-in Markdown
 * extension shares the host).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSplit {
  /** Milliseconds with a frame of ours on the stack. */
  readonly oursMs: number;
  /** Milliseconds of other work: VS Code, other extensions, garbage collection (idle time and the profiler left out). */
  readonly othersMs: number;
  /** Our milliseconds by the path of our frames, outermost first, a few frames deep. */
  readonly ourPaths: ReadonlyMap<string, number>;
}

const post = <T>(session: inspector.Session, method: string, params?: object) =>
  new Promise<T>((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );

/** Runs `run` with the profiler on, sampling every 100 µs. */
export async function profiled<T>(run: () => Promise<T>): Promise<[T, CpuProfile]> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(session, 'Profiler.start');
    const value = await run();
    const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    return [value, profile];
  } finally {
    session.disconnect();
  }
}

const NOT_WORK = new Set(['(idle)', '(program)']);

/** Splits a profile's samples into ours (a frame of a script `isOurs` picks on the stack) and the rest. */
export function splitProfile(profile: CpuProfile, isOurs: (url: string) => boolean, depth = 3): ProfileSplit {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let ours = 0;
  let others = 0;
  const ourPaths = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const names: string[] = [];
    let profiler = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (isOurs(frame.url)) names.unshift(frame.functionName || '(anonymous)');
      profiler ||= frame.url === 'node:inspector';
    }
    if (names.length) {
      ours += micros;
      const path = names.slice(0, depth).join(' > ');
      ourPaths.set(path, (ourPaths.get(path) ?? 0) + micros / 1000);
    } else if (!profiler && !NOT_WORK.has(byId.get(id)!.callFrame.functionName)) others += micros;
  });
  return { oursMs: ours / 1000, othersMs: others / 1000, ourPaths };
}
