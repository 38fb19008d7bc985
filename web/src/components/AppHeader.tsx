import { type ReactNode, useEffect, useState } from 'react';
import { matchPath, useRouter } from '../lib/router.tsx';
import { t } from '../lib/texts.ts';
import { Button, Heading } from './nlds.tsx';
import { ScreenLink } from './ui.tsx';

export interface AppHeaderItem {
  to: string;
  /** The link's words; may hold more than text (the unread badge). */
  label: ReactNode;
}

/**
 * The header of both clients, the professionals' and the resident's: the skip link, a bar with
 * the heading and the menu button, and the menu with the screens, the person and signing out.
 * On a phone the menu folds behind the button (app.css), so a screen starts near the top;
 * choosing a screen closes it.
 */
export function AppHeader(props: {
  heading: ReactNode;
  navLabel: string;
  items: AppHeaderItem[];
  /** The path the current screen is matched against. */
  here: string;
  person: ReactNode;
  signOutLabel: string;
  onSignOut: () => void;
}) {
  const { path } = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is what closes it
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <>
      <a className="wt-skip" href="#inhoud">
        {t.skipToContent}
      </a>
      <header className="wt-header">
        <div className="wt-header__bar">
          <Heading level={2} appearance={4}>
            {props.heading}
          </Heading>
          <Button
            className="wt-menu-button"
            appearance="secondary-action-button"
            aria-expanded={menuOpen}
            aria-controls="hoofdmenu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t.nav.menu}
          </Button>
        </div>
        <div id="hoofdmenu" className={menuOpen ? 'wt-menu wt-menu--open' : 'wt-menu'}>
          <nav className="wt-nav" aria-label={props.navLabel}>
            <ul>
              {props.items.map((item) => (
                <li key={item.to}>
                  <ScreenLink to={item.to} current={matchPath(item.to, props.here) !== undefined}>
                    {item.label}
                  </ScreenLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="wt-actions">
            {props.person}
            <Button appearance="secondary-action-button" onClick={props.onSignOut}>
              {props.signOutLabel}
            </Button>
          </div>
        </div>
      </header>
    </>
  );
}
