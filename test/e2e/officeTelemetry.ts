/**
 * Office.js, loaded outside an Office host (a plain browser, or under the workbook stand-in), fetches
 * o15apptofilemappingtable.js from its own folder; that script's logger (OSF.Logger's ULSEndpointProxy) appends a
 * hidden iframe to https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html three
 * seconds later. Excel on the web does not load that script (its host script has no such logger).
 *
 * The test aborts every request that leaves loopback and fails if one was attempted; this one is Office.js's, not
 * the pane's, so it is switched off at its source (the proxy's loadProxyFrame) instead of being allow-listed: any
 * other outside request still fails the test. The page counts what it suppressed (window.__officeTelemetrySuppressed).
 *
 * Serialised into the page (page.addInitScript): it must not use anything from outside its body.
 */
export function suppressOfficeTelemetryFrame(officeBase: string): void {
  const w = window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame(): void } | null } }; __officeTelemetrySuppressed?: number };
  w.__officeTelemetrySuppressed = 0;
  document.addEventListener(
    'load',
    (event) => {
      const target = event.target as HTMLScriptElement | null;
      if (target?.tagName !== 'SCRIPT' || !new URL(target.src, location.href).pathname.startsWith(officeBase)) return;
      const uls = w.OSF?.Logger?.ulsEndpoint;
      if (uls) {
        uls.loadProxyFrame = () => {
          w.__officeTelemetrySuppressed = (w.__officeTelemetrySuppressed ?? 0) + 1;
        };
      }
    },
    true,
  );
}
