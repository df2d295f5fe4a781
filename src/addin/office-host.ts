// The Excel host behind an interface: the task pane runs in Excel (office.js from Microsoft's CDN)
// and, for the local run and component tests, in a plain browser without it.
/// <reference types="office-js" />

export interface ExcelHost {
  /** False in a plain browser: no workbook to write to. */
  readonly inExcel: boolean;
  /** Conditional formats (status colours) need ExcelApi 1.6. */
  readonly supportsColours: boolean;
  /** The print setup (`worksheet.pageLayout`: header and footer, repeated titles, fit to width) needs ExcelApi 1.9. */
  readonly supportsPageLayout?: boolean;
  run<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export const NO_EXCEL: ExcelHost = {
  inExcel: false,
  supportsColours: false,
  run: () => Promise.reject(new Error('Excel finns inte här.')),
};

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/**
 * Waits for office.js. `Office.onReady` gives a host of null in a plain browser; when the CDN is
 * unreachable it never settles, so a timeout makes the pane usable without Excel.
 */
export async function detectExcelHost(timeoutMs = 4000): Promise<ExcelHost> {
  const office = officeGlobal();
  if (!office) return NO_EXCEL;
  const info = await Promise.race([office.onReady(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs))]);
  if (!info || info.host !== office.HostType.Excel || typeof Excel === 'undefined') return NO_EXCEL;
  return {
    inExcel: true,
    supportsColours: office.context.requirements.isSetSupported('ExcelApi', '1.6'),
    supportsPageLayout: office.context.requirements.isSetSupported('ExcelApi', '1.9'),
    run: (work) => Excel.run((context) => work(context)),
  };
}

/** The signed-in Office user's name, a login hint for NAA's silent sign-in, when the host knows it. */
export async function officeLoginHint(): Promise<string | undefined> {
  const office = officeGlobal();
  try {
    const context = await office?.auth.getAuthContext();
    return context?.userPrincipalName || undefined;
  } catch {
    return undefined;
  }
}
