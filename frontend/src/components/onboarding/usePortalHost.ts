import { useLayoutEffect, useState } from 'react';

/**
 * A <div> of its own at the end of <body> to portal into, so the rest of <body> can be made inert
 * without reaching the portal. Attached in a layout effect: what is portalled into it is then in
 * the document, measurable and focusable, before the passive effects of the same commit run.
 */
export function usePortalHost(): HTMLDivElement {
  const [host] = useState(() => document.createElement('div'));
  useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => host.remove();
  }, [host]);
  return host;
}
