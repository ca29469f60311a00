import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An article of one version, with a key that stays the same for the same article across versions. */
@Entity({ name: 'document_sections' })
export class DocumentSection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  heading: string;

  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ name: 'start_offset', type: 'integer' })
  start: number;

  @Column({ name: 'end_offset', type: 'integer' })
  end: number;
}
