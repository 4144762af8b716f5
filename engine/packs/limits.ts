/**
 * Resource limits for reading a pack. A pack is small (a few BPMN files and forms); anything past
 * these numbers is refused before it is decompressed, so a zip bomb costs at most `maxTotalBytes`.
 */
export interface PackLimits {
  /** Size of the .zip itself. */
  maxZipBytes: number;
  /** Number of entries (files and folders) in the zip. */
  maxEntries: number;
  /** Uncompressed size of one file. */
  maxEntryBytes: number;
  /** Uncompressed size of all files together. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for an entry above `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: PackLimits = {
  maxZipBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxEntryBytes: 5 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioFloorBytes: 64 * 1024,
};

export function limitsWith(overrides: Partial<PackLimits> = {}): PackLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
