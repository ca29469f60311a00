import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AnnotationService,
  DocumentService,
  MAJLIS_CONTEXT_PATH,
  MAJLIS_VOCABULARY_PATH,
  documentToJsonLd,
  exportContext,
  majlisContextDocument,
  toW3cAnnotation,
  toW3cCollection,
  toW3cPage,
  userToJsonLd,
  versionToJsonLd,
} from '@majlis/documents';
import { AuthenticatedActor, UserService } from '@majlis/identity';
import { InvalidInputError } from '@majlis/kernel';
import { CurrentActor } from '../graphql/auth/current-actor.decorator';
import { Public } from '../graphql/auth/public.decorator';
import { LinkedDataRoute, baseUrlOf, sendJsonLd } from './linked-data';

/**
 * Interoperability: a document's public annotations as a W3C Web Annotation collection (JSON-LD), and every IRI the
 * export names served as JSON-LD with the API's visibility rules (hidden or not visible → 404). The IRIs that are
 * also web-client pages answer JSON-LD only to requests that ask for it (content negotiation, see linked-data.ts);
 * a browser's navigation falls through to the web client.
 */
@Controller()
export class AnnotationExportController {
  constructor(
    private readonly documents: DocumentService,
    private readonly annotations: AnnotationService,
    private readonly users: UserService,
  ) {}

  /** The collection, or its only page with `?page=0`. */
  @Get('documents/:id/annotations')
  async export(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id') id: string,
    @Query('page') page: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    if (page !== undefined && page !== '0') throw InvalidInputError.field('page', 'the collection has one page: 0');
    const document = await this.documents.get(actor, id);
    const currentVersion = await this.documents.version(actor, document, null);
    const annotations = await this.annotations.publicOf(document.id, currentVersion.id);
    const versions = await this.documents.versionsByIds([
      ...new Set(annotations.map((annotation) => annotation.versionId)),
    ]);
    const authors = await this.users.findByIds([...new Set(annotations.map((annotation) => annotation.authorId))]);
    const context = {
      baseUrl: baseUrlOf(request),
      document,
      currentVersion,
      versions,
      creatorName: (userId: string) => authors.get(userId)?.displayName ?? 'Former member',
    };
    sendJsonLd(response, page === '0' ? toW3cPage(annotations, context) : toW3cCollection(annotations, context));
  }

  /** The Majlis JSON-LD context (and vocabulary): public, as JSON-LD processors fetch contexts without credentials. */
  @Public()
  @Get([MAJLIS_CONTEXT_PATH.slice(1), MAJLIS_VOCABULARY_PATH.slice(1)])
  context(@Req() request: Request, @Res() response: Response) {
    sendJsonLd(response, majlisContextDocument(baseUrlOf(request)));
  }

  @LinkedDataRoute('documents/:id')
  async document(reader: AuthenticatedActor, { id }: Record<string, string>, baseUrl: string) {
    const document = await this.documents.get(reader, id);
    const versions = (await this.documents.versionsOf([document.id])).get(document.id) ?? [];
    return documentToJsonLd(baseUrl, document, versions);
  }

  @LinkedDataRoute('documents/:id/versions/:number')
  async version(reader: AuthenticatedActor, { id, number }: Record<string, string>, baseUrl: string) {
    if (!/^[1-9]\d{0,5}$/.test(number)) throw InvalidInputError.field('number', 'must be a version number');
    const document = await this.documents.get(reader, id);
    const version = await this.documents.version(reader, document, Number(number));
    const { plainText } = await this.documents.texts(version.id);
    return versionToJsonLd(baseUrl, document, version, plainText);
  }

  @LinkedDataRoute('annotations/:id')
  async annotation(reader: AuthenticatedActor, { id }: Record<string, string>, baseUrl: string) {
    const { annotation, document, currentVersion } = await this.annotations.exported(reader, id);
    const versions = await this.documents.versionsByIds([annotation.versionId]);
    const author = (await this.users.findByIds([annotation.authorId])).get(annotation.authorId);
    return {
      '@context': exportContext(baseUrl),
      ...toW3cAnnotation(annotation, {
        baseUrl,
        document,
        currentVersion,
        versions,
        creatorName: () => author?.displayName ?? 'Former member',
      }),
    };
  }

  @LinkedDataRoute('users/:id')
  async user(reader: AuthenticatedActor, { id }: Record<string, string>, baseUrl: string) {
    return userToJsonLd(baseUrl, await this.users.get(reader, id));
  }
}
