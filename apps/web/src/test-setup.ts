import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default: on a loaded 2-core CI machine a render after a mocked mutation can
// take longer. They still fail, only later.
configure({ asyncUtilTimeout: 10_000 });
