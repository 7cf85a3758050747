import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

// Loaded on demand (React.lazy) so the report's tables show before the chart library arrives.

export interface BarChartProps {
  labels: string[]
  values: number[]
  /** The unit of the values, shown at the top of the value axis: 件. */
  unit: string
  height?: number
}

/**
 * Widest chart: it sits beside its data table, in the printable width of A4 with 15 mm margins
 * (about 680 CSS px) as on a wide screen, so the two share it about two to one.
 */
const MAX_WIDTH = 440
const FONT_FAMILY = '"Noto Sans JP", "Hiragino Sans", Meiryo, sans-serif'
const AXIS_FONT = `13px ${FONT_FAMILY}`
/** Room above the plot for the unit and the value label of the tallest bar. */
const TOP_ROOM = 28

function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

/**
 * Writes each bar's value above it and the unit above the value axis, so the chart reads without
 * colour or hovering (a printed page has neither). Sizes are in canvas pixels (× pxRatio).
 */
function drawLabels(unit: string, ink: string) {
  return (u: uPlot) => {
    const { ctx } = u
    const ratio = uPlot.pxRatio
    const values = u.data[1] ?? []
    ctx.save()
    ctx.fillStyle = ink
    ctx.font = `bold ${Math.round(12 * ratio)}px ${FONT_FAMILY}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'bottom'
    values.forEach((v, i) => {
      if (v === null || v === undefined) return
      const x = u.valToPos(i, 'x', true)
      const y = u.valToPos(v, 'y', true)
      ctx.fillText(v.toLocaleString('ja-JP'), x, y - 3 * ratio)
    })
    ctx.font = `${Math.round(13 * ratio)}px ${FONT_FAMILY}`
    ctx.textAlign = 'right'
    ctx.fillText(`（${unit}）`, u.bbox.left - 4 * ratio, u.bbox.top - 8 * ratio)
    ctx.restore()
  }
}

function options(props: BarChartProps, width: number): uPlot.Options {
  const { labels, unit, height = 260 } = props
  // key-900 on white is 10:1; the bars are told apart by their axis label and value, not by hue.
  const bar = themeColor('--color-key-900', '#0017c1')
  const ink = themeColor('--color-solid-gray-900', '#1a1a1a')
  const grid = themeColor('--color-solid-gray-200', '#cccccc')
  const crowded = labels.length > 12
  return {
    width,
    height,
    padding: [TOP_ROOM, 8, 0, 0],
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
        size: crowded ? 70 : 36,
      },
      {
        stroke: ink,
        font: AXIS_FONT,
        grid: { stroke: grid, width: 1 },
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? v.toLocaleString('ja-JP') : '')),
        size: 48,
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
        paths: uPlot.paths.bars?.({ size: [0.6, 48] }),
      },
    ],
    hooks: { draw: [drawLabels(unit, ink)] },
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
    const observer = new ResizeObserver(() => {
      if (chart.width !== widthNow()) chart.setSize({ width: widthNow(), height: chart.height })
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.destroy()
    }
  }, [spec])
  return <div ref={ref} className="report-chart w-full" />
}
