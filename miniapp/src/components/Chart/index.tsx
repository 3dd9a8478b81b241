/**
 * One chart (line / column / bar / pie) drawn by uCharts (`@qiun/ucharts`), with the numbers as a small table
 * under it (the accessible text fallback) and an empty state.
 *
 * Platform differences stay in here:
 * - weapp: `<Canvas type="2d">`; its node and CSS size come from `createSelectorQuery().fields({ node, size })`;
 * - H5: a plain DOM `<canvas>` inside a `<div>` whose width is measured (and re-measured on resize).
 * Both hand a standard CanvasRenderingContext2D to uCharts, which draws at width × pixelRatio.
 *
 * Staff screens only: keep it out of the main package (only subpackage pages import it; Taro's
 * optimizeMainPackage then puts uCharts into the staff subpackage's vendors — check:weapp verifies).
 */
import Taro from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import { createElement, useEffect, useMemo, useRef, useState } from 'react';
import UCharts from '@qiun/ucharts';
import { chartSummary, chartTable, isEmptyChart, toUChartsOptions, type ChartSize, type ChartSpec } from './adapter';
import './index.scss';

export type { ChartKind, ChartSeries, ChartSpec, ChartUnit } from './adapter';

export interface ChartProps {
  title: string;
  spec: ChartSpec;
  /** drawing height in design px (375 wide design); default 220 */
  height?: number;
  /** text of the empty state */
  emptyText?: string;
  className?: string;
}

let nextChartId = 1;

/** The fallback width when the container reports none (e.g. jsdom): the 375 design minus the page padding. */
const FALLBACK_WIDTH = 335;

function devicePixelRatio(): number {
  if (process.env.TARO_ENV === 'h5') return typeof window !== 'undefined' && window.devicePixelRatio ? window.devicePixelRatio : 1;
  try {
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync();
    return info.pixelRatio || 2;
  } catch {
    return 2;
  }
}

/**
 * Draws `spec` on a canvas whose 2D context and CSS size are known; returns the chart, or null without a context.
 * uCharts paints in a timer step even without animation, so a previous chart still painting is stopped first.
 */
function draw(context: CanvasRenderingContext2D | null | undefined, spec: ChartSpec, size: ChartSize, previous: UCharts | null): UCharts | null {
  if (!context) return null;
  previous?.stopAnimation?.();
  return new UCharts({ ...toUChartsOptions(spec, size), context });
}

export function Chart({ title, spec, height = 220, emptyText = '暂无数据', className }: ChartProps) {
  const idRef = useRef(`gz-chart-${nextChartId++}`);
  const hostRef = useRef<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [drawFailed, setDrawFailed] = useState(false);
  const chartRef = useRef<UCharts | null>(null);
  /** the size last drawn at: a resize event that changes nothing (e.g. a screenshot tool) must not clear the canvas */
  const drawnSizeRef = useRef('');
  const empty = isEmptyChart(spec);
  const table = useMemo(() => chartTable(spec), [spec]);
  const summary = useMemo(() => chartSummary(title, spec), [title, spec]);
  // redraw only when the numbers change, not on every render of the page
  const specKey = JSON.stringify(spec);
  // design px (375 wide): 2 rpx each in weapp; CSS px on H5 (the width is measured, so only the height is fixed)
  const cssHeight = process.env.TARO_ENV === 'h5' ? `${height}px` : `${height * 2}rpx`;

  useEffect(() => {
    if (empty) return undefined;
    let cancelled = false;
    drawnSizeRef.current = '';
    const paint = (context: CanvasRenderingContext2D | null | undefined, size: ChartSize) => {
      chartRef.current = draw(context, spec, size, chartRef.current);
      setDrawFailed(chartRef.current === null);
    };
    if (process.env.TARO_ENV === 'h5') {
      const render = () => {
        const host = hostRef.current;
        const canvas = canvasRef.current;
        if (cancelled || !host || !canvas) return;
        const width = host.clientWidth || FALLBACK_WIDTH;
        const cssHeightPx = canvas.clientHeight || height;
        const pixelRatio = devicePixelRatio();
        const sizeKey = `${width}x${cssHeightPx}@${pixelRatio}`;
        if (sizeKey === drawnSizeRef.current) return;
        drawnSizeRef.current = sizeKey;
        canvas.width = Math.round(width * pixelRatio);
        canvas.height = Math.round(cssHeightPx * pixelRatio);
        let context: CanvasRenderingContext2D | null = null;
        try {
          context = canvas.getContext('2d');
        } catch {
          context = null;
        }
        paint(context, { width, height: cssHeightPx, pixelRatio });
      };
      render();
      window.addEventListener('resize', render);
      return () => {
        cancelled = true;
        window.removeEventListener('resize', render);
        chartRef.current?.stopAnimation?.();
      };
    }
    // weapp: the Canvas node exists after this render is committed to the page
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${idRef.current}`)
        .fields({ node: true, size: true })
        .exec((result) => {
          const found = result?.[0] as { node?: any; width?: number; height?: number } | undefined;
          if (cancelled) return;
          if (!found?.node) {
            setDrawFailed(true);
            return;
          }
          const pixelRatio = devicePixelRatio();
          const width = found.width || FALLBACK_WIDTH;
          const cssHeightPx = found.height || height;
          const canvas = found.node;
          canvas.width = Math.round(width * pixelRatio);
          canvas.height = Math.round(cssHeightPx * pixelRatio);
          paint(canvas.getContext('2d'), { width, height: cssHeightPx, pixelRatio });
        });
    });
    return () => {
      cancelled = true;
      chartRef.current?.stopAnimation?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, empty, height]);

  return (
    <View className={`gz-chart gz-chart--${spec.kind} ${empty ? 'gz-chart--empty' : ''} ${className ?? ''}`}>
      <Text className='gz-chart__title'>{title}</Text>
      {empty ? (
        <View className='gz-chart__empty'>{emptyText}</View>
      ) : (
        <>
          {process.env.TARO_ENV === 'h5' ? (
            createElement(
              'div',
              { ref: hostRef, className: 'gz-chart__host' },
              createElement('canvas', {
                ref: canvasRef,
                className: 'gz-chart__canvas',
                'data-chart-kind': spec.kind,
                role: 'img',
                'aria-label': summary,
                style: { width: '100%', height: cssHeight, display: 'block' },
              }),
            )
          ) : (
            <View className='gz-chart__host' ariaRole='img' ariaLabel={summary}>
              <Canvas type='2d' id={idRef.current} className='gz-chart__canvas' style={{ width: '100%', height: cssHeight }} />
            </View>
          )}
          {drawFailed ? <Text className='gz-hint gz-chart__fallback-note'>图表暂时无法显示，数据见下表</Text> : null}
          <View className='gz-chart__table' ariaRole='table' ariaLabel={`${title}数据表`}>
            <View className='gz-chart__row gz-chart__row--head' ariaRole='row'>
              {table.header.map((cell, i) => (
                <View key={i} className='gz-chart__cell' ariaRole='columnheader'>
                  {cell}
                </View>
              ))}
            </View>
            {table.rows.map((row, r) => (
              <View key={r} className='gz-chart__row' ariaRole='row'>
                {row.map((cell, i) => (
                  <View key={i} className='gz-chart__cell' ariaRole={i === 0 ? 'rowheader' : 'cell'}>
                    {cell}
                  </View>
                ))}
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}
