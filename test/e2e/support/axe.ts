// A real accessibility audit in the browser journeys: axe-core (the engine Lighthouse's accessibility
// category runs) injected into the page under test and run against WCAG 2.0/2.1 level A and AA rules.
// Lighthouse alone would only give a score; this names each failing rule and the element it failed on.
import type { Page } from 'playwright-core'
import { repoRoot } from './paths'
import path from 'node:path'

const AXE_SCRIPT = path.join(repoRoot, 'node_modules/axe-core/axe.min.js')

/** WCAG 2.0 and 2.1, levels A and AA: what the issue asks for (contrast, text alternatives, names, zoom). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export type AxeViolation = {
  /** axe rule id, e.g. color-contrast, image-alt, button-name, meta-viewport. */
  rule: string
  impact: string | null
  help: string
  /** One entry per failing element: its CSS selector and axe's summary of what is wrong with it. */
  nodes: { target: string; summary: string }[]
}

/**
 * Runs axe on what the page shows now and returns the violations (empty when it passes).
 * Taro's H5 router keeps earlier pages in the DOM but hidden; axe skips hidden content, so only the
 * page in front is judged.
 */
export async function auditAccessibility(page: Page, tags: string[] = WCAG_AA_TAGS): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT })
  return page.evaluate(async (runOnly: string[]) => {
    type AxeResult = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[]; failureSummary?: string }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] })
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }))
  }, tags)
}

/** One line per failing element, readable in a failed test's output. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `  [${violation.rule}${violation.impact ? `, ${violation.impact}` : ''}] ${node.target}: ${node.summary}`,
      ),
    )
    .join('\n')
}

/** Throws with every violation listed (rule, target, summary) when the page fails the audit. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await auditAccessibility(page)
  if (violations.length) {
    const count = violations.reduce((sum, violation) => sum + violation.nodes.length, 0)
    throw new Error(
      `${where}: ${count} accessibility violation(s) in ${violations.length} rule(s):\n${formatViolations(violations)}`,
    )
  }
}
