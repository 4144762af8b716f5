/** Orders semantic versions (semver 2.0 precedence; build metadata ignored). */
export function compareSemver(a: string, b: string): number {
  const [ma, pa] = split(a);
  const [mb, pb] = split(b);
  for (let i = 0; i < 3; i++) if (ma[i] !== mb[i]) return ma[i] < mb[i] ? -1 : 1;
  if (!pa.length || !pb.length) return pa.length === pb.length ? 0 : pa.length ? -1 : 1;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    if (pa[i] === pb[i]) continue;
    const [na, nb] = [/^\d+$/.test(pa[i]), /^\d+$/.test(pb[i])];
    if (na && nb) return Number(pa[i]) < Number(pb[i]) ? -1 : 1;
    if (na !== nb) return na ? -1 : 1;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

function split(v: string): [number[], string[]] {
  const [core, pre] = v.split('+')[0].split(/-(.*)/s);
  return [core.split('.').map(Number), pre ? pre.split('.') : []];
}
