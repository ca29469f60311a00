import { getJestProjectsAsync } from '@nx/jest';

/** Every project's Jest suite in one run, with one summary: unit specs beside the code, e2e suites under test/. */
export default async () => ({ projects: await getJestProjectsAsync(), maxWorkers: 2 });
