import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { rawEntityReader } from './raw-entity-reader';

@Entity({ name: 'notes' })
class Note {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'body_text', type: 'text' }) body!: string;
  @Column({ type: 'int4' }) version!: number;
  @Column({ type: 'real' }) score!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ type: 'text', array: true }) tags!: string[];
}

@Entity({ name: 'settings' })
class Setting {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'simple-json' }) value!: unknown;
}

/** Entity metadata as TypeORM builds it, without connecting anywhere. */
async function metadataOf(...entities: (new () => unknown)[]) {
  const source = new DataSource({ type: 'postgres', entities });
  await (source as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return (entity: new () => unknown) => source.getMetadata(entity);
}

describe('rawEntityReader', () => {
  it('reads an entity from getRawMany columns named <alias>_<column>, as an instance of its class', async () => {
    const metadata = await metadataOf(Note, Setting);
    const created = new Date('2026-12-02T10:00:00Z');
    const note = rawEntityReader<Note>(
      metadata(Note),
      'note',
    )({
      note_id: 'n-1',
      note_body_text: 'نص عربي and French',
      note_version: 3,
      note_score: 0.75,
      note_created_at: created,
      note_deleted_at: null,
      note_tags: ['formation', 'تكوين'],
      other_id: 'not mine',
    });
    expect(note).toBeInstanceOf(Note);
    expect({ ...note }).toEqual({
      id: 'n-1',
      body: 'نص عربي and French',
      version: 3,
      score: 0.75,
      createdAt: created,
      deletedAt: null,
      tags: ['formation', 'تكوين'],
    });
  });

  it('builds one reader per entity and alias', async () => {
    const metadata = await metadataOf(Note, Setting);
    expect(rawEntityReader(metadata(Note), 'a')).toBe(rawEntityReader(metadata(Note), 'a'));
    expect(rawEntityReader(metadata(Note), 'a')).not.toBe(rawEntityReader(metadata(Note), 'b'));
  });

  it('refuses an entity with a column TypeORM would convert', async () => {
    const metadata = await metadataOf(Note, Setting);
    expect(() => rawEntityReader(metadata(Setting), 'setting')).toThrow(
      "rawEntityReader: Setting.value (simple-json) needs TypeORM's conversion",
    );
  });
});
