// Type stubs for the browser libraries that ship without TypeScript declarations, and for the
// virtual module designer/build.mjs creates from designer/lint/.bpmnlintrc.
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmn-js-token-simulation';
declare module 'zeebe-bpmn-moddle/resources/zeebe.json';
declare module 'alur-lint-config' {
  const bundle: { config: unknown; resolver: unknown };
  export default bundle;
}
declare module 'bpmnlint-plugin-alur/context' {
  export const lintContext: { knownProcesses: string[]; lang: 'id' | 'en' };
}
// bpmn-js ships ESM without "type": "module", so NodeNext would read its typings as CommonJS;
// the designer only needs this much of the Modeler's surface.
declare module 'bpmn-js/lib/Modeler.js' {
  export default class Modeler {
    constructor(options: Record<string, unknown>);
    get<T = any>(name: string): T;
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
    getDefinitions(): any;
    destroy(): void;
  }
}
