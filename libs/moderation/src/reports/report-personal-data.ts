import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@majlis/identity';

/** The reports a person made, for their data export (kept on deletion, for the moderation record). */
@Injectable()
export class ReportPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'reports',
      collect: (userId) =>
        this.db.query(
          `SELECT content_type AS "contentType", content_id AS "contentId", reason, explanation, status, outcome, created_at AS "createdAt", closed_at AS "closedAt"
             FROM reports WHERE reporter_id = $1 ORDER BY created_at`,
          [userId],
        ),
    });
  }
}
