// SharePoint's traffic decoration: `ISV|CompanyName|AppName/Version` for software a vendor ships
// to many tenants (`NONISV|…` is for an organisation's own application). Decorated traffic is
// prioritised when SharePoint throttles. Only Node callers can send it: a browser keeps its own
// User-Agent, so the tab and the add-in go undecorated (their app id still identifies them).

/** Målkoll's version as package.json states it (a test holds the two together). */
export const MALKOLL_VERSION = '0.1.0';

/** The surfaces that send from Node: the notify job (Azure Functions) and the command line. */
export type NodeSurface = 'notify' | 'cli' | 'api';

/** e.g. `ISV|Malkoll|Malkoll/0.1.0 (notify)`: the documented form, the surface as an RFC 9110 comment. */
export function malkollUserAgent(surface: NodeSurface): string {
  return `ISV|Malkoll|Malkoll/${MALKOLL_VERSION} (${surface})`;
}
