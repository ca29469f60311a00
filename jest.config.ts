import { getJestProjectsAsync } from '@nx/jest';

/**
 * Every project's Jest suite in one run, with one summary: unit specs beside the code, e2e suites under test/.
 * testTimeout is a global option (projects' own values are ignored in a multi-project run): e2e setups that start
 * an app and sign people in need more than Jest's 5 s default on a loaded 2-core machine.
 */
export default async () => ({ projects: await getJestProjectsAsync(), maxWorkers: 2, testTimeout: 60_000 });
