// Figures for the pure core: number parsing/formatting and plan validation throughput.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatValue, parseSwedishNumber, validatePlanDocument } from '../../src/core';

function timeIt(runs: number, fn: () => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchCore(print: (line: string) => void): Promise<void> {
  const inputs = ['1 545 st', '5,8%', '-1 864,1', '−0,5', '80,5 procent', '306\u00A0992'];
  const n = 200_000;
  const parseMs = timeIt(n, () => {
    for (const s of inputs) parseSwedishNumber(s);
  });
  print(`core: parse sv-SE numbers: ${Math.round((n * inputs.length) / (parseMs / 1000)).toLocaleString('sv-SE')} per second`);
  const formatMs = timeIt(n, () => {
    formatValue(-1864.1, 'mnkr');
    formatValue(1545, 'st');
  });
  print(`core: format values: ${Math.round((n * 2) / (formatMs / 1000)).toLocaleString('sv-SE')} per second`);
  const file = path.join(__dirname, '..', 'fixtures', 'plans', 'rs-2025.json');
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const runs = 200;
  const validateMs = timeIt(runs, () => validatePlanDocument(doc));
  print(`core: validate the Regionstyrelsen 2025 plan: ${(validateMs / runs).toFixed(2)} ms per document`);
}
