// A believable three weeks of use, in the stored document's own shape (schema 2), for
// screenshots and tests that need history: morning and evening ratings falling from about
// 7 to 3, night pain fading after the first week, and the seed routine done on most days.
import { storedDocument } from './seed';

const DAY_MS = 86_400_000;
const OFFSET_MINUTES = 60;

export function demoDocument(now: Date, days = 21) {
  const entries: object[] = [];
  const sessions: object[] = [];
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let day = days - 1; day >= 0; day--) {
    const dayStart = todayStart - day * DAY_MS;
    const progress = (days - 1 - day) / (days - 1);
    const morning = Math.round(7 - 4 * progress + (day % 3 === 0 ? 1 : 0));
    const evening = Math.max(0, morning - 1);
    const stretched = day !== 0 && day % 7 !== 3;
    const sessionId = `demo-session-${day}`;
    entries.push({
      id: `demo-am-${day}`,
      at: { utc_ms: dayStart + 7 * 3_600_000, offset_minutes: OFFSET_MINUTES },
      pain: morning,
      woke_at_night: progress < 0.3,
      areas: ['low_back', 'leg_right'],
      note: day === days - 1 ? 'Stiff in the morning, sharp when bending.' : '',
      context: { kind: 'daily_check_in' },
      updated_ms: dayStart,
    });
    if (stretched) {
      const started = dayStart + 18 * 3_600_000;
      sessions.push({
        id: sessionId,
        routine_id: 'strap-hamstring',
        routine_name: 'Strap hamstring stretch — 3:00 per leg',
        variant_id: 'knee-bent',
        started: { utc_ms: started, offset_minutes: OFFSET_MINUTES },
        ended: { utc_ms: started + 445_000, offset_minutes: OFFSET_MINUTES },
        completed: true,
        held: [
          { step_index: 1, step_name: 'Strap hamstring hold', side: 'right', seconds: 180 },
          { step_index: 1, step_name: 'Strap hamstring hold', side: 'left', seconds: 180 },
        ],
        updated_ms: started,
      });
      entries.push({
        id: `demo-pm-${day}`,
        at: { utc_ms: started + 450_000, offset_minutes: OFFSET_MINUTES },
        pain: evening,
        areas: ['low_back'],
        note: '',
        context: { kind: 'after_session', session_id: sessionId },
        updated_ms: started,
      });
    }
  }
  return storedDocument(entries, sessions);
}
