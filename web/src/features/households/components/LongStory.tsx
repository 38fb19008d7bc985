import { useState } from 'react';
import { Button, Paragraph } from '../../../components/nlds.tsx';
import { t } from '../../../lib/texts.ts';

/** A story longer than this shows its start, and the rest on request. */
export const STORY_START = 600;

/** Where a long story is cut: at the last space before `STORY_START`, so no word is broken. */
export function storyStart(text: string): string {
  if (text.length <= STORY_START) return text;
  const cut = text.lastIndexOf(' ', STORY_START);
  return `${text.slice(0, cut > STORY_START / 2 ? cut : STORY_START).trimEnd()}…`;
}

/** An intake's story: whole when short; a long one by its start with a toggle for the whole story (`aria-expanded`). */
export function LongStory({ id, text }: { id: string; text: string }) {
  const [whole, setWhole] = useState(false);
  if (text.length <= STORY_START) return <Paragraph className="wt-story">{text}</Paragraph>;
  return (
    <div className="wt-stack">
      <Paragraph id={id} className="wt-story">
        {whole ? text : storyStart(text)}
      </Paragraph>
      <div className="wt-actions">
        <Button appearance="subtle-button" aria-expanded={whole} aria-controls={id} onClick={() => setWhole(!whole)}>
          {t.dossier.storyMore}
        </Button>
      </div>
    </div>
  );
}
