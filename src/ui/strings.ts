// Every text the tab shows, Swedish first and English when the host's locale says so. One module,
// so a translator (or a reviewer) sees the whole vocabulary of the interface in one place.

export type UiLanguage = 'sv' | 'en';

export interface Strings {
  readonly appName: string;
  readonly loading: string;
  readonly nav: { readonly todo: string; readonly plan: string; readonly internalControl: string; readonly overdue: string; readonly activity: string; readonly round: string };
  readonly pickUser: { readonly title: string; readonly intro: string; readonly label: string; readonly choose: string; readonly signedInAs: (name: string) => string; readonly switchUser: string };
  readonly config: { readonly refusedTitle: string; readonly refusedIntro: string; readonly notInTeams: string };
  readonly planPicker: { readonly plan: string; readonly period: string };
  readonly todo: {
    readonly title: string;
    readonly search: string;
    /** The switch that leaves out what is klar or godkänd (a reminder's link turns it on). */
    readonly filterNotDone: string;
    readonly item: string;
    readonly state: string;
    /** How many of the person's items are not yet klar. */
    readonly left: (count: number, total: number) => string;
    readonly empty: string;
    readonly noMatch: string;
    readonly showMore: (next: number, left: number) => string;
    readonly changed: string;
    readonly kind: Readonly<Record<'goal' | 'indicator' | 'assignment' | 'action', string>>;
    /** The period's deadline: `date` as "20 augusti", `daysLeft` 0 on the day, negative once passed. */
    readonly deadline: (date: string, daysLeft: number) => string;
    /** Beside the state of what is not klar when the deadline has passed. */
    readonly late: string;
  };
  readonly plan: { readonly title: string; readonly outcome: string; readonly target: string; readonly longTermTarget: string; readonly assessment: string; readonly trend: string; readonly indicators: string; readonly assignments: string; readonly open: (title: string) => string; readonly suggestion: string; readonly showMore: (next: number, left: number) => string;
    /** The assessment column of goals and uppdrag at a period before the year's end. */
    readonly prognosis: string;
  };
  readonly internalControl: { readonly title: string; readonly area: string; readonly risk: string; readonly riskValue: string; readonly probabilityTimesConsequence: (p: number, c: number, v: number) => string; readonly action: string; readonly status: string; readonly due: string; readonly overdue: string; readonly empty: string };
  readonly overdue: { readonly title: string; readonly intro: string; readonly asOf: (date: string) => string; readonly owner: string; readonly plan: string; readonly days: (n: number) => string; readonly empty: string; readonly why: Readonly<Record<'report' | 'responsible' | 'own', string>>;
    readonly count: (shown: number, total: number) => string;
    readonly person: string;
    readonly everyone: string;
    readonly sort: string;
    readonly sortDays: string;
    readonly sortPerson: string;
    readonly sortPlan: string;
    readonly allPlans: string;
  };
  readonly editor: {
    readonly title: (title: string) => string;
    readonly outcome: string;
    readonly outcomeHint: (unit: string | undefined) => string;
    /** The reference beside the outcome, for a target such as "riket + 1 %". */
    readonly reference: string;
    readonly referenceHint: (target: string) => string;
    readonly level: string;
    readonly assessment: string;
    /** The assessment's label for goals and uppdrag at a period before the year's end. */
    readonly prognosis: string;
    readonly trend: string;
    readonly comment: string;
    readonly status: string;
    readonly save: string;
    readonly saving: string;
    readonly close: string;
    readonly none: string;
    readonly saved: string;
    readonly suggested: (label: string) => string;
    readonly differsFromSuggestion: (label: string) => string;
    readonly previous: (period: string) => string;
    readonly previousNone: (period: string) => string;
    readonly locked: (period: string) => string;
    readonly confirmTitle: string;
    readonly confirmSave: string;
    readonly target: (text: string) => string;
    readonly restoredDraft: string;
    readonly fixErrors: string;
    readonly history: string;
    readonly saveAndNext: string;
    readonly context: { readonly title: string; readonly indicators: string; readonly risk: string; readonly due: (date: string) => string; readonly late: (days: number) => string; readonly notYetDue: string; readonly noOutcome: string };
    readonly historyEmpty: string;
    readonly historyLoad: string;
    readonly errors: { readonly network: string; readonly throttled: string; readonly unknown: (detail: string) => string };
    readonly conflict: { readonly title: string; readonly intro: string; readonly theirs: string; readonly mine: string; readonly keepMine: string; readonly takeTheirs: string; readonly merge: string; readonly mergedNote: string; readonly savedBy: (name: string, when: string) => string };
  };
  readonly activity: {
    readonly title: string;
    readonly placeholder: string;
    readonly intro: string;
    readonly everyone: string;
    readonly refresh: string;
    readonly list: string;
    readonly empty: string;
    readonly emptyHint: string;
    readonly to: (recipient: string) => string;
    readonly openItem: Readonly<Record<'goal' | 'indicator' | 'assignment' | 'action', string>>;
    readonly openTodo: string;
    readonly openOverdue: string;
    readonly notDelivered: (note: string) => string;
    readonly newItems: (count: number) => string;
    readonly loadFailed: (detail: string) => string;
  };
  readonly channelConfig: { readonly title: string; readonly intro: string; readonly plan: string };
  /** Ombud: whom the signed-in person lets report for them (the write API keeps the list). */
  readonly delegates: {
    readonly title: string;
    readonly intro: string;
    readonly none: string;
    readonly remove: (name: string) => string;
    readonly search: string;
    readonly add: (name: string) => string;
    readonly searching: string;
    readonly noMatch: string;
    readonly forOthers: (names: string) => string;
    readonly failed: (detail: string) => string;
  };
  /** Uppföljningsläge: the controller's overview of the reporting round. */
  readonly round: {
    readonly title: string;
    readonly deadline: (date: string) => string;
    readonly open: string;
    readonly locked: (when: string | undefined, who: string | undefined) => string;
    readonly total: string;
    readonly summary: (unfinished: number, total: number) => string;
    readonly filter: string;
    readonly filterAll: string;
    readonly filterOpen: string;
    readonly search: string;
    readonly byState: string;
    readonly byOwner: string;
    readonly byGoal: string;
    readonly items: string;
    readonly owner: string;
    readonly goal: string;
    readonly item: string;
    readonly state: string;
    readonly noOwner: string;
    readonly returnComment: string;
    readonly empty: string;
    readonly noMatch: string;
    readonly showMore: (next: number, left: number) => string;
    readonly remindTitle: string;
    readonly remindIntro: string;
    readonly remindPerson: (name: string, unfinished: number) => string;
    readonly remindSend: (chosen: number) => string;
    readonly remindSending: string;
    readonly remindResult: (sent: number, earlier: number, unreached: readonly string[]) => string;
    readonly remindFailed: (message: string) => string;
  };
  /** The reporting round in the editor: the item's state, who moved it and when, and the steps. */
  readonly roundEditor: {
    readonly state: string;
    readonly by: Readonly<Record<'draft' | 'done' | 'approved' | 'returned', (name: string, when: string) => string>>;
    readonly returnedBy: (name: string, when: string) => string;
    readonly returnComment: string;
    readonly readOnlyDone: string;
    readonly readOnlyApproved: string;
    readonly steps: string;
    readonly markDone: string;
    readonly saveAndMarkDone: string;
    readonly reopen: string;
    readonly sendBack: string;
    readonly approve: string;
    readonly sendBackComment: string;
    readonly sendBackHint: string;
    readonly sendBackConfirm: string;
    readonly commentRequired: string;
    readonly cancel: string;
    readonly working: string;
    readonly stepDone: Readonly<Record<'mark-done' | 'reopen' | 'send-back' | 'approve', string>>;
    readonly conflictTitle: string;
    readonly conflictIntro: string;
    readonly failed: (detail: string) => string;
  };
  /** A controller's lock of the plan's period, and the line everyone sees when it is locked. */
  readonly periodLock: {
    readonly lock: string;
    readonly unlock: string;
    readonly lockedBy: (name: string | undefined, date: string | undefined) => string;
    readonly notApproved: (count: number) => string;
    readonly more: (count: number) => string;
    readonly force: string;
    readonly cancel: string;
    readonly working: string;
    readonly conflict: string;
    readonly failed: (detail: string) => string;
  };
  /** Redigera plan: the controllers' plan editor, and the plan's status (utkast → fastställd → arkiverad). */
  readonly planEditor: {
    readonly nav: string;
    readonly title: (plan: string) => string;
    readonly intro: string;
    readonly noWriteApi: string;
    readonly goals: string;
    readonly internalControl: string;
    readonly emptyGoals: string;
    readonly emptyRisks: string;
    readonly kind: Readonly<Record<'goal' | 'indicator' | 'assignment' | 'risk' | 'action' | 'activity', string>>;
    /** Headings of a goal's (or a risk's) lists of items. */
    readonly under: Readonly<Record<'indicator' | 'assignment' | 'activity' | 'action', string>>;
    readonly add: Readonly<Record<'goal' | 'indicator' | 'assignment' | 'risk' | 'action' | 'activity', string>>;
    readonly newTitle: Readonly<Record<'goal' | 'indicator' | 'assignment' | 'risk' | 'action' | 'activity', string>>;
    readonly editTitle: (kind: string, title: string) => string;
    readonly underParent: (parent: string) => string;
    readonly edit: string;
    readonly moveUp: string;
    readonly moveDown: string;
    readonly remove: string;
    /** Accessible names: the action and the item's title. */
    readonly itemAction: (action: string, title: string) => string;
    readonly ownerLine: (name: string) => string;
    readonly dueLine: (date: string) => string;
    readonly multiYearLine: string;
    readonly targetLine: (target: string) => string;
    readonly riskValueLine: (p: number, c: number, v: number) => string;
    readonly fields: {
      readonly title: string;
      readonly goalKind: string;
      readonly number: string;
      readonly perspective: string;
      readonly origin: string;
      readonly description: string;
      readonly owner: string;
      readonly valueType: string;
      readonly unit: string;
      readonly unitHint: string;
      readonly direction: string;
      readonly targetKind: string;
      readonly noTarget: string;
      readonly target: string;
      readonly rangeMin: string;
      readonly rangeMax: string;
      readonly rankPlace: string;
      readonly rankOf: string;
      readonly referenceOffset: string;
      readonly referenceOffsetHint: string;
      readonly referenceEstimate: string;
      readonly previousYearHint: string;
      readonly targetText: string;
      readonly targetTextHint: string;
      readonly targetPreview: (text: string) => string;
      readonly longTermTarget: string;
      readonly longTermTargetText: string;
      readonly baseline: string;
      readonly source: string;
      readonly dueDate: string;
      readonly multiYear: string;
      readonly area: string;
      readonly regionWide: string;
      readonly probability: string;
      readonly consequence: string;
      readonly notGraded: string;
      readonly riskValue: string;
      readonly riskValueNone: string;
    };
    readonly valueTypes: Readonly<Record<'numeric' | 'qualitative', string>>;
    readonly targetKinds: Readonly<Record<'at-least' | 'at-most' | 'more-than' | 'less-than' | 'range' | 'rank' | 'previous-year' | 'reference', string>>;
    readonly owner: {
      readonly search: string;
      readonly searchHint: string;
      readonly none: string;
      readonly searching: string;
      readonly found: (count: number) => string;
      readonly noMatch: string;
      readonly failed: (detail: string) => string;
    };
    readonly save: string;
    readonly saving: string;
    readonly cancel: string;
    readonly saved: (title: string) => string;
    readonly fixErrors: string;
    readonly failed: (detail: string) => string;
    readonly conflict: {
      readonly title: string;
      readonly intro: string;
      readonly theirs: string;
      readonly mine: string;
      readonly keepMine: string;
      readonly takeTheirs: string;
    };
    readonly removeQuestion: (title: string) => string;
    readonly removeConfirm: string;
    readonly archiveConfirm: string;
    readonly removing: string;
    readonly removed: (title: string) => string;
    readonly archived: (title: string) => string;
    readonly removeConflict: (title: string) => string;
    readonly moved: (title: string) => string;
    readonly moveConflict: string;
    readonly matrix: {
      readonly title: string;
      readonly caption: string;
      readonly probability: string;
      readonly consequence: string;
      readonly value: (v: number) => string;
      readonly unrated: string;
    };
    readonly status: {
      readonly label: string;
      readonly draftNote: string;
      readonly archivedNote: string;
      readonly adoptedBy: (name: string, when: string) => string;
      readonly archivedBy: (name: string, when: string) => string;
      readonly adopt: string;
      readonly archive: string;
      readonly adoptQuestion: string;
      readonly archiveQuestion: string;
      readonly confirmAdopt: string;
      readonly confirmArchive: string;
      readonly working: string;
      readonly adopted: string;
      readonly archivedNow: string;
      readonly conflict: string;
      readonly failed: (detail: string) => string;
    };
    /** Copy to next year: a draft of the next year's plan, for the controllers. */
    readonly copy: {
      readonly button: (year: number) => string;
      readonly question: (year: number) => string;
      readonly confirm: string;
      readonly working: string;
      readonly done: (title: string, goals: number, indicators: number, assignments: number, actions: number, left: number) => string;
      readonly failed: (detail: string) => string;
    };
    /** A draft plan opened by someone it does not name. */
    readonly draftHidden: string;
  };
  /** Underliggande: what a parent's controller or manager sees of the organisations under it. */
  readonly children: {
    readonly nav: string;
    readonly title: string;
    readonly intro: (organisation: string, period: string) => string;
    readonly organisation: string;
    readonly manager: string;
    readonly plans: string;
    readonly reported: string;
    readonly assessed: string;
    readonly ofTotal: (count: number, total: number) => string;
    readonly noPlan: string;
    readonly noPeriod: string;
    readonly ownPlan: string;
    readonly showChildren: (name: string, count: number) => string;
    readonly hideChildren: (name: string) => string;
    readonly byState: string;
    readonly perGoal: string;
    readonly perGoalIntro: string;
    readonly suggestion: (label: string) => string;
    readonly noSuggestion: string;
    readonly notReported: string;
    readonly assessment: string;
    readonly comment: string;
    readonly empty: string;
    readonly refresh: string;
    readonly keepTitle: string;
    readonly keepOpen: string;
    readonly keepClose: string;
    readonly keepSaved: (name: string) => string;
    readonly keepConflict: (name: string) => string;
    readonly keepFailed: (detail: string) => string;
    readonly addTitle: string;
    readonly addUnder: string;
    readonly code: string;
    readonly name: string;
    readonly kind: string;
    readonly kindUnknown: string;
    readonly addSubmit: string;
    readonly renameTitle: string;
    readonly renameWhich: string;
    readonly newName: string;
    readonly renameSubmit: string;
    readonly moveTitle: string;
    readonly moveWhich: string;
    readonly moveUnder: string;
    readonly moveSubmit: string;
    readonly choose: string;
    readonly failed: (detail: string) => string;
  };
  /** Regionen: per regionfullmäktige goal and uppdrag, every nämnd's part side by side. */
  readonly region: {
    readonly nav: string;
    readonly title: string;
    readonly intro: (plan: string, period: string) => string;
    readonly noPlan: (year: number) => string;
    readonly goal: string;
    readonly indicator: string;
    readonly assignment: string;
    readonly board: string;
    readonly assessment: string;
    readonly outcome: string;
    readonly comment: string;
    readonly reportedBy: string;
    readonly notReported: string;
    readonly noParts: string;
    readonly rolledUp: (value: string, method: string) => string;
    readonly counts: string;
    readonly countsGoals: string;
    readonly countsAssignments: string;
    readonly allBoards: string;
    readonly total: string;
    readonly parts: (count: number) => string;
  };
  readonly errors: { readonly loadFailed: (detail: string) => string; readonly retry: string };
}

export const SV: Strings = {
  appName: 'Målkoll',
  loading: 'Laddar …',
  nav: { todo: 'Att göra', plan: 'Plan', internalControl: 'Internkontroll', overdue: 'Försenade åtgärder', activity: 'Aktivitet', round: 'Uppföljningsläge' },
  pickUser: {
    title: 'Välj person (lokal körning)',
    intro: 'Målkoll körs utanför Teams mot den lokala emulatorn. Välj vem du vill vara.',
    label: 'Person',
    choose: 'Fortsätt',
    signedInAs: (name) => `Inloggad som ${name}`,
    switchUser: 'Byt person',
  },
  config: {
    refusedTitle: 'Målkoll kan inte starta',
    refusedIntro: 'Konfigurationen (config.json) är ofullständig. Appen körs inte utan inloggning. Be den som driftsätter Målkoll att rätta:',
    notInTeams: 'Målkoll är konfigurerad för en Microsoft 365-miljö men öppnades utanför Teams. Öppna appen i Teams.',
  },
  planPicker: { plan: 'Verksamhetsplan', period: 'Period' },
  todo: {
    title: 'Att göra',
    search: 'Sök',
    filterNotDone: 'Visa bara det som inte är klart',
    item: 'Att rapportera',
    state: 'Läge',
    left: (count, total) => (count === 0 ? `Allt är klart (${total} av ${total})` : `${count} av ${total} är inte klara`),
    empty: 'Du har inget att rapportera i den här perioden.',
    noMatch: 'Inga träffar.',
    showMore: (next, left) => `Visa ${next} till (${left} kvar)`,
    changed: 'Ändrad sedan',
    kind: { goal: 'Mål', indicator: 'Styrtal', assignment: 'Uppdrag', action: 'Åtgärd' },
    deadline: (date, daysLeft) =>
      daysLeft > 1
        ? `Senast ${date}, om ${daysLeft} dagar`
        : daysLeft === 1
          ? `Senast ${date}, i morgon`
          : daysLeft === 0
            ? `Senast i dag, ${date}`
            : daysLeft === -1
              ? `Senast ${date}, passerad i går`
              : `Senast ${date}, passerad för ${-daysLeft} dagar sedan`,
    late: 'Försenad',
  },
  plan: {
    title: 'Plan',
    outcome: 'Utfall',
    target: 'Årets målvärde',
    longTermTarget: 'Långsiktigt målvärde',
    assessment: 'Bedömning',
    trend: 'Trend',
    indicators: 'Styrtal',
    assignments: 'Uppdrag',
    open: (title) => `Öppna ${title}`,
    suggestion: 'förslag',
    showMore: (next, left) => `Visa ${next} mål till (${left} kvar)`,
    prognosis: 'Prognos helår',
  },
  internalControl: {
    title: 'Internkontroll',
    area: 'Område',
    risk: 'Risk',
    riskValue: 'Riskvärde',
    probabilityTimesConsequence: (p, c, v) => `${p} × ${c} = ${v}`,
    action: 'Åtgärd',
    status: 'Status',
    due: 'Slutdatum',
    overdue: 'Försenad',
    empty: 'Planen har ingen internkontrollplan.',
  },
  overdue: {
    title: 'Försenade åtgärder',
    intro: 'Åtgärder som har passerat slutdatum och inte är avslutade: dina medarbetares och de planer du ansvarar för.',
    asOf: (date) => `Per ${date}`,
    owner: 'Ansvarig',
    plan: 'Plan',
    days: (n) => `${n} ${n === 1 ? 'dag' : 'dagar'} försenad`,
    empty: 'Inga försenade åtgärder.',
    why: { report: 'Din medarbetare', responsible: 'Din plan', own: 'Din egen' },
    count: (shown, total) => (shown === total ? `${total} försenade åtgärder` : `${shown} av ${total} försenade åtgärder`),
    person: 'Ansvarig',
    everyone: 'Alla',
    sort: 'Sortera',
    sortDays: 'Mest försenad först',
    sortPerson: 'Ansvarig',
    sortPlan: 'Plan',
    allPlans: 'Alla planer',
  },
  editor: {
    title: (title) => `Rapportera: ${title}`,
    outcome: 'Utfall',
    outcomeHint: (unit) => (unit ? `Tal i ${unit}, till exempel 1 545 eller 5,8` : 'Tal, till exempel 1 545 eller 5,8'),
    reference: 'Referensvärde',
    referenceHint: (target) => `Värdet som målet räknas från (${target}), till exempel rikets utfall samma period`,
    level: 'Utfall',
    assessment: 'Bedömning',
    prognosis: 'Prognos helår',
    trend: 'Trend',
    comment: 'Kommentar',
    status: 'Status',
    save: 'Spara',
    saving: 'Sparar …',
    close: 'Stäng',
    none: 'Inte angiven',
    saved: 'Sparat.',
    suggested: (label) => `Förslag enligt reglerna: ${label}`,
    differsFromSuggestion: (label) => `Din bedömning skiljer sig från förslaget (${label}). Förklara gärna varför i kommentaren.`,
    previous: (period) => `Föregående (${period})`,
    previousNone: (period) => `Inget rapporterades för ${period}.`,
    locked: (period) => `Perioden är låst (${period}). Du kan läsa men inte ändra.`,
    confirmTitle: 'Kontrollera värdet',
    confirmSave: 'Spara ändå',
    target: (text) => `Målvärde: ${text}`,
    restoredDraft: 'Osparad text från förra gången har återställts.',
    fixErrors: 'Inget sparades. Rätta det markerade och spara igen.',
    history: 'Historik',
    saveAndNext: 'Spara och nästa',
    context: { title: 'Sammanhang', indicators: 'Målets styrtal', risk: 'Risk', due: (date) => `Slutdatum ${date}`, late: (days) => `${days} ${days === 1 ? 'dag' : 'dagar'} försenad`, notYetDue: 'Inte försenad', noOutcome: 'inget utfall' },
    historyEmpty: 'Ingen tidigare version.',
    historyLoad: 'Visa historik',
    errors: {
      network: 'Inget sparades: nätverket svarar inte. Din text finns kvar, försök igen.',
      throttled: 'Inget sparades: tjänsten är överbelastad just nu. Din text finns kvar, försök igen om en stund.',
      unknown: (detail) => `Inget sparades: ${detail} Din text finns kvar.`,
    },
    conflict: {
      title: 'Någon annan har sparat under tiden',
      intro: 'Inget av ditt har skrivits över. Jämför versionerna och välj.',
      theirs: 'Sparad version',
      mine: 'Din version',
      keepMine: 'Spara min version',
      takeTheirs: 'Använd sparad version',
      merge: 'Slå ihop kommentarerna',
      mergedNote: 'Kommentarerna har slagits ihop. Granska och spara.',
      savedBy: (name, when) => `Sparad av ${name} ${when}`,
    },
  },
  activity: {
    title: 'Aktivitet',
    placeholder: 'Här visas aviseringar om försenade åtgärder.',
    intro: 'Aviseringarna Teams skulle ha visat (lokal körning).',
    everyone: 'Visa allas',
    refresh: 'Uppdatera',
    list: 'Aviseringar',
    empty: 'Inga aviseringar ännu.',
    emptyHint: 'De skickas av malkoll notify.',
    to: (recipient) => `Till ${recipient}`,
    openItem: { goal: 'Öppna målet', indicator: 'Öppna styrtalet', assignment: 'Öppna uppdraget', action: 'Öppna åtgärden' },
    openTodo: 'Öppna Att göra',
    openOverdue: 'Öppna Försenade åtgärder',
    notDelivered: (note) => `Teams visar den inte: ${note}`,
    newItems: (count) => (count === 0 ? 'Inga nya aviseringar.' : count === 1 ? '1 ny avisering.' : `${count} nya aviseringar.`),
    loadFailed: (detail) => `Aviseringarna kunde inte hämtas: ${detail}`,
  },
  channelConfig: { title: 'Målkoll i kanalen', intro: 'Välj vilken organisations verksamhetsplan fliken ska visa.', plan: 'Verksamhetsplan' },
  delegates: {
    title: 'Ombud',
    intro: 'Ett ombud får rapportera på det du ansvarar för, till exempel när du är ledig. Det du och ombudet sparar syns med vem som sparade.',
    none: 'Du har inga ombud.',
    remove: (name) => `Ta bort ${name}`,
    search: 'Sök en person att lägga till',
    add: (name) => `Lägg till ${name}`,
    searching: 'Söker …',
    noMatch: 'Ingen i katalogen börjar så.',
    forOthers: (names) => `Du är ombud för ${names}.`,
    failed: (detail) => `Ombuden kunde inte ändras: ${detail}`,
  },
  round: {
    title: 'Uppföljningsläge',
    deadline: (date) => `Sista dag ${date}.`,
    open: 'Perioden är öppen för rapportering.',
    locked: (when, who) => `Perioden är låst${when ? ` ${when}` : ''}${who ? ` av ${who}` : ''}.`,
    total: 'Totalt',
    summary: (unfinished, total) => `${unfinished} av ${total} poster är inte klara`,
    filter: 'Visa',
    filterAll: 'Alla',
    filterOpen: 'Inte klara',
    search: 'Sök',
    byState: 'Per läge',
    byOwner: 'Per ansvarig',
    byGoal: 'Per mål',
    items: 'Poster',
    owner: 'Ansvarig',
    goal: 'Mål',
    item: 'Post',
    state: 'Läge',
    noOwner: 'Ingen ansvarig',
    returnComment: 'Återremitterad med kommentaren',
    empty: 'Planen har inget att rapportera i perioden.',
    noMatch: 'Inga träffar.',
    showMore: (next, left) => `Visa ${next} till (${left} kvar)`,
    remindTitle: 'Påminn nu',
    remindIntro: 'Välj vilka som ska få en påminnelse i Teams om det som inte är klart. Var och en får högst en påminnelse per dag.',
    remindPerson: (name, unfinished) => `${name} (${unfinished} inte klara)`,
    remindSend: (chosen) => (chosen === 0 ? 'Påminn nu' : `Påminn nu (${chosen})`),
    remindSending: 'Skickar påminnelser…',
    remindResult: (sent, earlier, unreached) =>
      [
        `Påminnelse skickad till ${sent} ${sent === 1 ? 'person' : 'personer'}.`,
        ...(earlier > 0 ? [`${earlier} hade redan fått en i dag.`] : []),
        ...(unreached.length > 0 ? [`Kunde inte nå ${unreached.join(', ')}.`] : []),
      ].join(' '),
    remindFailed: (message) => `Påminnelserna skickades inte: ${message}`,
  },
  roundEditor: {
    state: 'Läge',
    by: {
      draft: (name, when) => `Sparad av ${name} ${when}`,
      done: (name, when) => `Markerad som klar av ${name} ${when}`,
      approved: (name, when) => `Godkänd av ${name} ${when}`,
      returned: (name, when) => `Skickad tillbaka av ${name} ${when}`,
    },
    returnedBy: (name, when) => `Återremitterad av ${name} ${when}`,
    returnComment: 'Återremitterad med kommentaren',
    readOnlyDone: 'Uppföljningen är markerad som klar och kan inte ändras. Öppna den igen om något behöver ändras.',
    readOnlyApproved: 'Uppföljningen är godkänd och kan bara ändras av planens controller.',
    steps: 'Uppföljningens läge',
    markDone: 'Markera som klar',
    saveAndMarkDone: 'Spara och markera klar',
    reopen: 'Öppna igen',
    sendBack: 'Skicka tillbaka',
    approve: 'Godkänn',
    sendBackComment: 'Vad behöver ändras?',
    sendBackHint: 'Rapportören får kommentaren som en avisering i Teams.',
    sendBackConfirm: 'Skicka tillbaka med kommentaren',
    commentRequired: 'Skriv en kommentar som säger vad som behöver ändras.',
    cancel: 'Avbryt',
    working: 'Skickar …',
    stepDone: { 'mark-done': 'Markerad som klar.', reopen: 'Öppnad igen. Du kan ändra och spara.', 'send-back': 'Skickad tillbaka till rapportören.', approve: 'Godkänd.' },
    conflictTitle: 'Någon annan har ändrat under tiden',
    conflictIntro: 'Steget gjordes inte och inget du skrivit har försvunnit. Den sparade versionen visas nu; gör om steget om det fortfarande behövs.',
    failed: (detail) => `Steget gjordes inte: ${detail}`,
  },
  periodLock: {
    lock: 'Lås perioden',
    unlock: 'Lås upp',
    lockedBy: (name, date) => `Låst${name ? ` av ${name}` : ''}${date ? ` ${date}` : ''}`,
    notApproved: (count) => `Perioden låstes inte: ${count === 1 ? '1 post är inte godkänd' : `${count} poster är inte godkända`}.`,
    more: (count) => `och ${count} till`,
    force: 'Lås ändå',
    cancel: 'Avbryt',
    working: 'Sparar …',
    conflict: 'Någon annan ändrade perioden samtidigt. Inget ändrades; försök igen.',
    failed: (detail) => `Inget ändrades: ${detail}`,
  },
  planEditor: {
    nav: 'Redigera plan',
    title: (plan) => `Redigera plan: ${plan}`,
    intro: 'Här skapar, ändrar, ordnar och tar du bort planens mål, styrtal, uppdrag, risker, åtgärder och aktiviteter. Varje ändring kontrolleras och sparas direkt.',
    noWriteApi: 'Målkolls tjänst för ändringar är inte konfigurerad, så planen kan inte ändras här.',
    goals: 'Mål',
    internalControl: 'Internkontroll',
    emptyGoals: 'Planen har inga mål ännu.',
    emptyRisks: 'Planen har inga risker ännu.',
    kind: { goal: 'Mål', indicator: 'Styrtal', assignment: 'Uppdrag', risk: 'Risk', action: 'Åtgärd', activity: 'Aktivitet' },
    under: { indicator: 'Styrtal', assignment: 'Uppdrag', activity: 'Aktiviteter', action: 'Åtgärder' },
    add: { goal: 'Lägg till mål', indicator: 'Lägg till styrtal', assignment: 'Lägg till uppdrag', risk: 'Lägg till risk', action: 'Lägg till åtgärd', activity: 'Lägg till aktivitet' },
    newTitle: { goal: 'Nytt mål', indicator: 'Nytt styrtal', assignment: 'Nytt uppdrag', risk: 'Ny risk', action: 'Ny åtgärd', activity: 'Ny aktivitet' },
    editTitle: (kind, title) => `Ändra ${kind.toLowerCase()}: ${title}`,
    underParent: (parent) => `Under ${parent}`,
    edit: 'Ändra',
    moveUp: 'Flytta upp',
    moveDown: 'Flytta ned',
    remove: 'Ta bort',
    itemAction: (action, title) => `${action}: ${title}`,
    ownerLine: (name) => `Ansvarig: ${name}`,
    dueLine: (date) => `Slutdatum ${date}`,
    multiYearLine: 'Flerårigt',
    targetLine: (target) => `Målvärde: ${target}`,
    riskValueLine: (p, c, v) => `Riskvärde ${p} × ${c} = ${v}`,
    fields: {
      title: 'Titel',
      goalKind: 'Typ av mål',
      number: 'Nummer',
      perspective: 'Perspektiv',
      origin: 'Beslutat av',
      description: 'Beskrivning',
      owner: 'Ansvarig',
      valueType: 'Värdetyp',
      unit: 'Enhet',
      unitHint: 'Till exempel %, st, dagar eller mnkr',
      direction: 'Riktning',
      targetKind: 'Typ av målvärde',
      noTarget: 'Inget målvärde',
      target: 'Målvärde',
      rangeMin: 'Från',
      rangeMax: 'Till',
      rankPlace: 'Placering',
      rankOf: 'Av antal',
      referenceOffset: 'Skillnad mot referensvärdet',
      referenceOffsetHint: 'Riket + 1 % skrivs 1; riket − 2 skrivs -2. Referensvärdet rapporteras bredvid utfallet.',
      referenceEstimate: 'Beräknat målvärde (valfritt)',
      previousYearHint: 'Föregående års utfall är målvärdet; riktningen säger om det ska öka eller minska.',
      targetText: 'Målvärde i ord (valfritt)',
      targetTextHint: 'Visas i stället för det beräknade, till exempel "Minst 90 % senast 2027"',
      targetPreview: (text) => `Visas som: ${text}`,
      longTermTarget: 'Långsiktigt målvärde',
      longTermTargetText: 'Långsiktigt målvärde i ord (valfritt)',
      baseline: 'Utgångsvärde',
      source: 'Källa',
      dueDate: 'Slutdatum',
      multiYear: 'Flerårigt uppdrag',
      area: 'Område',
      regionWide: 'Regionövergripande',
      probability: 'Sannolikhet',
      consequence: 'Konsekvens',
      notGraded: 'Inte bedömd',
      riskValue: 'Riskvärde',
      riskValueNone: 'Ange sannolikhet och konsekvens för riskvärdet.',
    },
    valueTypes: { numeric: 'Tal', qualitative: 'Kvalitativt (helt, delvis, inte alls)' },
    targetKinds: {
      'at-least': 'Minst N',
      'at-most': 'Högst N',
      'more-than': 'Mer än N',
      'less-than': 'Mindre än N',
      range: 'Intervall N–M',
      rank: 'Plats N av M (lägre är bättre)',
      'previous-year': 'Jämfört med föregående år',
      reference: 'Mot ett referensvärde (riket + N)',
    },
    owner: {
      search: 'Sök ansvarig',
      searchHint: 'Skriv början av namnet, minst två bokstäver',
      none: 'Ingen ansvarig',
      searching: 'Söker …',
      found: (count) => (count === 1 ? '1 träff' : `${count} träffar`),
      noMatch: 'Ingen träff.',
      failed: (detail) => `Sökningen gick inte: ${detail}`,
    },
    save: 'Spara',
    saving: 'Sparar …',
    cancel: 'Avbryt',
    saved: (title) => `Sparat: ${title}.`,
    fixErrors: 'Inget sparades. Rätta det markerade och spara igen.',
    failed: (detail) => `Inget sparades: ${detail}`,
    conflict: {
      title: 'Någon annan har ändrat under tiden',
      intro: 'Inget har skrivits över och det du skrev finns kvar. Jämför versionerna och välj.',
      theirs: 'Sparad version',
      mine: 'Din version',
      keepMine: 'Spara min version',
      takeTheirs: 'Använd sparad version',
    },
    removeQuestion: (title) => `Ta bort ${title}? Det går inte att ångra.`,
    removeConfirm: 'Ta bort',
    archiveConfirm: 'Arkivera',
    removing: 'Tar bort …',
    removed: (title) => `Borttaget: ${title}.`,
    archived: (title) => `Arkiverad: ${title}. Det fanns rapporterat, så tidigare perioders rapporter visar det fortfarande.`,
    removeConflict: (title) => `Någon annan har ändrat ${title} under tiden, så inget togs bort. Planen har laddats om; ta bort igen om det behövs.`,
    moved: (title) => `Flyttad: ${title}.`,
    moveConflict: 'Någon annan har ändrat ordningen under tiden. Planen har laddats om; flytta igen om det behövs.',
    matrix: {
      title: 'Riskmatris',
      caption: 'Sannolikhet (rader, 4 överst) gånger konsekvens (kolumner); riskvärdet står i varje ruta.',
      probability: 'Sannolikhet',
      consequence: 'Konsekvens',
      value: (v) => `Riskvärde ${v}`,
      unrated: 'Risker utan sannolikhet och konsekvens',
    },
    status: {
      label: 'Planens status',
      draftNote: 'Planen är ett utkast. Den syns bara för planens controller och de som är namngivna i den, och ingen rapporterar på den förrän den är fastställd.',
      archivedNote: 'Planen är arkiverad och kan inte ändras.',
      adoptedBy: (name, when) => `Fastställd av ${name} ${when}`,
      archivedBy: (name, when) => `Arkiverad av ${name} ${when}`,
      adopt: 'Fastställ planen',
      archive: 'Arkivera planen',
      adoptQuestion: 'När planen är fastställd rapporterar de ansvariga på den i Att göra. Fastställ planen?',
      archiveQuestion: 'En arkiverad plan kan inte ändras, och påminnelser om den skickas inte längre. Arkivera planen?',
      confirmAdopt: 'Ja, fastställ',
      confirmArchive: 'Ja, arkivera',
      working: 'Sparar …',
      adopted: 'Planen är fastställd.',
      archivedNow: 'Planen är arkiverad.',
      conflict: 'Någon annan har ändrat planen under tiden. Planen har laddats om; försök igen om det behövs.',
      failed: (detail) => `Planens status ändrades inte: ${detail}`,
    },
    copy: {
      button: (year) => `Kopiera till ${year}`,
      question: (year) => `Ett utkast till ${year} skapas med samma mål och styrtal, de fleråriga uppdragen som inte är genomförda och risker med åtgärder som inte är klara (slutdatum ett år senare). Inga uppföljningar följer med. Kopiera?`,
      confirm: 'Ja, kopiera',
      working: 'Kopierar …',
      done: (title, goals, indicators, assignments, actions, left) =>
        `Utkastet ${title} är skapat: ${goals} mål, ${indicators} styrtal, ${assignments} uppdrag och ${actions} åtgärder följde med; ${left} stannade kvar. Välj det i planväljaren för att redigera det.`,
      failed: (detail) => `Planen kopierades inte: ${detail}`,
    },
    draftHidden: 'Planen är ett utkast. Den visas bara för planens controller och de som är namngivna i den.',
  },
  children: {
    nav: 'Underliggande',
    title: 'Underliggande organisationer',
    intro: (organisation, period) => `Hur organisationerna under ${organisation} har rapporterat för ${period}. Varje rad räknar organisationens egen plan och planerna under den.`,
    organisation: 'Organisation',
    manager: 'Chef',
    plans: 'Planer',
    reported: 'Rapporterade',
    assessed: 'Bedömda',
    ofTotal: (count, total) => `${count} av ${total}`,
    noPlan: 'Ingen plan för året',
    noPeriod: 'Planen har inte perioden',
    ownPlan: 'Egen plan',
    showChildren: (name, count) => `Visa ${count} under ${name}`,
    hideChildren: (name) => `Dölj organisationerna under ${name}`,
    byState: 'Uppföljningsläge',
    perGoal: 'Per mål: de underliggandes bedömningar',
    perGoalIntro: 'Målen som de underliggande planernas mål bidrar till, med deras bedömningar och ett förslag.',
    suggestion: (label) => `Förslag: ${label}`,
    noSuggestion: 'Inget förslag: ingen bedömning ännu',
    notReported: 'Inte rapporterad',
    assessment: 'Bedömning',
    comment: 'Kommentar',
    empty: 'Inga organisationer ligger under den här.',
    refresh: 'Uppdatera',
    keepTitle: 'Organisationsträdet',
    keepOpen: 'Ändra organisationsträdet',
    keepClose: 'Stäng',
    keepSaved: (name) => `Sparat: ${name}.`,
    keepConflict: (name) => `${name} har ändrats av någon annan sedan du öppnade vyn. Ingenting sparades; uppdatera och försök igen.`,
    keepFailed: (detail) => `Ändringen kunde inte sparas: ${detail}`,
    addTitle: 'Lägg till en organisation',
    addUnder: 'Under',
    code: 'Kod',
    name: 'Namn',
    kind: 'Typ',
    kindUnknown: 'Ej angiven',
    addSubmit: 'Lägg till',
    renameTitle: 'Byt namn',
    renameWhich: 'Organisation',
    newName: 'Nytt namn',
    renameSubmit: 'Byt namn',
    moveTitle: 'Flytta en organisation',
    moveWhich: 'Flytta',
    moveUnder: 'Till under',
    moveSubmit: 'Flytta',
    choose: 'Välj…',
    failed: (detail) => `Organisationsträdet kunde inte laddas: ${detail}`,
  },
  region: {
    nav: 'Regionen',
    title: 'Regionfullmäktiges mål och uppdrag',
    intro: (plan, period) => `${plan}, ${period}: varje nämnds bedömning och kommentar sida vid sida.`,
    noPlan: (year) => `Regionfullmäktiges plan för ${year} finns inte i Målkoll.`,
    goal: 'Målsättning',
    indicator: 'Styrtal',
    assignment: 'Uppdrag',
    board: 'Nämnd',
    assessment: 'Bedömning',
    outcome: 'Utfall',
    comment: 'Kommentar',
    reportedBy: 'Rapporterad av',
    notReported: 'Inte rapporterad',
    noParts: 'Ingen nämnd har fått den ännu.',
    rolledUp: (value, method) => `Regionen: ${value} (${method.toLowerCase()} av nämndernas utfall)`,
    counts: 'Regionens sammanställning',
    countsGoals: 'Målsättningar',
    countsAssignments: 'Uppdrag',
    allBoards: 'Alla nämnder',
    total: 'Antal',
    parts: (count) => (count === 1 ? '1 nämnd' : `${count} nämnder`),
  },
  errors: { loadFailed: (detail) => `Planen kunde inte laddas: ${detail}`, retry: 'Försök igen' },
};

export const EN: Strings = {
  appName: 'Målkoll',
  loading: 'Loading …',
  nav: { todo: 'To do', plan: 'Plan', internalControl: 'Internal control', overdue: 'Overdue actions', activity: 'Activity', round: 'Reporting status' },
  pickUser: {
    title: 'Choose a person (local run)',
    intro: 'Målkoll runs outside Teams against the local emulator. Choose who you want to be.',
    label: 'Person',
    choose: 'Continue',
    signedInAs: (name) => `Signed in as ${name}`,
    switchUser: 'Switch person',
  },
  config: {
    refusedTitle: 'Målkoll cannot start',
    refusedIntro: 'The configuration (config.json) is incomplete. The app does not run without sign-in. Ask whoever deploys Målkoll to fix:',
    notInTeams: 'Målkoll is configured for a Microsoft 365 tenant but was opened outside Teams. Open the app in Teams.',
  },
  planPicker: { plan: 'Plan', period: 'Period' },
  todo: {
    title: 'To do',
    search: 'Search',
    filterNotDone: 'Show only what is not done',
    item: 'To report',
    state: 'State',
    left: (count, total) => (count === 0 ? `All done (${total} of ${total})` : `${count} of ${total} not done yet`),
    empty: 'You have nothing to report this period.',
    noMatch: 'No matches.',
    showMore: (next, left) => `Show ${next} more (${left} left)`,
    changed: 'Changed since',
    kind: { goal: 'Goal', indicator: 'Indicator', assignment: 'Assignment', action: 'Action' },
    deadline: (date, daysLeft) =>
      daysLeft > 1
        ? `Due ${date}, in ${daysLeft} days`
        : daysLeft === 1
          ? `Due ${date}, tomorrow`
          : daysLeft === 0
            ? `Due today, ${date}`
            : daysLeft === -1
              ? `Due ${date}, passed yesterday`
              : `Due ${date}, passed ${-daysLeft} days ago`,
    late: 'Late',
  },
  plan: {
    title: 'Plan',
    outcome: 'Outcome',
    target: "This year's target",
    longTermTarget: 'Long-term target',
    assessment: 'Assessment',
    trend: 'Trend',
    indicators: 'Indicators',
    assignments: 'Assignments',
    open: (title) => `Open ${title}`,
    suggestion: 'suggested',
    showMore: (next, left) => `Show ${next} more goals (${left} left)`,
    prognosis: 'Forecast for the year',
  },
  internalControl: {
    title: 'Internal control',
    area: 'Area',
    risk: 'Risk',
    riskValue: 'Risk value',
    probabilityTimesConsequence: (p, c, v) => `${p} × ${c} = ${v}`,
    action: 'Action',
    status: 'Status',
    due: 'Due date',
    overdue: 'Overdue',
    empty: 'The plan has no internal-control plan.',
  },
  overdue: {
    title: 'Overdue actions',
    intro: 'Actions past their due date and not finished: those of the people reporting to you and of the plans you are responsible for.',
    asOf: (date) => `As of ${date}`,
    owner: 'Owner',
    plan: 'Plan',
    days: (n) => `${n} ${n === 1 ? 'day' : 'days'} overdue`,
    empty: 'No overdue actions.',
    why: { report: 'Your report', responsible: 'Your plan', own: 'Your own' },
    count: (shown, total) => (shown === total ? `${total} overdue actions` : `${shown} of ${total} overdue actions`),
    person: 'Owner',
    everyone: 'Everyone',
    sort: 'Sort',
    sortDays: 'Most overdue first',
    sortPerson: 'Owner',
    sortPlan: 'Plan',
    allPlans: 'All plans',
  },
  editor: {
    title: (title) => `Report: ${title}`,
    outcome: 'Outcome',
    outcomeHint: (unit) => (unit ? `A number in ${unit}, e.g. 1 545 or 5,8` : 'A number, e.g. 1 545 or 5,8'),
    reference: 'Reference value',
    referenceHint: (target) => `The value the target counts from (${target}), e.g. the national figure for the same period`,
    level: 'Outcome',
    assessment: 'Assessment',
    prognosis: 'Forecast for the year',
    trend: 'Trend',
    comment: 'Comment',
    status: 'Status',
    save: 'Save',
    saving: 'Saving …',
    close: 'Close',
    none: 'Not set',
    saved: 'Saved.',
    suggested: (label) => `Suggested by the rules: ${label}`,
    differsFromSuggestion: (label) => `Your assessment differs from the suggestion (${label}). Consider explaining why in the comment.`,
    previous: (period) => `Previous (${period})`,
    previousNone: (period) => `Nothing was reported for ${period}.`,
    locked: (period) => `The period is locked (${period}). You can read but not change it.`,
    confirmTitle: 'Check the value',
    confirmSave: 'Save anyway',
    target: (text) => `Target: ${text}`,
    restoredDraft: 'Unsaved text from last time has been restored.',
    fixErrors: 'Nothing was saved. Fix what is marked and save again.',
    history: 'History',
    saveAndNext: 'Save and next',
    context: { title: 'Context', indicators: "The goal's indicators", risk: 'Risk', due: (date) => `Due ${date}`, late: (days) => `${days} ${days === 1 ? 'day' : 'days'} overdue`, notYetDue: 'Not overdue', noOutcome: 'no outcome' },
    historyEmpty: 'No earlier version.',
    historyLoad: 'Show history',
    errors: {
      network: 'Nothing was saved: the network does not answer. Your text is kept; try again.',
      throttled: 'Nothing was saved: the service is busy. Your text is kept; try again shortly.',
      unknown: (detail) => `Nothing was saved: ${detail} Your text is kept.`,
    },
    conflict: {
      title: 'Someone else saved meanwhile',
      intro: 'Nothing of yours was overwritten. Compare the versions and choose.',
      theirs: 'Saved version',
      mine: 'Your version',
      keepMine: 'Save my version',
      takeTheirs: 'Use the saved version',
      merge: 'Merge the comments',
      mergedNote: 'The comments have been merged. Review and save.',
      savedBy: (name, when) => `Saved by ${name} ${when}`,
    },
  },
  activity: {
    title: 'Activity',
    placeholder: 'Notifications about overdue actions appear here.',
    intro: 'The notifications Teams would have shown (local run).',
    everyone: "Show everyone's",
    refresh: 'Refresh',
    list: 'Notifications',
    empty: 'No notifications yet.',
    emptyHint: 'malkoll notify sends them.',
    to: (recipient) => `To ${recipient}`,
    openItem: { goal: 'Open the goal', indicator: 'Open the indicator', assignment: 'Open the assignment', action: 'Open the action' },
    openTodo: 'Open To do',
    openOverdue: 'Open Overdue actions',
    notDelivered: (note) => `Teams does not show it: ${note}`,
    newItems: (count) => (count === 0 ? 'No new notifications.' : count === 1 ? '1 new notification.' : `${count} new notifications.`),
    loadFailed: (detail) => `The notifications could not be loaded: ${detail}`,
  },
  channelConfig: { title: 'Målkoll in the channel', intro: "Choose which organisation's plan the tab shows.", plan: 'Plan' },
  delegates: {
    title: 'Delegates',
    intro: 'A delegate may report on what you are responsible for, for instance while you are away. What you and they save shows who saved it.',
    none: 'You have no delegates.',
    remove: (name) => `Remove ${name}`,
    search: 'Search for a person to add',
    add: (name) => `Add ${name}`,
    searching: 'Searching …',
    noMatch: 'No one in the directory starts like that.',
    forOthers: (names) => `You are a delegate for ${names}.`,
    failed: (detail) => `The delegates could not be changed: ${detail}`,
  },
  round: {
    title: 'Reporting status',
    deadline: (date) => `Deadline ${date}.`,
    open: 'The period is open for reporting.',
    locked: (when, who) => `The period is locked${when ? ` ${when}` : ''}${who ? ` by ${who}` : ''}.`,
    total: 'Total',
    summary: (unfinished, total) => `${unfinished} of ${total} items are not done`,
    filter: 'Show',
    filterAll: 'All',
    filterOpen: 'Not done',
    search: 'Search',
    byState: 'By state',
    byOwner: 'By owner',
    byGoal: 'By goal',
    items: 'Items',
    owner: 'Owner',
    goal: 'Goal',
    item: 'Item',
    state: 'State',
    noOwner: 'No owner',
    returnComment: 'Sent back with the comment',
    empty: 'The plan has nothing to report in this period.',
    noMatch: 'No matches.',
    showMore: (next, left) => `Show ${next} more (${left} left)`,
    remindTitle: 'Remind now',
    remindIntro: 'Choose who gets a Teams reminder of what is not done. Each person gets at most one reminder a day.',
    remindPerson: (name, unfinished) => `${name} (${unfinished} not done)`,
    remindSend: (chosen) => (chosen === 0 ? 'Remind now' : `Remind now (${chosen})`),
    remindSending: 'Sending reminders…',
    remindResult: (sent, earlier, unreached) =>
      [`Reminder sent to ${sent} ${sent === 1 ? 'person' : 'people'}.`, ...(earlier > 0 ? [`${earlier} had one today already.`] : []), ...(unreached.length > 0 ? [`Could not reach ${unreached.join(', ')}.`] : [])].join(' '),
    remindFailed: (message) => `The reminders were not sent: ${message}`,
  },
  roundEditor: {
    state: 'State',
    by: {
      draft: (name, when) => `Saved by ${name} ${when}`,
      done: (name, when) => `Marked done by ${name} ${when}`,
      approved: (name, when) => `Approved by ${name} ${when}`,
      returned: (name, when) => `Sent back by ${name} ${when}`,
    },
    returnedBy: (name, when) => `Sent back by ${name} ${when}`,
    returnComment: 'Sent back with the comment',
    readOnlyDone: 'The report is marked done and cannot be changed. Reopen it if something needs changing.',
    readOnlyApproved: "The report is approved and only the plan's controller can change it.",
    steps: "The report's state",
    markDone: 'Mark as done',
    saveAndMarkDone: 'Save and mark done',
    reopen: 'Reopen',
    sendBack: 'Send back',
    approve: 'Approve',
    sendBackComment: 'What needs changing?',
    sendBackHint: 'The reporter gets the comment as a Teams notification.',
    sendBackConfirm: 'Send back with the comment',
    commentRequired: 'Write a comment saying what needs changing.',
    cancel: 'Cancel',
    working: 'Sending …',
    stepDone: { 'mark-done': 'Marked as done.', reopen: 'Reopened. You can change it and save.', 'send-back': 'Sent back to the reporter.', approve: 'Approved.' },
    conflictTitle: 'Someone else changed it meanwhile',
    conflictIntro: 'The step was not taken and nothing you typed is lost. The saved version is shown now; take the step again if it is still needed.',
    failed: (detail) => `The step was not taken: ${detail}`,
  },
  periodLock: {
    lock: 'Lock the period',
    unlock: 'Unlock',
    lockedBy: (name, date) => `Locked${name ? ` by ${name}` : ''}${date ? ` ${date}` : ''}`,
    notApproved: (count) => `The period was not locked: ${count === 1 ? '1 item is not approved' : `${count} items are not approved`}.`,
    more: (count) => `and ${count} more`,
    force: 'Lock anyway',
    cancel: 'Cancel',
    working: 'Saving …',
    conflict: 'Someone else changed the period at the same time. Nothing changed; try again.',
    failed: (detail) => `Nothing changed: ${detail}`,
  },
  planEditor: {
    nav: 'Edit plan',
    title: (plan) => `Edit plan: ${plan}`,
    intro: "Create, change, order and remove the plan's goals, indicators, assignments, risks, actions and activities here. Each change is checked and saved at once.",
    noWriteApi: "Målkoll's service for changes is not configured, so the plan cannot be changed here.",
    goals: 'Goals',
    internalControl: 'Internal control',
    emptyGoals: 'The plan has no goals yet.',
    emptyRisks: 'The plan has no risks yet.',
    kind: { goal: 'Goal', indicator: 'Indicator', assignment: 'Assignment', risk: 'Risk', action: 'Action', activity: 'Activity' },
    under: { indicator: 'Indicators', assignment: 'Assignments', activity: 'Activities', action: 'Actions' },
    add: { goal: 'Add goal', indicator: 'Add indicator', assignment: 'Add assignment', risk: 'Add risk', action: 'Add action', activity: 'Add activity' },
    newTitle: { goal: 'New goal', indicator: 'New indicator', assignment: 'New assignment', risk: 'New risk', action: 'New action', activity: 'New activity' },
    editTitle: (kind, title) => `Edit ${kind.toLowerCase()}: ${title}`,
    underParent: (parent) => `Under ${parent}`,
    edit: 'Edit',
    moveUp: 'Move up',
    moveDown: 'Move down',
    remove: 'Remove',
    itemAction: (action, title) => `${action}: ${title}`,
    ownerLine: (name) => `Responsible: ${name}`,
    dueLine: (date) => `Due ${date}`,
    multiYearLine: 'Multi-year',
    targetLine: (target) => `Target: ${target}`,
    riskValueLine: (p, c, v) => `Risk value ${p} × ${c} = ${v}`,
    fields: {
      title: 'Title',
      goalKind: 'Kind of goal',
      number: 'Number',
      perspective: 'Perspective',
      origin: 'Decided by',
      description: 'Description',
      owner: 'Responsible',
      valueType: 'Value type',
      unit: 'Unit',
      unitHint: 'For example %, st, dagar or mnkr',
      direction: 'Direction',
      targetKind: 'Kind of target',
      noTarget: 'No target',
      target: 'Target',
      rangeMin: 'From',
      rangeMax: 'To',
      rankPlace: 'Place',
      rankOf: 'Out of',
      referenceOffset: 'Difference from the reference',
      referenceOffsetHint: 'Riket + 1 % is 1; riket − 2 is -2. The reference is reported beside the outcome.',
      referenceEstimate: 'Estimated target (optional)',
      previousYearHint: "Last year's outcome is the target; the direction says whether it should rise or fall.",
      targetText: 'Target in words (optional)',
      targetTextHint: 'Shown instead of the computed one, for example "At least 90 % by 2027"',
      targetPreview: (text) => `Shown as: ${text}`,
      longTermTarget: 'Long-term target',
      longTermTargetText: 'Long-term target in words (optional)',
      baseline: 'Baseline',
      source: 'Source',
      dueDate: 'Due date',
      multiYear: 'Multi-year assignment',
      area: 'Area',
      regionWide: 'Region-wide',
      probability: 'Probability',
      consequence: 'Consequence',
      notGraded: 'Not graded',
      riskValue: 'Risk value',
      riskValueNone: 'Give probability and consequence for the risk value.',
    },
    valueTypes: { numeric: 'Number', qualitative: 'Qualitative (fully, partly, not at all)' },
    targetKinds: {
      'at-least': 'At least N',
      'at-most': 'At most N',
      'more-than': 'More than N',
      'less-than': 'Less than N',
      range: 'Range N–M',
      rank: 'Place N of M (lower is better)',
      'previous-year': 'Against the previous year',
      reference: 'Against a reference (national + N)',
    },
    owner: {
      search: 'Search for the responsible person',
      searchHint: 'Type the start of the name, at least two letters',
      none: 'No one responsible',
      searching: 'Searching …',
      found: (count) => (count === 1 ? '1 match' : `${count} matches`),
      noMatch: 'No match.',
      failed: (detail) => `The search failed: ${detail}`,
    },
    save: 'Save',
    saving: 'Saving …',
    cancel: 'Cancel',
    saved: (title) => `Saved: ${title}.`,
    fixErrors: 'Nothing was saved. Correct what is marked and save again.',
    failed: (detail) => `Nothing was saved: ${detail}`,
    conflict: {
      title: 'Someone else has changed it meanwhile',
      intro: 'Nothing was overwritten and what you typed is still here. Compare the versions and choose.',
      theirs: 'Saved version',
      mine: 'Your version',
      keepMine: 'Save my version',
      takeTheirs: 'Use the saved version',
    },
    removeQuestion: (title) => `Remove ${title}? This cannot be undone.`,
    removeConfirm: 'Remove',
    archiveConfirm: 'Archive',
    removing: 'Removing …',
    removed: (title) => `Removed: ${title}.`,
    archived: (title) => `Archived: ${title}. It had been reported on, so earlier periods' reports still show it.`,
    removeConflict: (title) => `Someone else changed ${title} meanwhile, so nothing was removed. The plan has been reloaded; remove it again if needed.`,
    moved: (title) => `Moved: ${title}.`,
    moveConflict: 'Someone else changed the order meanwhile. The plan has been reloaded; move it again if needed.',
    matrix: {
      title: 'Risk matrix',
      caption: 'Probability (rows, 4 at the top) times consequence (columns); each cell shows its risk value.',
      probability: 'Probability',
      consequence: 'Consequence',
      value: (v) => `Risk value ${v}`,
      unrated: 'Risks without probability and consequence',
    },
    status: {
      label: "The plan's status",
      draftNote: "The plan is a draft. Only the plan's controllers and the people it names see it, and no one reports on it until it is adopted.",
      archivedNote: 'The plan is archived and cannot be changed.',
      adoptedBy: (name, when) => `Adopted by ${name} ${when}`,
      archivedBy: (name, when) => `Archived by ${name} ${when}`,
      adopt: 'Adopt the plan',
      archive: 'Archive the plan',
      adoptQuestion: 'Once the plan is adopted, the people responsible report on it in To do. Adopt the plan?',
      archiveQuestion: 'An archived plan cannot be changed, and no more reminders are sent about it. Archive the plan?',
      confirmAdopt: 'Yes, adopt',
      confirmArchive: 'Yes, archive',
      working: 'Saving …',
      adopted: 'The plan is adopted.',
      archivedNow: 'The plan is archived.',
      conflict: 'Someone else changed the plan meanwhile. The plan has been reloaded; try again if needed.',
      failed: (detail) => `The plan's status did not change: ${detail}`,
    },
    copy: {
      button: (year) => `Copy to ${year}`,
      question: (year) => `A draft for ${year} is made with the same goals and indicators, the multi-year assignments not carried out, and risks with actions not done (due a year later). No follow-ups are copied. Copy?`,
      confirm: 'Yes, copy',
      working: 'Copying …',
      done: (title, goals, indicators, assignments, actions, left) =>
        `The draft ${title} is made: ${goals} goals, ${indicators} indicators, ${assignments} assignments and ${actions} actions went along; ${left} stayed behind. Choose it in the plan picker to edit it.`,
      failed: (detail) => `The plan was not copied: ${detail}`,
    },
    draftHidden: "The plan is a draft. Only the plan's controllers and the people it names see it.",
  },
  children: {
    nav: 'Below',
    title: 'Organisations below',
    intro: (organisation, period) => `How the organisations below ${organisation} have reported for ${period}. Each row counts the organisation's own plan and the plans below it.`,
    organisation: 'Organisation',
    manager: 'Manager',
    plans: 'Plans',
    reported: 'Reported',
    assessed: 'Assessed',
    ofTotal: (count, total) => `${count} of ${total}`,
    noPlan: 'No plan this year',
    noPeriod: 'The plan does not have the period',
    ownPlan: 'Own plan',
    showChildren: (name, count) => `Show ${count} below ${name}`,
    hideChildren: (name) => `Hide the organisations below ${name}`,
    byState: 'Reporting status',
    perGoal: "Per goal: the assessments below",
    perGoalIntro: "The goals the plans below contribute to, with their assessments and a suggestion.",
    suggestion: (label) => `Suggestion: ${label}`,
    noSuggestion: 'No suggestion: nothing assessed yet',
    notReported: 'Not reported',
    assessment: 'Assessment',
    comment: 'Comment',
    empty: 'No organisations lie below this one.',
    refresh: 'Refresh',
    keepTitle: 'The organisation tree',
    keepOpen: 'Change the organisation tree',
    keepClose: 'Close',
    keepSaved: (name) => `Saved: ${name}.`,
    keepConflict: (name) => `${name} was changed by someone else since you opened the view. Nothing was saved; refresh and try again.`,
    keepFailed: (detail) => `The change could not be saved: ${detail}`,
    addTitle: 'Add an organisation',
    addUnder: 'Below',
    code: 'Code',
    name: 'Name',
    kind: 'Kind',
    kindUnknown: 'Not given',
    addSubmit: 'Add',
    renameTitle: 'Rename',
    renameWhich: 'Organisation',
    newName: 'New name',
    renameSubmit: 'Rename',
    moveTitle: 'Move an organisation',
    moveWhich: 'Move',
    moveUnder: 'To below',
    moveSubmit: 'Move',
    choose: 'Choose…',
    failed: (detail) => `The organisation tree could not be loaded: ${detail}`,
  },
  region: {
    nav: 'Region',
    title: "The regional council's goals and assignments",
    intro: (plan, period) => `${plan}, ${period}: every board's assessment and comment side by side.`,
    noPlan: (year) => `The regional council's plan for ${year} is not in Målkoll.`,
    goal: 'Objective',
    indicator: 'Indicator',
    assignment: 'Assignment',
    board: 'Board',
    assessment: 'Assessment',
    outcome: 'Outcome',
    comment: 'Comment',
    reportedBy: 'Reported by',
    notReported: 'Not reported',
    noParts: 'No board has been given it yet.',
    rolledUp: (value, method) => `Region: ${value} (${method.toLowerCase()} of the boards' outcomes)`,
    counts: "The region's summary",
    countsGoals: 'Objectives',
    countsAssignments: 'Assignments',
    allBoards: 'All boards',
    total: 'Count',
    parts: (count) => (count === 1 ? '1 board' : `${count} boards`),
  },
  errors: { loadFailed: (detail) => `The plan could not be loaded: ${detail}`, retry: 'Try again' },
};

/** Swedish unless the host's locale is an English one ("en-us", "en-GB"). */
export function languageOf(locale: string | undefined | null): UiLanguage {
  return locale && /^en\b/i.test(locale) ? 'en' : 'sv';
}

export function stringsFor(language: UiLanguage): Strings {
  return language === 'en' ? EN : SV;
}
