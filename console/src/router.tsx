import { AnchorHTMLAttributes, MouseEvent, useEffect, useState } from 'react';

/** The console's routes live under /console/; the server answers every one of them with the page. */
export const BASE = '/console';

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((listener) => listener()));

export function navigate(to: string): void {
  window.history.pushState(null, '', BASE + to);
  listeners.forEach((listener) => listener());
}

/** The path below /console, and the query. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({
    path: window.location.pathname.slice(BASE.length).replace(/\/$/, '') || '/',
    query: new URLSearchParams(window.location.search),
  });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const listener = () => setLocation(read());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return location;
}

/** A link within the console: a real `<a href>` (opens in a new tab too), routed without a reload. */
export function Link({ to, ...props }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={BASE + to} onClick={follow} {...props} />;
}
