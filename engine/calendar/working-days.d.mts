/** Types of working-days.mjs (plain JavaScript so the FEEL sandbox worker can load it). */
export interface CalendarData {
  /** IANA zone (Asia/Jakarta) or offset (+07:00); UTC when absent. */
  zone?: string;
  /** ISO weekdays off (Monday 1 … Sunday 7); Saturday and Sunday when absent. */
  weekend?: number[];
  /** Local dates off, YYYY-MM-DD (or objects carrying one). */
  holidays?: Array<string | { date: string }>;
}
export interface CompiledCalendar { zone: string; weekend: Set<number>; holidays: Set<number>; hasWorkingDay: boolean }
export type LocalReading = { kind: 'date'; day: number } | { kind: 'date-time'; day: number; time: string };

export function offsetMinutes(zone: string, at: Date): number;
export function compileCalendar(calendar: CalendarData): CompiledCalendar;
export function readLocal(calendar: CalendarData | CompiledCalendar, text: string): LocalReading | undefined;
export function addWorkingDays(calendar: CalendarData | CompiledCalendar, from: string, n: number): string;
export function workingDaysBetween(calendar: CalendarData | CompiledCalendar, from: string, to: string): number;
export function isWorkingDay(calendar: CalendarData | CompiledCalendar, at: string): boolean;
export function localDate(calendar: CalendarData | CompiledCalendar, at: string): string;
