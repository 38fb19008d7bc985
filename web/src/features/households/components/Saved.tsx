import { useEffect, useRef } from 'react';
import { Alert, Paragraph } from '../../../components/nlds.tsx';
import type { Notice } from './corrections.ts';

/** What a correction saved, where its form was: it takes the focus, so the keyboard and a screen reader go on from there. */
export function Saved({ id, notice }: { id: string; notice: Notice | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) box.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div id={id} ref={box} tabIndex={-1}>
      <Alert type="ok">
        <Paragraph>{notice.text}</Paragraph>
      </Alert>
    </div>
  );
}
