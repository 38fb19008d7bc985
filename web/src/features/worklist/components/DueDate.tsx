import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';

export function DueDate({ task }: { task: Schemas['Task'] }) {
  return (
    <>
      {t.date(task.dueDate)}
      {task.overdue && <span className="wt-overdue"> ({t.worklist.overdue})</span>}
    </>
  );
}
