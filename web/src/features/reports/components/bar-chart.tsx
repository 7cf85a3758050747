import { useEffect, useRef } from 'react'
import { axisMax, axisTicks, slantLabels } from './bar-chart-scale.ts'

// Loaded on demand (React.lazy) so the report's tables show before the chart. Drawn on a canvas
// by hand: one series of bars with their values needs no chart library (uPlot was 23 kB gzip of
// every app's download for this).

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
/** Room above the plot for the unit and the value label of the tallest bar. */
const TOP_ROOM = 28
/** Room left of the plot for the value axis' numbers. */
const VALUE_AXIS = 48
const RIGHT_ROOM = 8

function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

/**
 * Draws the chart in CSS pixels: bars, each with its value above it and its label below, the
 * value axis with grid lines and the unit above it, so it reads without colour or hovering (a
 * printed page has neither).
 */
function draw(canvas: HTMLCanvasElement, props: BarChartProps, width: number) {
  const { labels, values, unit, height = 260 } = props
  const ratio = window.devicePixelRatio || 1
  canvas.width = Math.round(width * ratio)
  canvas.height = Math.round(height * ratio)
  canvas.style.width = `${width}px`
  canvas.style.height = `${height}px`
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  ctx.scale(ratio, ratio)
  // key-900 on white is 10:1; the bars are told apart by their axis label and value, not by hue.
  const bar = themeColor('--color-key-900', '#0017c1')
  const ink = themeColor('--color-solid-gray-900', '#1a1a1a')
  const grid = themeColor('--color-solid-gray-200', '#cccccc')
  const left = VALUE_AXIS
  const top = TOP_ROOM
  const plotWidth = width - left - RIGHT_ROOM
  const slot = plotWidth / Math.max(1, labels.length)
  ctx.font = `13px ${FONT_FAMILY}`
  const crowded = slantLabels(
    labels.map((l) => ctx.measureText(l).width),
    slot,
  )
  const plotHeight = height - top - (crowded ? 70 : 36)
  const max = axisMax(values)
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight
  const x = (i: number) => left + slot * (i + 0.5)

  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  ctx.lineWidth = 1
  for (const tick of axisTicks(max)) {
    ctx.strokeStyle = grid
    ctx.beginPath()
    ctx.moveTo(left, Math.round(y(tick)) + 0.5)
    ctx.lineTo(left + plotWidth, Math.round(y(tick)) + 0.5)
    ctx.stroke()
    ctx.fillStyle = ink
    ctx.fillText(tick.toLocaleString('ja-JP'), left - 6, y(tick))
  }
  ctx.textBaseline = 'bottom'
  ctx.fillText(`（${unit}）`, left - 4, top - 8)

  const barWidth = Math.min(slot * 0.6, 48)
  values.forEach((v, i) => {
    ctx.fillStyle = bar
    ctx.fillRect(x(i) - barWidth / 2, y(v), barWidth, y(0) - y(v))
    ctx.fillStyle = ink
    ctx.font = `bold 12px ${FONT_FAMILY}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'bottom'
    ctx.fillText(v.toLocaleString('ja-JP'), x(i), y(v) - 3)
    ctx.font = `13px ${FONT_FAMILY}`
    ctx.textBaseline = 'top'
    if (crowded) {
      // Slanted, ending under its bar, so long month labels do not run into each other.
      ctx.save()
      ctx.translate(x(i), y(0) + 6)
      ctx.rotate(-Math.PI / 4)
      ctx.textAlign = 'right'
      ctx.fillText(labels[i] ?? '', 0, 0)
      ctx.restore()
    } else {
      ctx.fillText(labels[i] ?? '', x(i), y(0) + 6)
    }
  })
  ctx.strokeStyle = ink
  ctx.beginPath()
  ctx.moveTo(left, Math.round(y(0)) + 0.5)
  ctx.lineTo(left + plotWidth, Math.round(y(0)) + 0.5)
  ctx.stroke()
}

/** A single-series bar chart; the figure around it supplies text and data table. */
export function BarChart({ labels, values, unit, height }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  // Redraw only when the numbers change, not on every render of the page around it.
  const spec = JSON.stringify({ labels, values, unit, height })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const props = JSON.parse(spec) as BarChartProps
    const widthNow = () => Math.max(240, Math.min(el.clientWidth || MAX_WIDTH, MAX_WIDTH))
    const canvas = document.createElement('canvas')
    canvas.style.display = 'block'
    el.append(canvas)
    let drawnWidth = widthNow()
    draw(canvas, props, drawnWidth)
    const observer = new ResizeObserver(() => {
      if (drawnWidth === widthNow()) return
      drawnWidth = widthNow()
      draw(canvas, props, drawnWidth)
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      canvas.remove()
    }
  }, [spec])
  return <div ref={ref} className="report-chart w-full" />
}
