// The layer table of docs/architecture.md is a lint error, not a convention: which of our layers and
// which npm packages each layer may import, and no Node built-ins in the pure layers.
import { lintSnippets } from './snippets';

const refused: Array<[file: string, code: string, message: string]> = [
  // our layers
  ['src/core/x.ts', "import { a } from '../graph/client';", "Layer 'core' may not import from layer 'graph'"],
  ['src/core/deep/x.ts', "export * from '../../store/repo';", "Layer 'core' may not import from layer 'store'"],
  ['src/report/x.ts', "import { b } from '../excel/writer';", "Layer 'report' may not import from layer 'excel'"],
  ['src/graph/x.ts', "import { c } from '../emulator';", "Layer 'graph' may not import from layer 'emulator'"],
  ['src/tab/x.ts', "import { d } from '../jobs/notify/run';", "Layer 'tab' may not import from layer 'jobs'"],
  ['src/emulator/x.ts', "import { e } from '../store/repo';", "Layer 'emulator' may not import from layer 'store'"],
  ['src/ui/x.ts', "const f = require('../store/repo');", "Layer 'ui' may not import from layer 'store'"],
  ['src/lists/x.ts', "const g = import('../store/repo');", "Layer 'lists' may not import from layer 'store'"],
  // the front ends reach Graph through the store only
  ['src/tab/x.ts', "import { createGraphClient } from '../graph';", "Layer 'tab' may not import from layer 'graph'"],
  ['src/tab/data/x.ts', "import { listSchema } from '../../lists/schema';", "Layer 'tab' may not import from layer 'lists'"],
  ['src/addin/x.ts', "import type { GraphClient } from '../graph/client';", "Layer 'addin' may not import from layer 'graph'"],
  ['src/addin/x.ts', "export { mapItem } from '../lists/mapping';", "Layer 'addin' may not import from layer 'lists'"],
  // npm packages
  ['src/core/x.ts', "import Database from 'better-sqlite3';", "Layer 'core' may not import the package 'better-sqlite3'"],
  ['src/core/x.ts', "type Workbook = import('exceljs').Workbook;", "Layer 'core' may not import the package 'exceljs'"],
  ['src/report/x.ts', "import ExcelJS from 'exceljs';", "Layer 'report' may not import the package 'exceljs'"],
  ['src/store/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';", "Layer 'store' may not import the package '@microsoft/microsoft-graph-client'"],
  ['src/ui/x.ts', "import { app } from '@microsoft/teams-js';", "Layer 'ui' may not import the package '@microsoft/teams-js'"],
  ['src/tab/x.ts', "import { PublicClientApplication } from '@azure/msal-browser';", "Layer 'tab' may not import the package '@azure/msal-browser'"],
  ['src/addin/x.ts', "const teams = await import('@microsoft/teams-js');", "Layer 'addin' may not import the package '@microsoft/teams-js'"],
  ['src/jobs/notify/x.ts', "import Database from 'better-sqlite3';", "Layer 'jobs' may not import the package 'better-sqlite3'"],
  ['src/graph/x.ts', "import { User } from '@microsoft/microsoft-graph-types';", "Layer 'graph' may not import the package '@microsoft/microsoft-graph-types'"],
  ['src/emulator/x.ts', "import express from 'express';", "Layer 'emulator' may not import the package 'express'"],
  // Node built-ins in the pure layers: the whole list, with and without node:, and subpaths
  ['src/core/x.ts', "import { readFile } from 'node:fs/promises';", "Layer 'core' is pure"],
  ['src/report/x.ts', "import http from 'http';", "Layer 'report' is pure"],
  ['src/report/x.ts', "import { format } from 'util';", "Layer 'report' is pure"],
  ['src/report/x.ts', "import { isDate } from 'node:util/types';", "Layer 'report' is pure"],
  ['src/core/x.ts', "import { isDate } from 'util/types';", "Layer 'core' is pure"],
  ['src/core/x.ts', "import { EventEmitter } from 'events';", "Layer 'core' is pure"],
  ['src/core/x.ts', "const { test } = require('node:test');", "Layer 'core' is pure"],
  ['src/newlayer/x.ts', 'export const x = 1;', "'src/newlayer' is not a layer"],
];

const allowed: Array<[file: string, code: string]> = [
  ['src/graph/x.ts', "import { a } from '../core/model';"],
  ['src/store/x.ts', "import { a } from '../lists/schema';\nimport { b } from '../graph/client';"],
  ['src/tab/x.ts', "import { a } from '../ui/strings';\nimport { b } from '../store/repo';"],
  ['src/emulator/x.ts', "import { a } from '../core/model';\nimport { b } from './server/router';"],
  ['src/cli/x.ts', "import { a } from '../emulator';\nimport { b } from '../jobs/notify/run';"],
  ['src/jobs/notify/x.ts', "import { a } from '../../store/repo';"],
  ['test/x.ts', "import { a } from '../src/emulator';\nimport Database from 'better-sqlite3';"],
  // each layer's own packages
  ['src/core/x.ts', "import { a } from './model';"],
  ['src/emulator/x.ts', "import Database from 'better-sqlite3';\nimport { createServer } from 'node:http';"],
  [
    'src/tab/x.tsx',
    "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { Button } from '@fluentui/react-components';\n" +
      "import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';\nconst teams = () => import('@microsoft/teams-js');",
  ],
  ['src/addin/x.tsx', "import { useState } from 'react';\nimport { Button } from '@fluentui/react-components';\nimport { a } from '../excel/office/refresh';"],
  ['src/ui/x.tsx', "import type { ReactNode } from 'react';\nimport { makeStyles } from '@fluentui/react-components';"],
  ['src/graph/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';\nimport type { User } from '@microsoft/microsoft-graph-types';"],
  ['src/store/x.ts', "import { type ListItem } from '@microsoft/microsoft-graph-types';"],
  ['src/auth/x.ts', "import type { TokenCredential } from '@azure/identity';\nconst msal = () => import('@azure/msal-browser');"],
  ['src/jobs/notify/x.ts', "import { app } from '@azure/functions';\nimport { randomUUID } from 'node:crypto';"],
  ['src/excel/x.ts', "import ExcelJS from 'exceljs';\nimport { a } from '../report/tables';"],
  ['src/cli/x.ts', "import JSZip from 'jszip';\nimport fs from 'node:fs';\nrequire('tsx/cjs');"],
];

let results: string[][] = [];

beforeAll(() => {
  results = lintSnippets([...refused, ...allowed].map(([file, code]) => ({ file, code })));
});

describe('layer rules', () => {
  test.each(refused.map((c, i) => [...c, i] as const))('%s: %s is refused', (_file, _code, expected, i) => {
    expect((results[i] ?? []).join('\n')).toContain(expected);
  });

  test.each(allowed.map((c, i) => [...c, refused.length + i] as const))('%s: %s is allowed', (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
