// Types for esbuild-plugin.mjs, so TypeScript specs can use the same plugin as the build.
import type { Plugin } from 'esbuild';
export declare const lintPlugin: Plugin;
