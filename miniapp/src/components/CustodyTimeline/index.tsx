import { Text, View } from '@tarojs/components';
import { CUSTODY_STEP_LABELS, CUSTODY_STEP_ORDER, type CustodyEventView } from '@gezhi/shared';
import { formatDateTime } from '../../utils/format';
import '../Timeline/index.scss';

/**
 * 代办 chain of custody: the three steps in order (已收取材料 → 已递交办理 → 已归还材料), each recorded one with who,
 * when, which documents or which office; steps still to come are greyed. Hooks: `gz-custody-item`
 * (`--done` / `--pending`, plus `--documents_received` …); rows also carry `gz-timeline-item`.
 */
/** the resident's reassurance by default; the provider's page passes its own line */
const RESIDENT_HINT = '代办期间您的材料在谁手里、何时递交、何时归还，每一步都记录在这里。';

export function CustodyTimeline({ events, hint = RESIDENT_HINT }: { events: CustodyEventView[]; hint?: string }) {
  const byStep = new Map(events.map((event) => [event.step, event]));
  const lastDone = [...CUSTODY_STEP_ORDER].reverse().find((step) => byStep.has(step));
  return (
    <View className='gz-card gz-custody'>
      <Text className='gz-section-title'>材料流转</Text>
      <Text className='gz-hint'>{hint}</Text>
      <View className='gz-timeline'>
        {CUSTODY_STEP_ORDER.map((step) => {
          const event = byStep.get(step);
          return (
            <View
              key={step}
              className={`gz-timeline-item gz-custody-item gz-custody-item--${step.toLowerCase()} ${event ? 'gz-custody-item--done' : 'gz-custody-item--pending'} ${step === lastDone ? 'gz-timeline-item--latest' : ''}`}
            >
              <View className='gz-timeline-item__dot' />
              <View className='gz-timeline-item__content'>
                <View className='gz-timeline-item__head'>
                  <Text className='gz-timeline-item__action'>{event?.stepLabel ?? CUSTODY_STEP_LABELS[step]}</Text>
                  <Text className='gz-timeline-item__time'>{event ? formatDateTime(event.at) : '待办理'}</Text>
                </View>
                {event ? (
                  <>
                    <Text className='gz-timeline-item__actor'>经办：{event.actorName}</Text>
                    {event.documents.length ? <Text className='gz-timeline-item__note'>材料：{event.documents.join('、')}</Text> : null}
                    {event.office ? <Text className='gz-timeline-item__note'>递交至：{event.office}</Text> : null}
                    {event.note ? <Text className='gz-timeline-item__note'>{event.note}</Text> : null}
                  </>
                ) : null}
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
