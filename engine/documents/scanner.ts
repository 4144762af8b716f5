/**
 * A malware scanner an upload is streamed through before it is accepted (ALUR_CLAMAV: clamd,
 * engine/documents/clamd.ts). `write` gets every chunk as it is stored; `finish` resolves when
 * the content is clean and throws (the upload is refused, nothing kept) when it is not.
 */
export interface ScanSession {
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<void>;
  /** The upload failed for another reason: drop the connection. */
  abort(): void;
}

export interface Scanner {
  open(): Promise<ScanSession>;
}
