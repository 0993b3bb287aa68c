import { randomUUID } from 'node:crypto';
import type { ChunkDraft, TableInfo } from '../../ports/chunk.js';

export interface DmUpload {
  id: string;
  channel: string;
  user: string;
  name: string;
  /** Kept so an admin can add the file to the team index later. */
  bytes: Buffer;
  chunks: ChunkDraft[];
  tables: TableInfo[];
  at: number;
}

const MAX_CHANNELS = 200;
const MAX_FILES_PER_CHANNEL = 5;

/**
 * Files shared in DMs, in memory per DM channel: context for that conversation only. Bounded
 * (oldest conversations and files drop first); a restart forgets them, and the user re-shares.
 */
export class DmUploads {
  private readonly byChannel = new Map<string, DmUpload[]>();

  add(upload: Omit<DmUpload, 'id' | 'at'>): DmUpload {
    const stored: DmUpload = { ...upload, id: randomUUID(), at: Date.now() };
    const list = (this.byChannel.get(upload.channel) ?? []).filter((u) => u.name !== upload.name);
    list.push(stored);
    this.byChannel.delete(upload.channel); // re-insert: Map order is the recency order
    this.byChannel.set(upload.channel, list.slice(-MAX_FILES_PER_CHANNEL));
    while (this.byChannel.size > MAX_CHANNELS) this.byChannel.delete(this.byChannel.keys().next().value!);
    return stored;
  }

  forChannel(channel: string): DmUpload[] {
    return this.byChannel.get(channel) ?? [];
  }

  byId(id: string): DmUpload | undefined {
    for (const list of this.byChannel.values()) {
      const hit = list.find((u) => u.id === id);
      if (hit) return hit;
    }
    return undefined;
  }
}

const registry = new WeakMap<object, DmUploads>();

/** The uploads of one running app (keyed by its deps object, so two apps in one process never share). */
export function uploadsFor(owner: object): DmUploads {
  let u = registry.get(owner);
  if (!u) registry.set(owner, (u = new DmUploads()));
  return u;
}
