/* eslint-disable @typescript-eslint/no-explicit-any -- Microsoft's client is untyped JavaScript here */
/**
 * Connects Microsoft's own Excel JavaScript client (`excel-web-16.00.js` from @microsoft/office-js,
 * loaded in a page or in Node before this runs) to simulated hosts. Its HTTP layer sends each
 * request to the host whose address the request carries, in-process; `Office.onReady`,
 * `Office.context.displayLanguage` and `Office.context.requirements.isSetSupported` are a small shim
 * answering from the host's profile, since there is no Office around the page to answer them.
 */
import { HostType, isSetSupported, type Platform, PlatformType } from "./office";

/** What a scope (a window, or Node's global object) holds once Microsoft's client is loaded in it. */
export interface ClientScope {
  Excel?: any;
  Office?: any;
  OfficeExtension?: any;
  OSF?: any;
}

/** What the connector needs of a host. */
export interface ConnectableHost {
  /** The host's address: requests to it carry it as their URL. */
  readonly url: string;
  /** One request: its body as the client gives it, the object it would send as JSON (or JSON text). */
  processQuery(body: unknown): string;
  readonly latencyMs: number;
  readonly profile: {
    readonly requirementSets: Record<string, string>;
    readonly displayLanguage: string;
    readonly contentLanguage: string;
    readonly platform: Platform;
  };
}

/**
 * Sets the client's internal feature switches always answer yes to, as Excel does: without them the
 * client changes the requests it builds (no chunked writes, polyfilled ranges, other flags).
 */
const CLIENT_FEATURES: Record<string, string> = {
  RichApiRuntime: "1.2",
  RichApiRuntimeFlag: "1.2",
  ExcelApiUndo: "1.16",
  DelayForCellEdit: "1.1",
};

/**
 * Hosts by the client they are connected to: keyed by the client's own HTTP layer, not by the scope,
 * since a reloaded frame keeps its window object but loads a new client.
 */
const hostsByClient = new WeakMap<object, Map<string, ConnectableHost>>();

export function hasClient(scope: ClientScope): boolean {
  return typeof scope.OfficeExtension?.HttpUtility?.setCustomSendRequestFunc === "function";
}

/** Routes the scope's client requests by URL to the hosts connected to it; idempotent. */
function routeRequests(scope: ClientScope): Map<string, ConnectableHost> {
  if (!hasClient(scope))
    throw new Error(
      "Microsoft's Excel client is not loaded here: load excel-web-16.00.js from @microsoft/office-js first."
    );
  const http = scope.OfficeExtension.HttpUtility;
  const known = hostsByClient.get(http);
  if (known) return known;
  const hosts = new Map<string, ConnectableHost>();
  hostsByClient.set(http, hosts);
  scope.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request: any) => {
    const host = [...hosts.values()].find((h) => String(request.url).startsWith(h.url));
    if (!host) return { statusCode: 404, headers: {}, body: "" };
    let body: unknown = request.body;
    if (host.latencyMs > 0) {
      // Sent now, as Excel receives it: what the add-in changes while the request travels is not.
      body = typeof body === "string" ? body : JSON.stringify(body);
      await new Promise((resolve) => setTimeout(resolve, host.latencyMs));
    }
    return { statusCode: 200, headers: {}, body: host.processQuery(body) };
  });
  return hosts;
}

/** The client's `Excel` namespace with `run` bound to this host (whatever host is installed). */
export function excelFor(scope: ClientScope, host: ConnectableHost): any {
  routeRequests(scope).set(host.url, host);
  const excel = Object.create(scope.Excel);
  // The address as a string: the client accepts only plain objects of its own realm (a pane's
  // iframe), and a string from any.
  excel.run = (...args: unknown[]) => scope.Excel.run(host.url, ...args);
  return excel;
}

/**
 * Makes `host` the one the scope's add-in code talks to: `Excel.run` without an address goes to
 * it, and Office answers from its profile. Returns a function that undoes this.
 */
export function installClient(scope: ClientScope, host: ConnectableHost): () => void {
  routeRequests(scope).set(host.url, host);
  const requestContext = scope.OfficeExtension.ClientRequestContext;
  const previous = {
    defaults: requestContext.defaultRequestUrlAndHeaders,
    factory: scope.OSF._OfficeAppFactory,
    onReady: scope.Office.onReady,
  };
  requestContext.defaultRequestUrlAndHeaders = host.url;
  const { requirementSets, platform } = host.profile;
  const sets = { ...CLIENT_FEATURES, ...requirementSets };
  const context = {
    host: "Excel",
    platform,
    // Asked anew each time: the host may be reopened in an Office of another language.
    get displayLanguage() {
      return host.profile.displayLanguage;
    },
    get contentLanguage() {
      return host.profile.contentLanguage;
    },
    diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
    requirements: {
      isSetSupported: (name: string, version?: string | number) =>
        isSetSupported(sets, name, version),
    },
  };
  scope.OSF._OfficeAppFactory = {
    getContext: () => context,
    getHostInfo: () => ({ isDialog: false, hostType: "excel", hostPlatform: "web" }),
  };
  // office.js (the CDN's loader) defines these; the Excel client alone does not.
  scope.Office.HostType ??= HostType;
  scope.Office.PlatformType ??= PlatformType;
  const info = { host: HostType.Excel, platform };
  scope.Office.onReady = (callback?: (i: typeof info) => void) =>
    new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0)
    );
  return () => {
    requestContext.defaultRequestUrlAndHeaders = previous.defaults;
    scope.OSF._OfficeAppFactory = previous.factory;
    scope.Office.onReady = previous.onReady;
  };
}
