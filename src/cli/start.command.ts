import type { Command } from './commands';
import { EXIT } from './commands';

// Replaced by the real local run once the emulator lands (issue 3).
export const startCommand: Command = {
  name: 'start',
  usage: 'malkoll start',
  summary: 'Startar den lokala körningen (Graph-emulatorn på http://localhost:3000).',
  async run(_args, io) {
    io.out.write('malkoll start: den lokala Graph-emulatorn är ännu inte byggd.\n');
    return EXIT.failed;
  },
};
