import { createContext, type MouseEvent, type ReactNode, useContext, useEffect, useState } from 'react';

/**
 * A few routes need no router library: the path, `navigate`, and links that change it without
 * a page load. Each entry declares its screens' paths (the professionals' in app/App.tsx).
 */
const PathContext = createContext<{ path: string; navigate: (to: string) => void }>({ path: '/', navigate: () => {} });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => location.pathname + location.search);
  useEffect(() => {
    const onPop = () => setPath(location.pathname + location.search);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string) => {
    history.pushState(null, '', to);
    setPath(to);
    scrollTo(0, 0);
  };
  return <PathContext.Provider value={{ path, navigate }}>{children}</PathContext.Provider>;
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
