import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { LIMITS, ratingReopens, REOPEN_EFFECT_THRESHOLD, type RateBody } from '@gezhi/shared';
import { errorMessage } from '../../api/client';
import { Button } from '../../ui/nutui';
import { charCount } from '../../utils/format';
import { StarRow } from '../StarRow';

type Dimension = 'speed' | 'effect' | 'attitude';

const DIMENSIONS: { key: Dimension; label: string; className: string }[] = [
  { key: 'speed', label: '办理速度', className: 'gz-rate-speed' },
  { key: 'effect', label: '解决效果', className: 'gz-rate-effect' },
  { key: 'attitude', label: '服务态度', className: 'gz-rate-attitude' },
];

export interface RatingFormProps {
  /** sends the rating; throw (an ApiError) to show a failure */
  onSubmit: (body: RateBody) => Promise<void>;
  /** default 请为这次办理评价 */
  title?: string;
  /** the line under the title (default: what rating a request does — 办结, or 重办 after a low effect score) */
  hint?: string;
  /** warn that a low effect score sends the item back (重办); off where a rating reopens nothing (bookings) */
  warnsRework?: boolean;
}

/** 群众评单: three 1–5 star scores and an optional comment; a low effect score sends the item back (重办). */
export function RatingForm({ onSubmit, title = '请为这次办理评价', hint, warnsRework = true }: RatingFormProps) {
  const [scores, setScores] = useState<Record<Dimension, number>>({ speed: 0, effect: 0, attitude: 0 });
  const [comment, setComment] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState('');

  const missing = DIMENSIONS.filter((d) => scores[d.key] === 0);
  const commentTooLong = charCount(comment.trim()) > LIMITS.commentMax;
  const willReopen = warnsRework && scores.effect > 0 && ratingReopens(scores.effect);

  const submit = async () => {
    setAttempted(true);
    setFailure('');
    if (missing.length || commentTooLong) return;
    setSubmitting(true);
    try {
      const trimmed = comment.trim();
      await onSubmit({ ...scores, comment: trimmed ? trimmed : undefined });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='gz-rating-form gz-card'>
      <Text className='gz-section-title'>{title}</Text>
      <Text className='gz-hint'>
        {hint ?? `评价后诉求即办结；若对解决效果不满意（${REOPEN_EFFECT_THRESHOLD} 星及以下），诉求将退回重新办理。`}
      </Text>
      {DIMENSIONS.map((d) => (
        <View key={d.key}>
          <StarRow
            label={d.label}
            value={scores[d.key]}
            className={d.className}
            onChange={(score) => setScores((current) => ({ ...current, [d.key]: score }))}
          />
          {attempted && scores[d.key] === 0 ? <Text className='gz-field-error'>请为“{d.label}”打分</Text> : null}
        </View>
      ))}
      {willReopen ? (
        <Text className='gz-rework-hint'>
          您给“解决效果”打了 {scores.effect} 星，提交后该诉求将退回网格重新办理（重办）。
        </Text>
      ) : null}
      <Textarea
        className='gz-textarea gz-comment'
        value={comment}
        placeholder='还有什么想说的？（选填）'
        maxlength={-1}
        onInput={(e) => setComment(e.detail.value)}
      />
      <Text className={`gz-counter ${commentTooLong ? 'gz-counter--over' : ''}`}>
        {charCount(comment.trim())}/{LIMITS.commentMax}
      </Text>
      {commentTooLong ? <Text className='gz-field-error'>评价内容不能超过 {LIMITS.commentMax} 字</Text> : null}
      {attempted && missing.length ? <Text className='gz-field-error'>请为三项都打分后再提交</Text> : null}
      {failure ? <Text className='gz-form-error'>{failure}</Text> : null}
      <Button className='gz-submit' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={submit}>
        提交评价
      </Button>
    </View>
  );
}
