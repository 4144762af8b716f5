/** Types of ui-build-stamp.mjs for the TypeScript specs. */
export function buildIfChanged(root: string, app: string, log?: (line: string) => void): 'absent' | 'up to date' | 'built';
