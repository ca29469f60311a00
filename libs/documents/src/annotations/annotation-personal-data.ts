import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@majlis/identity';

/** A person's annotations and their earlier texts, for their data export. They stay when the account is deleted. */
@Injectable()
export class AnnotationPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'annotations',
      collect: (userId) =>
        this.db.query(
          `SELECT a.id, d.reference AS document, v.number AS "version", a.motivation, a.visibility, a.quote_exact AS "quote", a.body,
                  a.suggested_text AS "suggestedText", a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.deleted_at AS "deletedAt",
                  COALESCE((SELECT json_agg(json_build_object('body', r.body, 'replacedAt', r.created_at) ORDER BY r.created_at)
                              FROM annotation_revisions r WHERE r.annotation_id = a.id), '[]') AS "earlierTexts"
             FROM annotations a JOIN documents d ON d.id = a.document_id JOIN document_versions v ON v.id = a.version_id
            WHERE a.author_id = $1 ORDER BY a.created_at`,
          [userId],
        ),
    });
  }
}
