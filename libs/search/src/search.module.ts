import { Module } from '@nestjs/common';
import { SearchService } from './search.service';

/** Search over every area's content, under every area's read policies (their SQL twins). */
@Module({ providers: [SearchService], exports: [SearchService] })
export class SearchModule {}
