import { Args, Query, Resolver } from '@nestjs/graphql';
import { SEARCH_WINDOW, SearchResults, SearchService } from '@majlis/search';
import type { AuthenticatedActor } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import { SearchFilterInput, SearchHitConnection } from './search.models';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchHitConnection, {
    description:
      'Everything you may read that matches, best first: French, Arabic and English at once (stems, accents and ' +
      'Arabic letter forms folded), "phrases", `or`, `-word`; names and titles also with typos. With `prefix`, ' +
      'the last word is matched as the start of a word (suggestions as one types). A frequent term is ranked over ' +
      `the newest ${SEARCH_WINDOW} matches of each kind; its counts then say "at least" (\`isLowerBound\`).`,
  })
  search(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('query') query: string,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: SearchFilterInput,
    @Args('prefix', { nullable: true, defaultValue: false }) prefix?: boolean,
  ): Promise<SearchResults> {
    return this.searchService.search(actor, query, filter, page, { prefix: prefix ?? false });
  }
}
