/** Types of feel-functions.mjs. */
import type { CalendarData } from './working-days.mjs';
export interface WorkingDayCall { from: string; n: number; result: string }
export const WORKING_DAY_FUNCTIONS: string[];
export function workingDayFunctions(calendar: CalendarData, calls?: WorkingDayCall[]): Record<string, (...args: any[]) => unknown>;
export function plannedBy(calls: WorkingDayCall[], plain: unknown): { from: string; n: number } | undefined;
