import { createContext, type MouseEvent, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

/**
 * A few routes need no router library: the path, `navigate`, and links that change it without
 * a page load. Each entry declares its screens' paths (the professionals' in app/App.tsx).
 */
interface Router {
  path: string;
  /** To another screen; `replace` when the current entry should not stay in the history (back from the sign-in). */
  navigate: (to: string, options?: { replace?: boolean }) => void;
  /** How many times the path changed within the page (0 on its load): a screen reached by navigation gets the focus at its heading. */
  changes: number;
}
const PathContext = createContext<Router>({ path: '/', navigate: () => {}, changes: 0 });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => location.pathname + location.search);
  const changes = useRef(0);
  useEffect(() => {
    const onPop = () => {
      changes.current++;
      setPath(location.pathname + location.search);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    changes.current++;
    setPath(to);
    scrollTo(0, 0);
  };
  return <PathContext.Provider value={{ path, navigate, changes: changes.current }}>{children}</PathContext.Provider>;
}

/**
 * After a navigation within the page, the focus goes to the new screen's heading (its `h1`,
 * once the screen has loaded what it shows), so a screen reader announces where one is and Tab
 * goes on from there; unless the link names a place on the screen (`#actie-…`, which
 * useFocusOnHash focuses). And the tab's title names the screen: its heading and the app's name.
 */
export function useScreenHeading(container: HTMLElement | null, appName: string) {
  const { changes } = useRouter();
  useEffect(() => {
    if (!container) return;
    let focused = changes === 0 || location.hash.length > 1;
    const follow = () => {
      const heading = container.querySelector('h1');
      const title = heading?.textContent?.trim();
      document.title = title ? `${title} · ${appName}` : appName;
      if (!heading || focused) return;
      focused = true;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    };
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [container, changes, appName]);
}

export const useRouter = () => useContext(PathContext);

/** The parameters of `pattern` (`/intakes/:id/triage`) in the current path, or undefined when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const [pathname = ''] = path.split(/[?#]/);
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  const found = regex.exec(pathname);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
}

/** The query of the current path (`?overdue=true`), as the screen reads its filters. */
export function useQuery(): URLSearchParams {
  const { path } = useRouter();
  return new URLSearchParams(/\?([^#]*)/.exec(path)?.[1] ?? '');
}

/** A link within the client: an anchor (keyboard, new tab, screen readers) that navigates without a page load. */
export function useLinkHandler(to: string) {
  const { navigate } = useRouter();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
}
