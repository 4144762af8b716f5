// What the engine rules need to know beyond the diagram, filled in by the designer at run time:
// the tenant's deployed process ids, so a call activity may name one of them (as at deployment),
// and the reader's language, in which the findings are written from the server's catalog.
export const lintContext = { knownProcesses: [], lang: 'id' };
