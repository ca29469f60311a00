import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { ReceivedAtStamp } from '../../http/received-at';
import { requestOf } from './request-of';

/** When the server received this request: the edge's stamp, read before any queueing (see http/received-at.ts). */
export const ReceivedAt = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Date | undefined => (requestOf(context) as ReceivedAtStamp).receivedAt,
);
