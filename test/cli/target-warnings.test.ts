// A target whose kind the document leaves unclear is reported as a warning: the document still
// validates (exit 0) and the warning names the field and the words that could not be read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { fixture } from '../store/harness';
import { textSink } from './text-sink';

test('validate names the target it cannot read and still passes the document', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-targets-'));
  writeFileSync(path.join(dir, 'rs-2024.json'), JSON.stringify(fixture('rs-2024.json')));
  const out = textSink();
  const err = textSink();
  const code = await main(['validate', 'rs-2024.json'], { out, err, cwd: dir, env: {} });
  expect(code).toBe(0);
  expect(out.text()).toContain('rs-2024.json: giltig');
  expect(err.text()).toContain('Varning: goals[0].indicators[3].targetKind: målvärdet "högre än rikets nivå" går inte att läsa som en målvärdestyp');
});
