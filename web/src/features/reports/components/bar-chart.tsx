import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

// Loaded on demand (React.lazy) so the report's tables show before the chart library arrives.

export interface BarChartProps {
  labels: string[]
  values: number[]
  /** Name of the counted thing, e.g. 件数. */
  unit: string
  height?: number
}

/** Widest chart: the printable width of A4 with 15 mm margins (about 680 CSS px). */
const MAX_WIDTH = 680
const AXIS_FONT = '14px "Noto Sans JP", "Hiragino Sans", Meiryo, sans-serif'

function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

function options(props: BarChartProps, width: number): uPlot.Options {
  const { labels, unit, height = 280 } = props
  const bar = themeColor('--color-key-900', '#0017c1')
  const ink = themeColor('--color-solid-gray-900', '#1a1a1a')
  const grid = themeColor('--color-solid-gray-200', '#cccccc')
  const crowded = labels.length > 8
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, labels.length - 0.5] },
      y: { range: (_u, _min, max) => [0, max > 0 ? Math.ceil(max * 1.1) : 1] },
    },
    axes: [
      {
        stroke: ink,
        font: AXIS_FONT,
        grid: { show: false },
        splits: () => labels.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
        rotate: crowded ? -45 : 0,
        size: crowded ? 80 : 40,
      },
      {
        stroke: ink,
        font: AXIS_FONT,
        grid: { stroke: grid, width: 1 },
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? v.toLocaleString('ja-JP') : '')),
        size: 60,
      },
    ],
    series: [
      {},
      {
        label: unit,
        fill: bar,
        stroke: bar,
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars?.({ size: [0.6, 64] }),
      },
    ],
  }
}

/** A single-series bar chart drawn with uPlot; the figure around it supplies text and data table. */
export function BarChart({ labels, values, unit, height }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  // Redraw only when the numbers change, not on every render of the page around it.
  const spec = JSON.stringify({ labels, values, unit, height })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const props = JSON.parse(spec) as BarChartProps
    const widthNow = () => Math.max(240, Math.min(el.clientWidth || MAX_WIDTH, MAX_WIDTH))
    const data: uPlot.AlignedData = [props.labels.map((_, i) => i), props.values]
    const chart = new uPlot(options(props, widthNow()), data, el)
    const observer = new ResizeObserver(() => chart.setSize({ width: widthNow(), height: chart.height }))
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.destroy()
    }
  }, [spec])
  return <div ref={ref} className="report-chart w-full" />
}
