// What the command line says when something is wrong, in one place: every command refuses, fails
// and reports progress in the same words, and a reviewer (or a translator) reads them here.
// Swedish: the users are Swedish regions. The commands' own flag help stays in the command table.

export const HELP_WIDTH = 100;

/** The import's phases (src/store/plan-import.ts) as the newcomer reads them. */
const IMPORT_PHASES: Readonly<Record<string, string>> = {
  plan: 'organisation, perioder och plan',
  goals: 'mål och risker',
  items: 'styrtal, uppdrag och åtgärder',
  entries: 'uppföljningar',
};

/** What a flag's value looks like, for a refusal that shows one. */
export const FLAG_EXAMPLES: Readonly<Record<string, string>> = {
  plan: 'RS:2025',
  period: '2025-annual',
  out: 'fil',
  site: 'contoso.sharepoint.com:/sites/malkoll',
  'graph-url': 'https://graph.microsoft.com/v1.0',
  app: 'KLIENT-ID',
  'app-id': 'ID',
  role: 'write',
  name: 'Målkoll',
  'as-of': '2026-01-12',
  to: '2026',
  from: 'RS:2025',
  port: '3001',
  'env-file': 'env/.env.dev',
};

const list = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`);

export const texts = {
  usage: {
    seeHelp: (command: string) => `Kör malkoll ${command} --help för hjälp.`,
    unknownCommand: (name: string, suggestion: string | undefined) =>
      `Okänt kommando "${name}".${suggestion ? ` Menade du malkoll ${suggestion}?` : ''} Kör malkoll --help för att se kommandona.`,
    unknownFlag: (flag: string, known: readonly string[], suggestion: string | undefined) =>
      `Okänd flagga ${flag}.${suggestion ? ` Menade du ${suggestion}?` : ''} ` +
      (known.length > 0 ? `Flaggorna är ${list(known)}.` : 'Kommandot tar inga flaggor.'),
    missingValue: (flag: string, example: string | undefined) => `${flag} behöver ett värde${example ? `, till exempel ${flag} ${example}` : ''}.`,
    flagAsValue: (flag: string, value: string) =>
      `${flag} behöver ett värde, men följs av ${value}. Skriv ${flag}=${value} om värdet verkligen börjar med ett bindestreck.`,
    noValueAllowed: (flag: string) => `${flag} tar inget värde; skriv bara ${flag}.`,
    noArguments: (value: string) => `Kommandot tar inga argument utan flagga, men fick "${value}".`,
    unreadableFlags: 'Flaggorna kunde inte tolkas.',
    port: (raw: string, source: string) => `${source}: "${raw}" är inget portnummer. Ange ett heltal 1–65535, till exempel 3001.`,
    site: (raw: string, source: string) => `${source}: "${raw}" ska vara värdnamn:/sökväg, till exempel contoso.sharepoint.com:/sites/malkoll.`,
  },

  files: {
    missing: (file: string) => `Filen ${file} finns inte. Kontrollera namnet och mappen du står i.`,
    missingFolder: (file: string, folder: string) => `Mappen ${folder} finns inte, så ${file} kan inte skrivas. Skapa mappen eller välj en annan fil.`,
    isFolder: (file: string) => `${file} är en mapp, inte en fil.`,
    notFolder: (file: string) => `${file} kan inte nås: en del av sökvägen är en fil, inte en mapp.`,
    noAccess: (file: string, writing: boolean) => `Du saknar behörighet att ${writing ? 'skriva' : 'läsa'} ${file}.`,
    full: (file: string) => `Disken är full; ${file} kunde inte skrivas.`,
    readOnly: (file: string) => `${file} ligger på en skrivskyddad disk.`,
    other: (file: string, writing: boolean, code: string) => `${file} kunde inte ${writing ? 'skrivas' : 'läsas'} (${code}).`,
    envFileMissing: (file: string) => `Miljöfilen ${file} finns inte. Ange --app KLIENT-ID, eller kör atk provision som skapar filen.`,
  },

  json: {
    invalid: (file: string, line: number, column: number, problem: string) => `${file} är inte giltig JSON: rad ${line}, kolumn ${column}: ${problem}.`,
    nothingWritten: 'Rätta filen och kör igen; inget har skrivits.',
    empty: (file: string) => `${file} är tom; en planfil är ett JSON-objekt { … }.`,
    endedEarly: 'filen tar slut innan JSON-värdet är komplett (saknas ett } eller ]?)',
    expected: (what: string, found: string) => `${what} väntades, men här står ${found}`,
    value: 'ett värde (text inom "…", ett tal, true, false, null, { eller [)',
    key: 'ett namn inom dubbla citattecken',
    colon: 'ett kolon efter namnet',
    commaOrClose: (close: string) => `ett kommatecken eller ${close}`,
    trailingComma: (close: string) => `ett kommatecken före ${close} är inte tillåtet i JSON; ta bort det`,
    singleQuote: 'enkla citattecken; JSON kräver dubbla (")',
    controlInString: 'en radbrytning eller ett styrtecken inuti en text; skriv \\n i stället',
    badEscape: 'en ogiltig teckenkod efter \\ (tillåtna är \\" \\\\ \\/ \\b \\f \\n \\r \\t och \\uXXXX)',
    badNumber: 'ett ofullständigt tal',
    unknownWord: (word: string) => `"${word}", som inte är ett JSON-värde (text ska stå inom dubbla citattecken)`,
    afterEnd: 'mer text efter JSON-värdets slut',
    character: (c: string) => `"${c}"`,
  },

  graph: {
    siteMissing: (site: string) => `Webbplatsen ${site} finns inte. Kontrollera --site (eller MALKOLL_SITE): värdnamn:/sökväg, till exempel contoso.sharepoint.com:/sites/malkoll.`,
    notFound: (what: string) => `Graph hittar inte ${what}.`,
    unauthorized: 'Graph avvisade inloggningen. Kontrollera AZURE_TENANT_ID, AZURE_CLIENT_ID och hemligheten eller certifikatet (docs/cli.md).',
    forbidden:
      'Appen saknar behörighet för det här. Ge den en roll på webbplatsen med malkoll grant, eller kontrollera programbehörigheterna med malkoll doctor (docs/deploy.md).',
    conflict: 'Någon annan ändrade samma sak samtidigt. Kör kommandot igen.',
    throttled: 'Graph begränsar anropen just nu, även efter nya försök. Vänta en stund och kör igen.',
    serverError: 'Graph svarade med ett serverfel. Försök igen om en stund.',
    refused: 'Graph avvisade begäran.',
    unreachable: (origin: string, reason: string) => `Graph svarar inte på ${origin} (${reason}). Kontrollera adressen och nätverket.`,
    unreachableLocal: (origin: string) => `Den lokala emulatorn svarar inte på ${origin}. Starta den med npm start i ett annat fönster, eller ange en annan port med PORT.`,
    detail: (status: number, code: string, requestId: string | undefined) => `(Graph: ${status} ${code}${requestId ? `, begäran ${requestId}` : ''})`,
    signInMissing:
      'Ingen inloggning att använda mot klientorganisationen. Sätt AZURE_TENANT_ID, AZURE_CLIENT_ID och AZURE_CLIENT_SECRET (eller AZURE_CLIENT_CERTIFICATE_PATH), eller kör där en hanterad identitet finns (docs/cli.md).',
    signInRefused: (code: string | undefined) =>
      `Entra ID avvisade inloggningen${code ? ` (${code})` : ''}. Kontrollera AZURE_TENANT_ID, AZURE_CLIENT_ID och hemligheten eller certifikatet.`,
  },

  start: {
    portTaken: (port: number) =>
      `Porten ${port} är upptagen: kanske kör Målkoll redan (npm start i ett annat fönster), eller ett annat program. ` +
      `Välj en annan port: PORT=${port + 1} npm start, eller malkoll start --port ${port + 1}.`,
    portNotAllowed: (port: number) => `Porten ${port} får inte användas av ditt konto. Välj en port över 1024, till exempel --port 3001.`,
  },

  plans: {
    heading: (site: string, count: number) => `Planer på ${site} (${count}):`,
    none: (site: string) => `Webbplatsen ${site} har inga planer än. Läs in en med malkoll import plan.json.`,
    notFound: (key: string, site: string) => `Planen ${key} finns inte på webbplatsen ${site}.`,
    existing: (keys: readonly string[]) => `Planerna som finns: ${keys.join(', ')} (malkoll plans visar dem med namn).`,
    noneExisting: 'Webbplatsen har inga planer än; läs in en med malkoll import plan.json.',
  },

  import: {
    step: (done: number, total: number, phase: string) => `  Steg ${done} av ${total} klart: ${IMPORT_PHASES[phase] ?? phase}`,
    done: (key: string, created: number, updated: number, unchanged: number) => `Planen ${key} inläst: ${created} nya, ${updated} ändrade, ${unchanged} oförändrade.`,
    dryRun: (key: string, created: number, updated: number, unchanged: number) =>
      `Torrkörning av ${key}: inget har skrivits. Importen skulle ge ${created} nya, ${updated} ändrade, ${unchanged} oförändrade.`,
    created: (name: string) => `  Ny: ${name}`,
    updated: (name: string, columns: string) => `  Ändras: ${name} (${columns})`,
    kept: 'Behålls, rapporterat i Målkoll efter dokumentet (--overwrite-reported skriver över):',
    overwritten: 'Skrivs över med dokumentets värden (--overwrite-reported):',
    reported: (subject: string, changes: string, by: string) => `  ${subject}: ${changes}${by}`,
    change: (field: string, stored: string, document: string) => `${field} ${stored} (dokumentet: ${document})`,
    reportedBy: (upn: string, at: string) => ` — ${upn}${at ? ` ${at}` : ''}`,
    missing: 'Saknas i dokumentet och ligger kvar (--prune arkiverar dem):',
    archived: 'Arkiveras, saknas i dokumentet (tas inte bort; tidigare perioders rapporter visar dem):',
    stillArchived: 'Arkiverade i Målkoll, och förblir det fast dokumentet har dem:',
    thing: (name: string, title: string) => `  ${name}${title ? ` ${title}` : ''}`,
    statusKept: (stored: string, document: string) => `Planens status behålls: ${stored} (dokumentet: ${document}); att fastställa och arkivera är controllerns steg.`,
    empty: 'tomt',
  },

  planCopy: {
    created: (to: string, from: string) => `Planen ${to} är skapad som utkast från ${from}.`,
    carried: (goals: number, indicators: number, assignments: number, risks: number, actions: number) =>
      `Följer med: ${goals} mål, ${indicators} styrtal, ${assignments} fleråriga uppdrag, ${risks} risker och ${actions} åtgärder som inte är klara:`,
    thing: (kind: string, ref: string, title: string, note: string) => `  ${kind} ${ref} «${title}»${note}`,
    due: (date: string) => `, slutdatum ${date}`,
    left: 'Lämnas kvar:',
    followUps: (count: number) => `  ${count} uppföljningar (nästa år rapporteras på nytt; Föregående visar årets värden)`,
    next: (to: string) => `Planen är ett utkast: granska den och fastställ den med malkoll plan adopt --plan ${to}.`,
    kind: { goal: 'målet', indicator: 'styrtalet', assignment: 'uppdraget', risk: 'risken', action: 'åtgärden' },
    because: { 'carried-out': 'har genomförts', 'one-year': 'ettårigt uppdrag', done: 'klar', archived: 'arkiverat' },
    planTwice: 'Ange planen en gång: --plan RS:2025 (eller --from RS:2025).',
    noYear: (example: number) => `Ange året att kopiera till: --to ${example}.`,
    notAYear: (raw: string, example: number) => `--to: "${raw}" är inget år. Ange fyra siffror, till exempel --to ${example}.`,
    notLater: (to: number, from: number) => `--to ${to}: året måste vara senare än planens (${from}).`,
  },

  notify: {
    activity: (origin: string) => `Emulatorn visar aviseringarna: ${origin}/_dev/activity`,
  },

  failure: {
    prefix: (command: string) => `malkoll ${command}: `,
    unexpected: (command: string, message: string) => `malkoll ${command}: oväntat fel (${message}). Kör igen med MALKOLL_DEBUG=1 för detaljer.`,
  },

  help: {
    intro: 'Målkoll — målstyrning och uppföljning i Teams och Excel över SharePoint-listor.',
    usage: 'Användning: malkoll <kommando> [flaggor]',
    commands: 'Kommandon:',
    more: 'malkoll <kommando> --help visar ett kommandos flaggor.',
    exitCodes: 'Slutkoder: 0 klart, 1 arbetet misslyckades, 2 fel användning, 3 ogiltiga indata.',
    commandUsage: 'Användning:',
    flags: 'Flaggor:',
  },
} as const;
