import { Choice } from '../../../components/nlds.tsx';
import { inputChecked } from '../../../components/ui.tsx';
import { useQuery, useRouter } from '../../../lib/router.tsx';
import { t } from '../../../lib/texts.ts';

/** Whether the screen shows only what is overdue: `?overdue=true` in its address, so it can be bookmarked and shared. */
export function useOnlyOverdue(): boolean {
  return useQuery().get('overdue') === 'true';
}

/** "Alleen te laat": the screen's own address with or without `?overdue=true`. */
export function OverdueFilter({ path }: { path: string }) {
  const { navigate } = useRouter();
  const only = useOnlyOverdue();
  return (
    <Choice
      type="checkbox"
      id="veld-overdue"
      label={t.worklist.onlyOverdue}
      checked={only}
      onChange={(e) => navigate(inputChecked(e) ? `${path}?overdue=true` : path)}
    />
  );
}
