/**
 * Where imported packs are kept, per tenant: the original zip (so an export is the publisher's
 * pack byte for byte, signature included), its manifest and the role map used. Two
 * implementations: in memory (tests, scratch tenants) and a folder per tenant (embedded mode,
 * under ALUR_DATA_DIR/packs). File names are built only from validated slugs, so nothing is ever
 * written outside the store's own folder.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { PackManifest } from './manifest.js';
import type { RoleMap } from './roles.js';
import type { TrustedKey } from './signature.js';

export interface StoredPack {
  name: string;
  version: string;
  manifest: PackManifest;
  roles: RoleMap;
  zip: Buffer;
  importedAt: string;
}

export interface PackStore {
  get(tenant: string, name: string): Promise<StoredPack | undefined>;
  /** The tenant's imported packs without their zips, by name. */
  list(tenant: string): Promise<Omit<StoredPack, 'zip'>[]>;
  put(tenant: string, pack: StoredPack): Promise<void>;
  /** Publisher keys the tenant trusts; none = unsigned packs are accepted. */
  trustedKeys(tenant: string): Promise<TrustedKey[]>;
  setTrustedKeys(tenant: string, keys: TrustedKey[]): Promise<void>;
}

export class MemoryPackStore implements PackStore {
  private readonly packs = new Map<string, StoredPack>();
  private readonly keys = new Map<string, TrustedKey[]>();
  async get(tenant: string, name: string) { return this.packs.get(`${tenant}/${name}`); }
  async put(tenant: string, pack: StoredPack) { this.packs.set(`${tenant}/${pack.name}`, pack); }
  async list(tenant: string) {
    return [...this.packs.entries()].filter(([key]) => key.startsWith(`${tenant}/`)).map(([, { zip: _zip, ...meta }]) => meta).sort((a, b) => a.name.localeCompare(b.name));
  }
  async trustedKeys(tenant: string) { return this.keys.get(tenant) ?? []; }
  async setTrustedKeys(tenant: string, keys: TrustedKey[]) { this.keys.set(tenant, keys); }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class FolderPackStore implements PackStore {
  private readonly root: string;
  constructor(root: string) { this.root = resolve(root); }

  async trustedKeys(tenant: string): Promise<TrustedKey[]> {
    const { dir } = this.paths(tenant, 'trusted-keys');
    try {
      return JSON.parse(await readFile(join(dir, 'trusted-keys.json'), 'utf8'));
    } catch {
      return [];
    }
  }

  async setTrustedKeys(tenant: string, keys: TrustedKey[]): Promise<void> {
    const { dir } = this.paths(tenant, 'trusted-keys');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'trusted-keys.json');
    await writeFile(`${file}.tmp`, JSON.stringify(keys, null, 2));
    await rename(`${file}.tmp`, file);
  }

  private paths(tenant: string, name: string): { dir: string; zip: string; meta: string } {
    if (!SLUG.test(tenant) || !SLUG.test(name)) throw new Error(`invalid tenant or pack name: ${tenant}/${name}`);
    const dir = join(this.root, tenant);
    if (!dir.startsWith(this.root + sep)) throw new Error('pack store path escapes its root');
    return { dir, zip: join(dir, `${name}.zip`), meta: join(dir, `${name}.json`) };
  }

  async get(tenant: string, name: string): Promise<StoredPack | undefined> {
    const p = this.paths(tenant, name);
    try {
      const meta = JSON.parse(await readFile(p.meta, 'utf8'));
      return { ...meta, zip: await readFile(p.zip) };
    } catch {
      return undefined;
    }
  }

  async list(tenant: string): Promise<Omit<StoredPack, 'zip'>[]> {
    const { dir } = this.paths(tenant, 'trusted-keys');
    let files: string[];
    try {
      files = await readdir(dir);
    } catch {
      return [];
    }
    const names = files.filter((f) => f.endsWith('.json') && f !== 'trusted-keys.json').map((f) => f.slice(0, -'.json'.length)).filter((n) => SLUG.test(n)).sort();
    const packs: Omit<StoredPack, 'zip'>[] = [];
    for (const name of names) {
      try {
        packs.push(JSON.parse(await readFile(this.paths(tenant, name).meta, 'utf8')));
      } catch {
        // a pack being written (its .json not yet renamed into place) is listed next time
      }
    }
    return packs;
  }

  /** Writes zip then metadata, each through a temporary file and a rename, so a crash leaves the old pair or the new. */
  async put(tenant: string, pack: StoredPack): Promise<void> {
    const p = this.paths(tenant, pack.name);
    await mkdir(p.dir, { recursive: true });
    const { zip, ...meta } = pack;
    await writeFile(`${p.zip}.tmp`, zip);
    await rename(`${p.zip}.tmp`, p.zip);
    await writeFile(`${p.meta}.tmp`, JSON.stringify(meta, null, 2));
    await rename(`${p.meta}.tmp`, p.meta);
  }
}
