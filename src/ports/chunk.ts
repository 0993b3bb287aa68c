/** What a loader produces for one retrievable piece of a source file. */
type ChunkKind = 'markdown' | 'openapi-operation' | 'openapi-schema' | 'sql-table' | 'pdf' | 'csv' | 'text' | 'code' | 'decision';

export type DecisionStatus = 'accepted' | 'proposed' | 'rejected' | 'deprecated' | 'superseded' | 'unknown';

/** An architecture decision record's identity and state (chunk.meta.record of a 'decision' chunk). */
export interface DecisionRecordMeta {
  /** "ADR-0007" for numbered records, else the title. */
  id: string;
  title: string;
  status: DecisionStatus;
  /** ISO date the record gives (or its file name's date prefix). */
  date?: string;
  /** Link target of the record that supersedes this one, as written in the record. */
  supersededBy?: string;
  supersededByTitle?: string;
}

export interface ChunkDraft {
  kind: ChunkKind;
  /** Heading path ("Statuses > Boost a status"), "GET /users/{id}", "table film", "page 3", "rows 1-40". */
  section: string;
  /** The text that is embedded, searched and quoted in answers. */
  text: string;
  /** 1-based line in the source where the chunk starts, when the format has lines. */
  line?: number;
  /** Structure the retriever and answerer use: operation method/path/params, table name/columns, … */
  meta?: Record<string, unknown>;
}

export interface Chunk extends ChunkDraft {
  /** Stable id: `${path}#${ordinal}`. */
  id: string;
  /** Source path as stored in the index (relative to the ingest root). */
  path: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
  comment?: string;
}

export interface ForeignKey {
  name?: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete?: string;
}

export interface TableInfo {
  /** Unqualified table name, lower-case ("film_actor"); schema kept separately. */
  name: string;
  schema?: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** The primary key constraint's name ("film_actor_pkey"), when the DDL names it. */
  primaryKeyName?: string;
  foreignKeys: ForeignKey[];
  indexes: Array<{ name: string; columns: string[]; unique: boolean }>;
  comment?: string;
  /** Source path (set by the pipeline). */
  path?: string;
}

/** What a loader returns for one file. */
export interface LoadedSource {
  chunks: ChunkDraft[];
  /** SQL sources: tables with their keys, so answers can follow foreign keys. */
  tables?: TableInfo[];
}
