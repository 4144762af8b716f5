/** What every element behaviour implements: what happens when a token activates it. */
import type { Runtime } from '../runtime.js';

export interface Behaviour {
  /** Called once the element instance exists (inputs mapped, boundaries open). `start`: event subprocess trigger. */
  activate(rt: Runtime, key: number, start?: string): void;
}
