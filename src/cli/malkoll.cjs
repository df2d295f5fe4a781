#!/usr/bin/env node
// `npx malkoll`: runs the TypeScript command line directly (tsx), so no build step is needed locally.
require('tsx/cjs');
require('./main.ts').runFromProcess();
