import { Controller, Get, Next, Param, Query, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
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
import { CurrentActor, OptionalActor } from '../graphql/auth/current-actor.decorator';
import { Public } from '../graphql/auth/public.decorator';
import { baseUrlOf, requireActor, sendJsonLd, wantsLinkedData } from './linked-data';

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

  @Public()
  @Get('documents/:id')
  async document(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
    @Next() next: NextFunction,
  ) {
    if (!wantsLinkedData(request)) return next();
    const document = await this.documents.get(requireActor(actor), id);
    const versions = (await this.documents.versionsOf([document.id])).get(document.id) ?? [];
    sendJsonLd(response, documentToJsonLd(baseUrlOf(request), document, versions));
  }

  @Public()
  @Get('documents/:id/versions/:number')
  async version(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Param('id') id: string,
    @Param('number') number: string,
    @Req() request: Request,
    @Res() response: Response,
    @Next() next: NextFunction,
  ) {
    if (!wantsLinkedData(request)) return next();
    const reader = requireActor(actor);
    if (!/^[1-9]\d{0,5}$/.test(number)) throw InvalidInputError.field('number', 'must be a version number');
    const document = await this.documents.get(reader, id);
    const version = await this.documents.version(reader, document, Number(number));
    const { plainText } = await this.documents.texts(version.id);
    sendJsonLd(response, versionToJsonLd(baseUrlOf(request), document, version, plainText));
  }

  @Public()
  @Get('annotations/:id')
  async annotation(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
    @Next() next: NextFunction,
  ) {
    if (!wantsLinkedData(request)) return next();
    const { annotation, document, currentVersion } = await this.annotations.exported(requireActor(actor), id);
    const versions = await this.documents.versionsByIds([annotation.versionId]);
    const author = (await this.users.findByIds([annotation.authorId])).get(annotation.authorId);
    const baseUrl = baseUrlOf(request);
    sendJsonLd(response, {
      '@context': exportContext(baseUrl),
      ...toW3cAnnotation(annotation, {
        baseUrl,
        document,
        currentVersion,
        versions,
        creatorName: () => author?.displayName ?? 'Former member',
      }),
    });
  }

  @Public()
  @Get('users/:id')
  async user(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
    @Next() next: NextFunction,
  ) {
    if (!wantsLinkedData(request)) return next();
    const user = await this.users.get(requireActor(actor), id);
    sendJsonLd(response, userToJsonLd(baseUrlOf(request), user));
  }
}
