/** uCharts (`@qiun/ucharts`) ships no types; the part this app uses. Options are built by components/Chart/adapter.ts. */
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(options: Record<string, unknown> & { context: unknown });
    updateData(data: Record<string, unknown>): void;
    showToolTip(event: unknown, options?: Record<string, unknown>): void;
    /** stops a draw still running (uCharts paints in timer steps) */
    stopAnimation(): void;
  }
}
